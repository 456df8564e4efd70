import type { MeasuredSpan } from './measuredSpans';

/** How the layers relate on one stretch of text. */
export type AgreementKind = 'agree' | 'partial' | 'only';

/** Spans of several layers that belong together, with how they agree. */
export interface SpanGroup {
  kind: AgreementKind;
  /** Smallest start of the group's spans (code points). */
  start: number;
  /** Largest end of the group's spans (code points). */
  end: number;
  /** Distinct labels of the group's spans, sorted. */
  labels: string[];
  /** Span ids per layer, in the order the layers were given; empty where a layer has none. */
  spanIds: string[][];
}

interface Entry {
  span: MeasuredSpan;
  layer: number;
}

interface Extent {
  /** Its spans are entries[from..to). */
  from: number;
  to: number;
  start: number;
  end: number;
  /** Which layers have it: a bit mask, or "0,2,..." beyond 30 layers. */
  presence: number | string;
}

interface Linked {
  entries: Entry[];
  agreed: Extent[];
  rest: Extent[];
  /** Component root of each extent of `rest`. */
  root: number[];
  components: number;
}

/**
 * Groups the spans of several layers for review.
 *
 * Spans with the same start, end and label form one extent. An extent present in every layer is
 * an `agree` group. The remaining extents are linked when they overlap (share a character,
 * whatever their labels) and are not present in exactly the same layers; each connected set of
 * linked extents is one group: `partial` when it holds more than one extent (the layers marked
 * this stretch with different extents or labels), `only` when it is a single extent (some layers
 * marked it, the others nothing that disagrees with it). Groups are sorted by start, end, kind
 * (agree, partial, only), then labels.
 */
export function groupSpans(perLayer: readonly (readonly MeasuredSpan[])[]): SpanGroup[] {
  const { entries, agreed, rest, root } = linkExtents(perLayer);
  const idsOf = (extents: readonly Extent[]) => {
    const ids: string[][] = perLayer.map(() => []);
    for (const e of extents) for (let i = e.from; i < e.to; i++) ids[entries[i].layer].push(entries[i].span.id);
    return ids;
  };
  const groups: SpanGroup[] = agreed.map((e) => ({
    kind: 'agree', start: e.start, end: e.end, labels: [entries[e.from].span.label], spanIds: idsOf([e]),
  }));
  const members = new Map<number, Extent[]>();
  rest.forEach((e, i) => {
    const list = members.get(root[i]);
    if (list) list.push(e);
    else members.set(root[i], [e]);
  });
  for (const list of members.values()) {
    let start = Infinity;
    let end = -Infinity;
    const labels = new Set<string>();
    for (const e of list) {
      start = Math.min(start, e.start);
      end = Math.max(end, e.end);
      labels.add(entries[e.from].span.label);
    }
    groups.push({ kind: list.length > 1 ? 'partial' : 'only', start, end, labels: [...labels].sort(), spanIds: idsOf(list) });
  }
  return groups.sort((a, b) => a.start - b.start || a.end - b.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]
    || compareText(a.labels.join('\u0000'), b.labels.join('\u0000')));
}

/** Number of `partial` and `only` groups that {@link groupSpans} would return. */
export function disagreementCount(perLayer: readonly (readonly MeasuredSpan[])[]): number {
  return linkExtents(perLayer).components;
}

// Hot path of computeAgreement (once per article): plain loops, no closures.
function linkExtents(perLayer: readonly (readonly MeasuredSpan[])[]): Linked {
  const layerCount = perLayer.length;
  const entries: Entry[] = [];
  for (let layer = 0; layer < layerCount; layer++) {
    const spans = perLayer[layer];
    for (let k = 0; k < spans.length; k++) entries.push({ span: spans[k], layer });
  }
  entries.sort(compareEntries);

  const agreed: Extent[] = [];
  const rest: Extent[] = [];
  for (let i = 0; i < entries.length;) {
    const first = entries[i].span;
    const from = i;
    let mask = 0;
    let layers = '';
    let present = 0;
    let lastLayer = -1;
    for (; i < entries.length; i++) {
      const { span, layer } = entries[i];
      if (span.start !== first.start || span.end !== first.end || span.label !== first.label) break;
      if (layer === lastLayer) continue;
      lastLayer = layer;
      present++;
      if (layerCount <= 30) mask |= 1 << layer;
      else layers += `${layer},`;
    }
    const extent: Extent = { from, to: i, start: first.start, end: first.end, presence: layerCount <= 30 ? mask : layers };
    if (present === layerCount) agreed.push(extent);
    else rest.push(extent);
  }

  // `rest` is sorted by start: link each extent to the earlier ones that still reach into it.
  const root: number[] = new Array(rest.length);
  for (let i = 0; i < rest.length; i++) root[i] = i;
  let components = rest.length;
  const active: number[] = [];
  for (let i = 0; i < rest.length; i++) {
    const e = rest[i];
    let kept = 0;
    for (let a = 0; a < active.length; a++) {
      const k = active[a];
      if (rest[k].end <= e.start) continue;
      active[kept++] = k;
      if (rest[k].presence === e.presence) continue;
      const ra = findRoot(root, k);
      const rb = findRoot(root, i);
      if (ra !== rb) {
        root[Math.max(ra, rb)] = Math.min(ra, rb);
        components--;
      }
    }
    active.length = kept;
    active.push(i);
  }
  for (let i = 0; i < rest.length; i++) root[i] = findRoot(root, i);
  return { entries, agreed, rest, root, components };
}

function findRoot(root: number[], i: number): number {
  while (root[i] !== i) {
    root[i] = root[root[i]];
    i = root[i];
  }
  return i;
}

function compareEntries(x: Entry, y: Entry): number {
  return x.span.start - y.span.start || x.span.end - y.span.end || compareText(x.span.label, y.span.label) || x.layer - y.layer;
}

const KIND_ORDER: Record<AgreementKind, number> = { agree: 0, partial: 1, only: 2 };

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
