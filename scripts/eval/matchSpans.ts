/** One-to-one matching of predicted and reference spans for the evaluation. */
export interface Range {
  start: number;
  end: number;
}

/** Overlap of two ranges as a share of the shorter one. */
export function overlapOfShorter(a: Range, b: Range): number {
  const o = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (o <= 0) return 0;
  return o / Math.min(a.end - a.start, b.end - b.start);
}

/** Intersection over union of two ranges. */
export function iou(a: Range, b: Range): number {
  const o = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (o <= 0) return 0;
  return o / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/**
 * Greedy one-to-one matching by decreasing similarity; pairs below `threshold` never match.
 * Returns, for each predicted span, the index of its reference span or -1.
 */
export function matchSpans(predicted: Range[], reference: Range[], similarity: (a: Range, b: Range) => number, threshold: number): number[] {
  const pairs: { p: number; r: number; s: number }[] = [];
  predicted.forEach((p, i) =>
    reference.forEach((r, j) => {
      const s = similarity(p, r);
      if (s >= threshold) pairs.push({ p: i, r: j, s });
    }),
  );
  pairs.sort((a, b) => b.s - a.s || a.p - b.p || a.r - b.r);
  const out = new Array<number>(predicted.length).fill(-1);
  const used = new Set<number>();
  for (const { p, r } of pairs) {
    if (out[p] >= 0 || used.has(r)) continue;
    out[p] = r;
    used.add(r);
  }
  return out;
}

/** Precision, recall and F1 from counts (0 when undefined). */
export function prf(tp: number, predicted: number, reference: number): { precision: number; recall: number; f1: number } {
  const precision = predicted ? tp / predicted : 0;
  const recall = reference ? tp / reference : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
