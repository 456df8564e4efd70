import { unionSegments, type Segment } from './unionSegments';
import { lowerBound } from '../sortedSearch';

/**
 * Krippendorff's unitizing alpha (alpha_u; Krippendorff 1995, 2004 §12.4) on a continuum, with
 * the formulas of DKPro Statistics' KrippendorffAlphaUnitizingAgreement.
 *
 * For one category c, every rater's continuum is cut into units of c and gaps. With R raters,
 * continuum length L and the N_c units of c of all raters:
 *
 *   D_o(c) = 2 / (R (R-1) L²) · Σ_{rater pairs} Σ δ²(segment of r1, segment of r2)
 *
 * where δ² of two overlapping units is (b1-b2)² + (e1-e2)², of a unit lying wholly inside the
 * other rater's gap is its length², and 0 otherwise;
 *
 *   D_e(c) = (2/L) · Σ_{units u} [ (N_c-1)·(2l³-3l²+l)/3 + l² · Σ_{gaps g ≥ l} (g-l+1) ]
 *            / ( R L (R L - 1) - Σ_{units u} l (l-1) )        (l = length of u)
 *
 *   alpha_u(c) = 1 - D_o(c) / D_e(c); over all categories 1 - Σ_c D_o(c) / Σ_c D_e(c).
 *
 * Units of one category by one rater must not overlap: callers pass them through
 * {@link unionSegments}. alpha is null where D_e is 0 (no units at all, or an empty continuum).
 */

/**
 * The summed squared distances Σ δ² between two raters' units of one category, each list
 * sorted and free of overlaps (see {@link unionSegments}). Additive over separate continua.
 */
export function alphaUObservedSum(a: readonly Segment[], b: readonly Segment[]): number {
  let sum = 0;
  sum += unmatchedSquares(a, b);
  sum += unmatchedSquares(b, a);
  // Overlapping unit pairs, found by a merge of the two sorted lists.
  let j0 = 0;
  for (const u of a) {
    while (j0 < b.length && b[j0].end <= u.start) j0++;
    for (let j = j0; j < b.length && b[j].start < u.end; j++) {
      const v = b[j];
      const db = u.start - v.start;
      const de = u.end - v.end;
      sum += db * db + de * de;
    }
  }
  return sum;
}

// Σ length² of the units of `a` that overlap no unit of `b` (they lie inside one of b's gaps).
function unmatchedSquares(a: readonly Segment[], b: readonly Segment[]): number {
  let sum = 0;
  let j = 0;
  for (const u of a) {
    while (j < b.length && b[j].end <= u.start) j++;
    if (j >= b.length || b[j].start >= u.end) {
      const l = u.end - u.start;
      sum += l * l;
    }
  }
  return sum;
}

/** D_o from the sum of {@link alphaUObservedSum} over all rater pairs; 0 on an empty continuum. */
export function alphaUObservedDisagreement(pairSum: number, raters: number, length: number): number {
  if (length <= 0 || raters < 2) return 0;
  return (2 * pairSum) / (raters * (raters - 1) * length * length);
}

/**
 * The lengths of the gaps around sorted, non-overlapping units inside [begin, end): the stretches
 * not covered by any unit, in order.
 */
export function gapLengths(units: readonly Segment[], begin: number, end: number): number[] {
  const gaps: number[] = [];
  let pos = begin;
  for (const u of units) {
    if (u.start > pos) gaps.push(u.start - pos);
    if (u.end > pos) pos = u.end;
  }
  if (end > pos) gaps.push(end - pos);
  return gaps;
}

/**
 * D_e for one category, given the lengths of all raters' units of it, all raters' gap lengths
 * for it, the number of raters and the continuum length (lengths are whole numbers of code
 * points). 0 when there are no units. Linear in U + G + the longest unit.
 */
