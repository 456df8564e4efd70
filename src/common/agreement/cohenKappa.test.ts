import { describe, expect, it } from 'vitest';
import { cohenKappa, cohenKappaBinary } from './cohenKappa';

describe('cohenKappa', () => {
  it('gives 0.4 on the textbook 2×2 table (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no)', () => {
    expect(cohenKappaBinary({ both: 20, onlyA: 5, onlyB: 10, neither: 15 })).toBeCloseTo(0.4, 12);
    const a = [...Array(25).fill(1), ...Array(25).fill(0)];
    const b = [...Array(20).fill(1), ...Array(5).fill(0), ...Array(10).fill(1), ...Array(15).fill(0)];
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 12);
  });

  it('is 1 for identical codes, null when undefined', () => {
    expect(cohenKappa(['x', 'y', 'x'], ['x', 'y', 'x'])).toBe(1);
    expect(cohenKappa([], [])).toBeNull();
    expect(cohenKappa([0, 0, 0], [0, 0, 0])).toBeNull();
    expect(cohenKappaBinary({ both: 0, onlyA: 0, onlyB: 0, neither: 0 })).toBeNull();
    expect(cohenKappaBinary({ both: 0, onlyA: 3, onlyB: 0, neither: 5 })).toBe(0);
  });

  it('rejects codes of different lengths', () => {
    expect(() => cohenKappa([1], [1, 0])).toThrow(RangeError);
  });
});
