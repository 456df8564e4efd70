import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alphaUExpectedDisagreement, alphaUObservedSum, gapLengths, krippendorffAlphaU, type UnitizingUnit } from './krippendorffAlphaU';
import { seededRandom } from '../seededRandom';
import { unionSegments, type Segment } from './unionSegments';

// Krippendorff (2004, p. 254), as reproduced by DKPro Statistics' Krippendorff2004Test.
const worked: UnitizingUnit[] = ([
  [225, 70, 0, 'c'], [370, 30, 0, 'c'], [220, 80, 1, 'c'], [355, 20, 1, 'c'], [400, 20, 1, 'c'],
  [180, 60, 0, 'k'], [300, 50, 0, 'k'], [180, 60, 1, 'k'], [300, 50, 1, 'k'],
] as const).map(([offset, length, rater, category]) => ({ offset, length, rater, category }));

describe('krippendorffAlphaU', () => {
  it('reproduces Krippendorff (2004, p. 254)', () => {
    const result = krippendorffAlphaU({ begin: 150, length: 300, raters: 2, units: worked });
    expect(Math.abs(result.alpha! - 0.8591)).toBeLessThanOrEqual(0.0005);
    const c = result.byCategory.c;
    expect(c.observed).toBeCloseTo(0.0144, 4);
    expect(c.expected).toBeCloseTo(0.0532, 4);
    expect(c.alpha).toBeCloseTo(0.7286, 4);
    const k = result.byCategory.k;
    expect(k.observed).toBe(0);
    expect(k.expected).toBeCloseTo(0.0490, 4);
    expect(k.alpha).toBe(1);
  });

  it('does not depend on the order of units or on where the continuum starts', () => {
    const shifted = worked.map((u) => ({ ...u, offset: u.offset - 150 })).reverse();
    const a = krippendorffAlphaU({ begin: 150, length: 300, raters: 2, units: worked });
    const b = krippendorffAlphaU({ begin: 0, length: 300, raters: 2, units: shifted });
    expect(b.alpha).toBeCloseTo(a.alpha!, 12);
  });

  it('merges overlapping units of one rater and category before measuring', () => {
    const split = krippendorffAlphaU({ begin: 0, length: 100, raters: 2, units: [
      { offset: 10, length: 20, rater: 0, category: 'x' }, { offset: 20, length: 20, rater: 0, category: 'x' },
      { offset: 10, length: 30, rater: 1, category: 'x' },
    ] });
    expect(split.alpha).toBe(1);
  });

  it('is null without units and 1 for identical units', () => {
    expect(krippendorffAlphaU({ begin: 0, length: 100, raters: 2, units: [] }).alpha).toBeNull();
    const same = krippendorffAlphaU({ begin: 0, length: 100, raters: 3, units: [0, 1, 2].map((rater) => ({ offset: 5, length: 10, rater, category: 'x' })) });
    expect(same.alpha).toBe(1);
    expect(same.byCategory.x.alpha).toBe(1);
  });

  it('computes D_e like the quadratic definition', () => {
    // Σ over gaps done naively, as DKPro writes it.
    const units = [3, 7, 1, 12, 7];
    const gaps = [2, 9, 30, 7, 1, 12, 5];
    let total = 0;
    for (const l of units) {
      total += ((units.length - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3;
      for (const g of gaps) if (g >= l) total += l * l * (g - l + 1);
    }
    const squared = units.reduce((s, l) => s + l * (l - 1), 0);
    const expected = ((2 / 60) * total) / (3 * 60 * (3 * 60 - 1) - squared);
    expect(alphaUExpectedDisagreement(units, gaps, 3, 60)).toBeCloseTo(expected, 14);
  });

  it('computes D_e the same way for many gaps (histogram or sorted sums) as for few (direct sums)', () => {
    const random = seededRandom(3);
    const int = (n: number) => Math.floor(random() * n);
    const units = Array.from({ length: 40 }, () => 1 + int(30));
    const gaps = Array.from({ length: 200 }, () => 1 + int(60));
    const L = 40_000_000;
    const direct = (g: number[]) => {
      let total = 0;
      for (const l of units) {
        total += ((units.length - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3;
        for (const x of g) if (x >= l) total += l * l * (x - l + 1);
      }
      return ((2 / L) * total) / (2 * L * (2 * L - 1) - units.reduce((s, l) => s + l * (l - 1), 0));
    };
    expect(alphaUExpectedDisagreement(units, gaps, 2, L)).toBeCloseTo(direct(gaps), 14);
    expect(alphaUExpectedDisagreement(units, gaps.slice(0, 50), 2, L)).toBeCloseTo(direct(gaps.slice(0, 50)), 14);
    // A unit longer than 2^20 code points switches to sorted gaps.
    units.push(5_000_000);
    gaps.push(6_000_000, 5_000_000, 4_999_999);
    expect(alphaUExpectedDisagreement(units, gaps, 2, L) / direct(gaps)).toBeCloseTo(1, 12);
  });

  it('lists gaps around units', () => {
    expect(gapLengths([{ start: 2, end: 4 }, { start: 4, end: 6 }, { start: 8, end: 9 }], 0, 10)).toEqual([2, 2, 1]);
    expect(gapLengths([], 5, 10)).toEqual([5]);
  });

  it('sums distances like a walk over both raters\' segments (units and gaps)', () => {
    const units = fc.array(fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 1, max: 15 })), { maxLength: 8 })
      .map((xs) => unionSegments(xs.map(([s, l]) => ({ start: s, end: Math.min(60, s + l) }))));
    fc.assert(fc.property(units, units, (a, b) => {
      expect(alphaUObservedSum(a, b)).toBe(walkSum(a, b, 60));
    }), { seed: 5, numRuns: 2000 });
  });
});

// Cuts each rater's continuum into unit and gap segments and visits every pair of segments
// that share a position: δ² as Krippendorff (1995) defines it.
function walkSum(a: Segment[], b: Segment[], length: number): number {
  const cut = (units: Segment[]) => {
    const out: { start: number; end: number; unit: boolean }[] = [];
    let pos = 0;
    for (const u of units) {
      if (u.start > pos) out.push({ start: pos, end: u.start, unit: false });
      out.push({ ...u, unit: true });
      pos = u.end;
    }
    if (pos < length) out.push({ start: pos, end: length, unit: false });
    return out;
  };
  let sum = 0;
  for (const x of cut(a)) {
    for (const y of cut(b)) {
      if (x.end <= y.start || y.end <= x.start) continue;
      if (x.unit && y.unit) sum += (x.start - y.start) ** 2 + (x.end - y.end) ** 2;
      else if (x.unit && y.start <= x.start && x.end <= y.end) sum += (x.end - x.start) ** 2;
      else if (y.unit && x.start <= y.start && y.end <= x.end) sum += (y.end - y.start) ** 2;
    }
  }
  return sum;
}