export function alphaUExpectedDisagreement(
  unitLengths: ArrayLike<number>,
  gaps: ArrayLike<number>,
  raters: number,
  length: number,
): number {
  const nUnits = unitLengths.length;
  if (nUnits === 0 || length <= 0) return 0;
  let total = 0;
  let squaredLengths = 0;
  for (let k = 0; k < nUnits; k++) {
    const l = unitLengths[k];
    squaredLengths += l * (l - 1);
    total += ((nUnits - 1) * (2 * l * l * l - 3 * l * l + l)) / 3;
  }
  let longest = 0;
  for (let k = 0; k < nUnits; k++) if (unitLengths[k] > longest) longest = unitLengths[k];
  if (gaps.length <= 64) {
    // Few gaps (one article): the direct double sum is cheapest.
    for (let k = 0; k < nUnits; k++) {
      const l = unitLengths[k];
      let sum = 0;
      for (let g = 0; g < gaps.length; g++) if (gaps[g] >= l) sum += gaps[g] - l + 1;
      total += l * l * sum;
    }
  } else if (longest <= 1 << 20) {
    // Σ_{g ≥ l} (g - l + 1) = Σ_{g ≥ l} (g + 1) - l · #{g ≥ l}, from suffix sums over a histogram
    // of gap lengths; gaps longer than every unit count for every unit. Linear, no sorting.
    const count = new Float64Array(longest + 2);
    const plusOne = new Float64Array(longest + 2);
    for (let g = 0; g < gaps.length; g++) {
      const x = gaps[g];
      const slot = x > longest ? longest + 1 : x;
      count[slot] += 1;
      plusOne[slot] += x + 1;
    }
    for (let x = longest; x >= 0; x--) {
      count[x] += count[x + 1];
      plusOne[x] += plusOne[x + 1];
    }
    for (let k = 0; k < nUnits; k++) {
      const l = unitLengths[k];
      total += l * l * (plusOne[l] - l * count[l]);
    }
  } else {
    const sortedGaps = Float64Array.from(gaps).sort();
    // suffix[i] = Σ sortedGaps[i..]
    const suffix = new Float64Array(sortedGaps.length + 1);
    for (let i = sortedGaps.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + sortedGaps[i];
    for (let k = 0; k < nUnits; k++) {
      const l = unitLengths[k];
      const first = lowerBound(sortedGaps, l);
      const count = sortedGaps.length - first;
      if (count > 0) total += l * l * (suffix[first] - count * (l - 1));
    }
  }
  const denominator = raters * length * (raters * length - 1) - squaredLengths;
  if (denominator <= 0) return 0;
  return ((2 / length) * total) / denominator;
}

/** 1 - D_o / D_e, or null when D_e is 0 (nothing to disagree about). */
export function alphaFromDisagreements(observed: number, expected: number): number | null {
  if (!(expected > 0)) return null;
  return 1 - observed / expected;
}

/** One unit of a unitizing study: `length` positions from `offset`, marked by `rater` as `category`. */
export interface UnitizingUnit {
  offset: number;
  length: number;
  rater: number;
  category: string;
}

/** A unitizing study: the continuum [begin, begin + length), the number of raters and their units. */
export interface UnitizingStudy {
  begin: number;
  length: number;
  raters: number;
  units: readonly UnitizingUnit[];
}

/** Observed and expected disagreement and the resulting alpha_u. */
export interface AlphaUScore {
  alpha: number | null;
  observed: number;
  expected: number;
}

/** alpha_u over all categories and per category. */
export interface AlphaUResult extends AlphaUScore {
  byCategory: Record<string, AlphaUScore>;
}

/**
 * alpha_u of a study, over all categories (DKPro's overall figure) and per category.
 * Overlapping units of one category by one rater are merged into their union first.
 */
export function krippendorffAlphaU(study: UnitizingStudy): AlphaUResult {
  const { begin, length, raters } = study;
  const categories = [...new Set(study.units.map((u) => u.category))].sort();
  const byCategory: Record<string, AlphaUScore> = {};
  let observedTotal = 0;
  let expectedTotal = 0;
  for (const category of categories) {
    const perRater: Segment[][] = [];
    for (let r = 0; r < raters; r++) {
      perRater.push(unionSegments(study.units
        .filter((u) => u.rater === r && u.category === category)
        .map((u) => ({ start: u.offset, end: u.offset + u.length }))));
    }
    let pairSum = 0;
    for (let r1 = 0; r1 < raters; r1++) {
      for (let r2 = r1 + 1; r2 < raters; r2++) pairSum += alphaUObservedSum(perRater[r1], perRater[r2]);
    }
    const unitLengths = perRater.flat().map((s) => s.end - s.start);
    const gaps = perRater.flatMap((units) => gapLengths(units, begin, begin + length));
    const observed = alphaUObservedDisagreement(pairSum, raters, length);
    const expected = alphaUExpectedDisagreement(unitLengths, gaps, raters, length);
    byCategory[category] = { alpha: alphaFromDisagreements(observed, expected), observed, expected };
    observedTotal += observed;
    expectedTotal += expected;
  }
  return { alpha: alphaFromDisagreements(observedTotal, expectedTotal), observed: observedTotal, expected: expectedTotal, byCategory };
}
