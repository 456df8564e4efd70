/**
 * The article extraction benchmark's measure (scrapinghub/article-extraction-benchmark,
 * evaluate.py): 4-word shingles over `\w+` Unicode words, counted with multiplicity,
 * normalised per page; precision and recall averaged over the pages where they are defined,
 * F1 from the two averages.
 */

/** Python's `\w` on str: letters, digits and other numerics, and the underscore. */
const WORD = /[\p{L}\p{N}_]+/gu;

/** Normalised [tp, fp, fn] of one page, as evaluate.py's `string_shingle_matching`. */
export function shingleMatch(gold: string, predicted: string, n = 4): [number, number, number] {
  const g = shingles(gold, n);
  const p = shingles(predicted, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, gc] of g) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(gc, pc);
    fn += Math.max(0, gc - pc);
  }
  for (const [key, pc] of p) fp += Math.max(0, pc - (g.get(key) ?? 0));
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

function shingles(text: string, n: number): Map<string, number> {
  const tokens = text.match(WORD) ?? [];
  const out = new Map<string, number>();
  const count = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < count; i++) {
    const sh = tokens.slice(i, i + n);
    if (sh.length === 0) continue;
    const key = sh.join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Precision, recall and F1 over pages, as evaluate.py's `metrics_from_tp_fp_fns`. */
export function shingleMetrics(pages: [number, number, number][]): { precision: number; recall: number; f1: number } {
  const ps: number[] = [];
  const rs: number[] = [];
  for (const [tp, fp, fn] of pages) {
    if (tp + fp > 0) ps.push(fp === 0 && fn === 0 ? 1 : tp / (tp + fp));
    if (tp + fn > 0) rs.push(fp === 0 && fn === 0 ? 1 : tp / (tp + fn));
  }
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(ps);
  const recall = mean(rs);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
