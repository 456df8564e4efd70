import { memo, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import type { LabelSchema, LayerDoc, Span } from '../../common/model';
import { labelPattern } from '../editor/spanStyle';
import { VirtualList } from './VirtualList';

const SPAN_ROW_HEIGHT = 44;

interface Props {
  doc: LayerDoc;
  spans: Span[];
  schema: LabelSchema;
  selectedId: string | null;
  linkingFrom: string | null;
  readOnly: boolean;
  onSelect: (id: string) => void;
  onDelete: (id: string) => void;
  onLabel: (label: string) => void;
  onSetAttr: (spanId: string, name: string, value: string | null) => void;
  onStartLink: (spanId: string) => void;
  onPickLinkTarget: (spanId: string) => void;
  onRemoveRelation: (relationId: string) => void;
  onHover: (ids: string[]) => void;
  /** Extra sections under the label buttons (the suggestions). */
  children?: ReactNode;
}

export function excerpt(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/** Label buttons, the selected span's attributes and links, and every span of the article. */
export function SpanPanel(p: Props) {
  const byId = new Map(p.doc.spans.map((s) => [s.id, s]));
  const selected = p.selectedId ? byId.get(p.selectedId) ?? null : null;
  const labelDef = selected ? p.schema.labels.find((l) => l.name === selected.label) : undefined;
  const linking = p.linkingFrom ? byId.get(p.linkingFrom) ?? null : null;
  const targets = linking
    ? p.spans.filter((s) => s.id !== linking.id && p.schema.relations.some((r) => r.from.includes(linking.label) && r.to.includes(s.label)))
    : [];
  const relationsOf = (id: string) => p.doc.relations.filter((r) => r.from === id || r.to === id);
  const color = (label: string) => p.schema.labels.find((l) => l.name === label)?.color;
  const canLink = (s: Span) => p.schema.relations.some((r) => r.from.includes(s.label));
  const linkCounts = new Map<string, number>();
  for (const r of p.doc.relations) {
    linkCounts.set(r.from, (linkCounts.get(r.from) ?? 0) + 1);
    linkCounts.set(r.to, (linkCounts.get(r.to) ?? 0) + 1);
  }
  // Rows get stable callbacks so that one change re-renders one row, not thousands.
  const latest = useRef(p);
  latest.current = p;
  const actions = useMemo<RowActions>(() => ({
    select: (id) => latest.current.onSelect(id),
    remove: (id) => latest.current.onDelete(id),
    hover: (ids) => latest.current.onHover(ids),
  }), []);

  return (
    <aside className="side-panel" aria-label="Labels and spans">
      <section aria-label="Labels">
        <h2>Labels</h2>
        <div className="label-buttons">
          {p.schema.labels.map((l, i) => (
            <button key={l.name} onMouseDown={(e) => e.preventDefault()} onClick={() => p.onLabel(l.name)} title={l.description} aria-label={`Label selection as ${l.name} (key ${l.key})`} data-testid={`label-${l.name}`}>
              <span className={`swatch pattern-${labelPattern(i)}`} style={{ borderColor: l.color }} aria-hidden="true" />
              {l.name} {l.key && <kbd>{l.key}</kbd>}
            </button>
          ))}
        </div>
      </section>

      {p.children}

      {linking && (
        <section className="linking" aria-label="Link target" role="region">
          <h2>Link {linking.label} “{excerpt(linking.text, 40)}” to…</h2>
          <p className="hint">Click a span in the text or pick one here. Escape cancels.</p>
          {targets.length === 0 && <p className="hint">No span of a label this one can link to ({p.schema.relations.filter((r) => r.from.includes(linking.label)).map((r) => r.to.join('/')).join(', ') || 'none in the schema'}).</p>}
          <ul className="span-list">
            {targets.map((s) => (
              <li key={s.id}>
                <button className="span-select" onClick={() => p.onPickLinkTarget(s.id)} data-testid="link-target">
                  <span className="span-label" style={{ color: color(s.label) }}>{s.label}</span>
                  <span className="span-text">{excerpt(s.text)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {selected && !linking && (
        <section className="selected-span" aria-label="Selected span" data-testid="selected-span">
          <h2>Selected: {selected.label}</h2>
          <p className="span-text">{excerpt(selected.text, 200)}</p>
          <p className="hint">characters {selected.start}–{selected.end} · {selected.origin}</p>
          {(labelDef?.attributes ?? []).map((a) => (
            <label key={a.name} className="attr">
              {a.name}
              <select
                value={selected.attrs[a.name] ?? ''}
                disabled={p.readOnly}
                aria-label={`Attribute ${a.name}`}
                onChange={(e) => p.onSetAttr(selected.id, a.name, e.target.value || null)}
              >
                <option value="">(not set)</option>
                {a.values.map((v) => <option key={v} value={v}>{v}</option>)}
              </select>
            </label>
          ))}
          <div className="links">
            {relationsOf(selected.id).map((r) => {
              const other = byId.get(r.from === selected.id ? r.to : r.from);
              return (
                <div key={r.id} className="link" data-testid="relation">
                  <span>{r.from === selected.id ? '→' : '←'} {r.type} {other?.label} “{excerpt(other?.text ?? '?', 40)}”</span>
                  <button onClick={() => p.onRemoveRelation(r.id)} disabled={p.readOnly} aria-label={`Remove link ${r.type} to ${other?.label}`}>Unlink</button>
                </div>
              );
            })}
            {canLink(selected) && <button onClick={() => p.onStartLink(selected.id)} disabled={p.readOnly}>Link… <kbd>A</kbd></button>}
          </div>
        </section>
      )}

      <section aria-label="Spans" className="spans-section">
        <h2>Spans ({p.spans.length})</h2>
        <VirtualList
          className="span-list"
          label="Spans of this article"
          items={p.spans}
          rowHeight={SPAN_ROW_HEIGHT}
          focusIndex={p.selectedId ? p.spans.findIndex((s) => s.id === p.selectedId) : undefined}
          renderRow={(s) => (
            <SpanRow
              key={s.id}
              span={s}
              selected={s.id === p.selectedId}
              links={linkCounts.get(s.id) ?? 0}
              color={color(s.label)}
              readOnly={p.readOnly}
              actions={actions}
            />
          )}
        />
      </section>
    </aside>
  );
}

interface RowActions {
  select: (id: string) => void;
  remove: (id: string) => void;
  hover: (ids: string[]) => void;
}

/** One span in the side panel's list. */
const SpanRow = memo(function SpanRow({ span: s, selected, links, color, readOnly, actions }: { span: Span; selected: boolean; links: number; color?: string; readOnly: boolean; actions: RowActions }) {
  return (
    <li
      className={selected ? 'selected' : ''}
      data-testid="span-item"
      data-span-id={s.id}
      data-label={s.label}
      onMouseEnter={() => actions.hover([s.id])}
      onMouseLeave={() => actions.hover([])}
    >
      <button className="span-select" onClick={() => actions.select(s.id)} aria-pressed={selected} aria-label={`${s.label}: ${excerpt(s.text)} (characters ${s.start} to ${s.end})${links ? `, ${links} link(s)` : ''}`}>
        <span className="span-label" style={{ color }}>{s.label}</span>
        <span className="span-text">{excerpt(s.text)}</span>
        {Object.entries(s.attrs).map(([k, v]) => <span key={k} className="attr-chip">{k}: {v}</span>)}
        {links > 0 && <span className="link-chip" aria-hidden="true">⇄{links}</span>}
        {s.flagged && <span className="flag-chip" title={s.flagged}>moved</span>}
      </button>
      <button className="span-delete" onClick={() => actions.remove(s.id)} disabled={readOnly} aria-label={`Delete ${s.label} span`}>×</button>
    </li>
  );
});
