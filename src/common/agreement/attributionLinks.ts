import type { LayerDoc, Span } from '../model';

/** The labels an attribution link goes from and to. */
export interface AttributionLabels {
  from: string;
  to: string;
}

/** Gloss's default: a QUOTE attributed to its SPEAKER. */
export const DEFAULT_ATTRIBUTION: AttributionLabels = { from: 'QUOTE', to: 'SPEAKER' };

/**
 * The attribution links of a layer document as comparable keys: every relation, of any type,
 * from a span labelled `labels.from` to a span labelled `labels.to`, identified by both
 * endpoints' exact start and end (`"qs:qe>ss:se"`). Relations whose endpoints are missing are
 * skipped; the same link recorded twice counts once.
 */
export function attributionLinks(doc: LayerDoc | undefined, labels: AttributionLabels = DEFAULT_ATTRIBUTION): Set<string> {
  const links = new Set<string>();
  if (!doc || doc.relations.length === 0) return links;
  const spans = doc.spans;
  // Documents are small: a linear search beats building a map unless there are many spans.
  const byId = spans.length > 64 ? new Map(spans.map((s) => [s.id, s])) : null;
  for (const r of doc.relations) {
    const from = byId ? byId.get(r.from) : findSpan(spans, r.from);
    if (!from || from.label !== labels.from) continue;
    const to = byId ? byId.get(r.to) : findSpan(spans, r.to);
    if (!to || to.label !== labels.to) continue;
    links.add(`${from.start}:${from.end}>${to.start}:${to.end}`);
  }
  return links;
}

function findSpan(spans: readonly Span[], id: string): Span | undefined {
  for (let i = spans.length - 1; i >= 0; i--) if (spans[i].id === id) return spans[i];
  return undefined;
}
