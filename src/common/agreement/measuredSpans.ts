import type { LayerDoc } from '../model';

/** A span reduced to what the agreement measures look at. Offsets are code points. */
export interface MeasuredSpan {
  id: string;
  start: number;
  end: number;
  label: string;
}

/**
 * The spans of one layer document that the agreement measures use: only the given labels (all
 * when `labels` is null), offsets clamped to [0, length], spans left empty dropped; sorted by
 * start, end, label, id. A missing document is an empty layer. Orphaned spans are not counted.
 */
export function measuredSpans(doc: LayerDoc | undefined, labels: ReadonlySet<string> | null, length: number): readonly MeasuredSpan[] {
  if (!doc) return [];
  const out: MeasuredSpan[] = [];
  for (const s of doc.spans) {
    if (labels !== null && !labels.has(s.label)) continue;
    if (s.start >= 0 && s.end <= length) {
      // In range (the usual case): the span itself serves, read-only.
      if (s.end > s.start) out.push(s);
      continue;
    }
    const start = Math.max(0, Math.min(length, s.start));
    const end = Math.max(0, Math.min(length, s.end));
    if (end > start) out.push({ id: s.id, start, end, label: s.label });
  }
  return out.sort(compareMeasuredSpans);
}

/** Orders spans by start, end, label, id. */
export function compareMeasuredSpans(a: MeasuredSpan, b: MeasuredSpan): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
