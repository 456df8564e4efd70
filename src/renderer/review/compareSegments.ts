/**
 * What the compare view paints: the article cut into segments, each knowing, per compared layer,
 * whether that layer has a span there, with which label and how it agrees (the kind of its
 * compareLayers group), and which gold spans cover it. Pure, in UTF-16 offsets.
 */
import type { AgreementKind, LayerComparison } from '../../common/agreement';
import type { LayerDoc, Span } from '../../common/model';
import type { OffsetMap } from '../../common/offsets';
import { spanSegments } from '../../common/spanSegments';

/** How one layer stands on one segment. */
export interface LayerMark {
  kind: AgreementKind;
  /** Label of the innermost span of the layer covering the segment. */
  label: string;
  /** All the labels of the layer's spans covering the segment. */
  labels: string[];
}

export interface CompareSegment {
  /** UTF-16 offsets. */
  from: number;
  to: number;
  /** One entry per compared layer, in their order; null where the layer has no span. */
  rows: (LayerMark | null)[];
  /** Gold spans covering the segment, outermost first. */
  gold: Span[];
  /** Indexes (into the groups given) of the groups whose spans cover the segment. */
  groups: number[];
}

/** Worst first: a segment where a layer's spans differ in kind shows the most severe. */
const SEVERITY: Record<AgreementKind, number> = { agree: 0, partial: 1, only: 2 };

/**
 * Segments of the article for these layers' spans (of `labels`, when given) and gold's spans,
 * with the agreement kind of each span taken from `groups` (compareLayers' result for the same
 * layers and labels).
 */
export function compareSegments(
  map: OffsetMap,
  layers: readonly string[],
  docs: Readonly<Record<string, LayerDoc | undefined>>,
  groups: readonly LayerComparison[],
  gold: readonly Span[],
  labels?: readonly string[],
): CompareSegment[] {
  const wanted = labels ? new Set(labels) : null;
  const groupOf = new Map<string, number>();
  groups.forEach((g, index) => {
    for (const [layer, ids] of Object.entries(g.spans)) for (const id of ids) groupOf.set(`${layer}\u0001${id}`, index);
  });
  const length = map.codePointLength;
  const info = new Map<string, { layer: number; span: Span; group: number | undefined }>();
  const ranges: { id: string; from: number; to: number }[] = [];
  const add = (key: string, span: Span) => {
    const start = Math.min(Math.max(0, span.start), length);
    const end = Math.min(Math.max(0, span.end), length);
    if (end <= start) return false;
    ranges.push({ id: key, from: map.toUtf16(start), to: map.toUtf16(end) });
    return true;
  };
  layers.forEach((layer, i) => {
    for (const span of docs[layer]?.spans ?? []) {
      if (wanted && !wanted.has(span.label)) continue;
      const key = `${i}\u0001${span.id}`;
      if (add(key, span)) info.set(key, { layer: i, span, group: groupOf.get(`${layer}\u0001${span.id}`) });
    }
  });
  const goldById = new Map<string, Span>();
  for (const span of gold) {
    const key = `g\u0001${span.id}`;
    if (add(key, span)) goldById.set(key, span);
  }
  return spanSegments(ranges).map((seg) => {
    const rows: (LayerMark | null)[] = layers.map(() => null);
    const goldSpans: Span[] = [];
    const groupSet = new Set<number>();
    for (const key of seg.ids) {
      const g = goldById.get(key);
      if (g) {
        goldSpans.push(g);
        continue;
      }
      const item = info.get(key)!;
      const kind = item.group === undefined ? 'only' : groups[item.group].kind;
      if (item.group !== undefined) groupSet.add(item.group);
      const row = rows[item.layer];
      if (!row) rows[item.layer] = { kind, label: item.span.label, labels: [item.span.label] };
      else {
        // seg.ids is outermost first, so the last span seen is the innermost.
        row.label = item.span.label;
        if (!row.labels.includes(item.span.label)) row.labels.push(item.span.label);
        if (SEVERITY[kind] > SEVERITY[row.kind]) row.kind = kind;
      }
    }
    return { from: seg.from, to: seg.to, rows, gold: goldSpans, groups: [...groupSet].sort((a, b) => a - b) };
  });
}

/** Colours of the agreement kinds (also in the legend). */
export const KIND_COLORS: Record<AgreementKind, string> = { agree: '#1a7f37', partial: '#d97706', only: '#cf222e' };

/** What the kinds mean, in words. */
export const KIND_TEXT: Record<AgreementKind, string> = {
  agree: 'same span and label',
  partial: 'overlapping, other extent or label',
  only: 'only in some layers',
};
