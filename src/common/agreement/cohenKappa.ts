/**
 * Cohen's kappa (Cohen 1960) for two coders who each assign one nominal category to every item:
 * κ = (p_o - p_e) / (1 - p_e), with p_o the share of items both coders put in the same category
 * and p_e = Σ_k p_A(k) · p_B(k) the agreement expected from each coder's own category shares.
 * Computed on integer counts, κ = (N · agreements - Σ_k n_A(k) n_B(k)) / (N² - Σ_k n_A(k) n_B(k)),
 * exactly (BigInt) up to the final division. Null when undefined: no items, or both coders used
 * one and the same category for everything (p_e = 1).
 */
export function cohenKappa(a: ArrayLike<number | string>, b: ArrayLike<number | string>): number | null {
  if (a.length !== b.length) throw new RangeError(`cohenKappa: ${a.length} codes against ${b.length}`);
  const countA = new Map<number | string, number>();
  const countB = new Map<number | string, number>();
  let agreements = 0;
  for (let i = 0; i < a.length; i++) {
    countA.set(a[i], (countA.get(a[i]) ?? 0) + 1);
    countB.set(b[i], (countB.get(b[i]) ?? 0) + 1);
    if (a[i] === b[i]) agreements++;
  }
  let chance = 0n;
  for (const [category, n] of countA) chance += BigInt(n) * BigInt(countB.get(category) ?? 0);
  return kappaFromCounts(BigInt(a.length), BigInt(agreements), chance);
}

/** The 2×2 table of two coders' yes/no codes over the same items. */
export interface BinaryPairCounts {
  /** Items both coded yes. */
  both: number;
  onlyA: number;
  onlyB: number;
  /** Items both coded no. */
  neither: number;
}

/** Cohen's kappa of a 2×2 table; null when undefined (see {@link cohenKappa}). */
export function cohenKappaBinary(t: BinaryPairCounts): number | null {
  const n = BigInt(t.both + t.onlyA + t.onlyB + t.neither);
  const yesA = BigInt(t.both + t.onlyA);
  const yesB = BigInt(t.both + t.onlyB);
  const chance = yesA * yesB + (n - yesA) * (n - yesB);
  return kappaFromCounts(n, BigInt(t.both + t.neither), chance);
}

function kappaFromCounts(n: bigint, agreements: bigint, chance: bigint): number | null {
  const denominator = n * n - chance;
  if (n === 0n || denominator === 0n) return null;
  return Number(n * agreements - chance) / Number(denominator);
}
