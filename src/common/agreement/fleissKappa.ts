/**
 * Fleiss' kappa (Fleiss 1971) for n ≥ 2 coders who each assign one nominal category to every
 * item (the multi-coder generalisation of Scott's pi; Siegel & Castellan's K, NLTK's
 * `AnnotationTask.pi`):
 *
 *   P_i = Σ_k n_ik (n_ik - 1) / (n (n-1)),  P̄ = mean_i P_i,
 *   p_k = Σ_i n_ik / (N n),  P_e = Σ_k p_k²,  κ = (P̄ - P_e) / (1 - P_e).
 *
 * Computed exactly on integer counts (BigInt) up to the final division. Null when undefined: no
 * items, fewer than two coders, or every code in one category (P_e = 1).
 *
 * @param codes one array per coder, all of the same length (one code per item)
 */
export function fleissKappa(codes: readonly ArrayLike<number | string>[]): number | null {
  const n = codes.length;
  const items = n === 0 ? 0 : codes[0].length;
  for (const c of codes) if (c.length !== items) throw new RangeError('fleissKappa: coders coded different numbers of items');
  if (n < 2 || items === 0) return null;
  let agreeingPairs = 0n;
  const totals = new Map<number | string, number>();
  const perItem = new Map<number | string, number>();
  for (let i = 0; i < items; i++) {
    perItem.clear();
    for (let r = 0; r < n; r++) perItem.set(codes[r][i], (perItem.get(codes[r][i]) ?? 0) + 1);
    for (const [category, k] of perItem) {
      agreeingPairs += BigInt(k * (k - 1));
      totals.set(category, (totals.get(category) ?? 0) + k);
    }
  }
  let squares = 0n;
  for (const t of totals.values()) squares += BigInt(t) * BigInt(t);
  return kappaFromPairs(BigInt(items), BigInt(n), agreeingPairs, squares);
}

/**
 * Yes/no codes of n coders over N items, summarised: with k_i the number of coders who said yes
 * to item i, `positives` = Σ k_i and `positivesSquared` = Σ k_i². (Σ k_i² = Σ_coders yes-count
 * + 2 Σ_{coder pairs} both-yes count, so pairwise tables are enough to fill it.)
 */
export interface BinaryCodingSummary {
  items: number;
  raters: number;
  positives: number;
  positivesSquared: number;
}

/** Fleiss' kappa of yes/no codes from their summary; null when undefined (see {@link fleissKappa}). */
export function fleissKappaBinary(s: BinaryCodingSummary): number | null {
  if (s.raters < 2 || s.items === 0) return null;
  const N = BigInt(s.items);
  const n = BigInt(s.raters);
  const k = BigInt(s.positives);
  const k2 = BigInt(s.positivesSquared);
  // Σ_i [k_i (k_i - 1) + (n - k_i)(n - k_i - 1)]
  const agreeingPairs = 2n * k2 - 2n * n * k + N * n * (n - 1n);
  const no = N * n - k;
  return kappaFromPairs(N, n, agreeingPairs, k * k + no * no);
}

// κ = (P̄ - P_e) / (1 - P_e) with both sides multiplied by (N n)² (n - 1).
function kappaFromPairs(N: bigint, n: bigint, agreeingPairs: bigint, squares: bigint): number | null {
  const all = N * n;
  const denominator = (n - 1n) * (all * all - squares);
  if (denominator === 0n) return null;
  return Number(agreeingPairs * all - (n - 1n) * squares) / Number(denominator);
}
