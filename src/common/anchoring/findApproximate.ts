/** A match of `findApproximate`: the UTF-16 range [start, end) and its edit distance to the pattern. */
export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/** Where and how `findApproximate` searches. */
export interface ApproximateSearch {
  /** Most edits (insertions, deletions, substitutions) a match may have. */
  maxErrors: number;
  /** First UTF-16 index of the text to search (default 0). */
  from?: number;
  /** End of the text to search (default its length). */
  to?: number;
  /** Among matches with equally few edits, the one starting nearest to this index wins. */
  expected?: number;
}

/**
 * Finds the substring of `text` closest to `pattern` by edit distance, with at most `maxErrors`
 * edits, or null. Sellers' algorithm with Ukkonen's cut-off: time about (to - from) × maxErrors,
 * memory about the pattern's length, so callers bound the work through the window and maxErrors.
 * Indexes are UTF-16 code units; callers snap them to code points.
 */
export function findApproximate(text: string, pattern: string, search: ApproximateSearch): ApproximateMatch | null {
  const m = pattern.length;
  const k = Math.min(Math.floor(search.maxErrors), m - 1);
  if (m === 0 || k < 0) return null;
  const from = Math.max(0, search.from ?? 0);
  const to = Math.min(text.length, search.to ?? text.length);
  const expected = search.expected ?? from;
  // Column of the dynamic programme: cost[i] = fewest edits turning pattern[0, i) into a text
  // substring that ends at the current position; origin[i] = where that substring starts.
  const cost = new Int32Array(m + 1);
  const origin = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    cost[i] = i;
    origin[i] = from;
  }
  let last = k;
  let best: ApproximateMatch | null = null;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    let diagCost = cost[0];
    let diagOrigin = origin[0];
    cost[0] = 0;
    origin[0] = j + 1;
    const top = Math.min(last + 1, m);
    for (let i = 1; i <= top; i++) {
      // Rows past the cut-off hold stale values; they are known to exceed k.
      const leftCost = i <= last ? cost[i] : k + 1;
      const leftOrigin = origin[i];
      let value = diagCost + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      let start = diagOrigin;
      if (leftCost + 1 < value) {
        value = leftCost + 1;
        start = leftOrigin;
      }
      if (cost[i - 1] + 1 < value) {
        value = cost[i - 1] + 1;
        start = origin[i - 1];
      }
      diagCost = leftCost;
      diagOrigin = leftOrigin;
      cost[i] = value;
      origin[i] = start;
    }
    last = top;
    while (cost[last] > k) last--;
    if (last === m) {
      const errors = cost[m];
      const start = origin[m];
      if (!best || errors < best.errors || (errors === best.errors && Math.abs(start - expected) < Math.abs(best.start - expected))) {
        best = { start, end: j + 1, errors };
      }
    }
  }
  return best;
}
