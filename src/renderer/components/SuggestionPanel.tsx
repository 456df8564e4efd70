import type { LabelSchema } from '../../common/model';
import type { SuggestionsState } from '../state/useSuggestions';
import { excerpt } from './SpanPanel';

interface Props {
  suggestions: SuggestionsState;
  schema: LabelSchema;
  readOnly: boolean;
}

/** The side panel's suggestions section: counts per label with accept/reject all, and the current suggestion. */
export function SuggestionPanel({ suggestions: sg, schema, readOnly }: Props) {
  if (!sg.show) return null;
  const color = (label: string) => schema.labels.find((l) => l.name === label)?.color;
  const cur = sg.current;
  const target = cur?.targets?.[0];
  return (
    <section className="suggestions-section" aria-label="Suggestions" data-testid="suggestions">
      <h2>
        Suggestions ({sg.loading ? '…' : sg.visible.length})
        {sg.rejectedCount > 0 && (
          <button className="link-button" onClick={sg.restoreRejected} disabled={readOnly} title="Take back every rejection of this article and ask the engines again">
            restore {sg.rejectedCount} rejected
          </button>
        )}
      </h2>
      {sg.visible.length === 0 && !sg.loading && <p className="hint">No pending suggestions for this article.</p>}
      {sg.visible.length > 0 && <p className="hint"><kbd>Tab</kbd> next · <kbd>Enter</kbd> accept · <kbd>Backspace</kbd> reject</p>}
      <ul className="suggestion-labels">
        {[...sg.counts.entries()].map(([label, n]) => (
          <li key={label} data-testid="suggestion-label" data-label={label}>
            <span className="span-label" style={{ color: color(label) }}>{label}</span> <span className="count">{n}</span>
            <button onClick={() => sg.acceptLabel(label)} disabled={readOnly} aria-label={`Accept all ${n} ${label} suggestions`}>Accept all</button>
            <button onClick={() => sg.rejectLabel(label)} disabled={readOnly} aria-label={`Reject all ${n} ${label} suggestions`}>Reject all</button>
          </li>
        ))}
      </ul>
      {cur && (
        <div className="current-suggestion" data-testid="current-suggestion" data-label={cur.label}>
          <p>
            <span className="span-label" style={{ color: color(cur.label) }}>{cur.label}</span>{' '}
            <span className="span-text">{excerpt(cur.text, 160)}</span>
          </p>
          {target && <p className="hint">→ {target.type} {target.label} “{excerpt(target.text, 40)}”</p>}
          <p className="hint">{cur.engine} · score {cur.score.toFixed(2)}{cur.reason ? ` · ${cur.reason}` : ''} · characters {cur.start}–{cur.end}</p>
          <button onClick={() => sg.accept(cur.id)} disabled={readOnly}>Accept <kbd>Enter</kbd></button>{' '}
          <button onClick={() => sg.reject(cur.id)} disabled={readOnly}>Reject <kbd>Backspace</kbd></button>
        </div>
      )}
    </section>
  );
}
