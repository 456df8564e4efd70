import type { LayerDoc, Span } from '../model';

/** A span proposed for the gold layer, with the layers it was taken from. */
export interface AdjudicatedSpan extends Span {
  /** Layers that had this span (start, end and label), in the order given. */
  sources: string[];
}

/** Which labels {@link mergeAgreed} takes. */
export interface MergeOptions {
  /** Labels to take; default: all. */
  labels?: readonly string[];
}

/**
 * The spans every one of `layers` agrees on (same start, end and label), ready for a gold layer:
 * origin `adjudicated:<layer1>+<layer2>...`, created and updated at `now`, `sources` the layers,
 * text from the first layer's span, and only the attributes whose values all layers share. Ids
 * are derived from the extent (`adj-<start>-<end>-<label>`), so merging twice gives the same ids.
 * A missing document is an empty layer, so nothing is agreed. Sorted by start, end, label.
 */
export function mergeAgreed(
  docs: Readonly<Record<string, LayerDoc | undefined>>,
  layers: readonly string[],
  now: string,
  opts: MergeOptions = {},
): AdjudicatedSpan[] {
  if (layers.length === 0) return [];
  const labels = opts.labels ? new Set(opts.labels) : null;
  const keyed = layers.map((layer) => {
    const byKey = new Map<string, Span>();
    for (const s of docs[layer]?.spans ?? []) {
      if (s.end <= s.start || (labels !== null && !labels.has(s.label))) continue;
      const key = `${s.start}:${s.end}:${s.label}`;
      if (!byKey.has(key)) byKey.set(key, s);
    }
    return byKey;
  });
  const origin = `adjudicated:${layers.join('+')}`;
  const out: AdjudicatedSpan[] = [];
  for (const [key, first] of keyed[0]) {
    const all = keyed.map((m) => m.get(key));
    if (all.some((s) => s === undefined)) continue;
    const attrs: Record<string, string> = {};
    for (const [name, value] of Object.entries(first.attrs ?? {})) {
      if (all.every((s) => s!.attrs?.[name] === value)) attrs[name] = value;
    }
    out.push({
      id: `adj-${first.start}-${first.end}-${first.label}`,
      start: first.start,
      end: first.end,
      label: first.label,
      text: first.text,
      attrs,
      origin,
      createdAt: now,
      updatedAt: now,
      sources: [...layers],
    });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
