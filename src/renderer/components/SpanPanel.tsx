import type { LabelSchema, Span } from '../../common/model';
import { labelPattern } from '../editor/spanStyle';

interface Props {
  spans: Span[];
  schema: LabelSchema;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onDelete: (id: string) => void;
  onLabel: (label: string) => void;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 90 ? flat.slice(0, 89) + '…' : flat;
}

/** Label buttons and the list of the article's spans. */
export function SpanPanel({ spans, schema, selectedId, onSelect, onDelete, onLabel }: Props) {
  return (
    <aside className="side-panel" aria-label="Labels and spans">
      <section aria-label="Labels">
        <h2>Labels</h2>
        <div className="label-buttons">
          {schema.labels.map((l, i) => (
            <button key={l.name} onMouseDown={(e) => e.preventDefault()} onClick={() => onLabel(l.name)} title={l.description} aria-label={`Label selection as ${l.name} (key ${l.key})`} data-testid={`label-${l.name}`}>
              <span className={`swatch pattern-${labelPattern(i)}`} style={{ borderColor: l.color }} aria-hidden="true" />
              {l.name} <kbd>{l.key}</kbd>
            </button>
          ))}
        </div>
      </section>
      <section aria-label="Spans">
        <h2>Spans ({spans.length})</h2>
        <ul className="span-list">
          {spans.map((s) => (
            <li key={s.id} className={s.id === selectedId ? 'selected' : ''} data-testid="span-item" data-span-id={s.id} data-label={s.label}>
              <button className="span-select" onClick={() => onSelect(s.id)} aria-pressed={s.id === selectedId} aria-label={`${s.label}: ${excerpt(s.text)} (characters ${s.start} to ${s.end})`}>
                <span className="span-label" style={{ color: schema.labels.find((l) => l.name === s.label)?.color }}>{s.label}</span>
                <span className="span-text">{excerpt(s.text)}</span>
              </button>
              <button className="span-delete" onClick={() => onDelete(s.id)} aria-label={`Delete ${s.label} span`}>×</button>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
