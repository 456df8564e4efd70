import { describe, expect, it } from 'vitest';
import { exactMatchCount, overlapMatches, spanF1 } from './spanF1';

const seg = (start: number, end: number) => ({ start, end });

describe('span F1', () => {
  it('counts exact matches', () => {
    expect(exactMatchCount([seg(0, 5), seg(3, 9), seg(10, 12)], [seg(0, 5), seg(3, 8), seg(10, 12)])).toBe(2);
    expect(spanF1(2, 3, 3)).toBeCloseTo(2 / 3, 15);
    expect(spanF1(0, 0, 0)).toBeNull();
  });

  it('matches overlaps one to one, largest shared length first', () => {
    // a0 overlaps b0 by 5 and b1 by 2; a1 overlaps b1 by 4: greedy takes a0-b0 then a1-b1.
    expect(overlapMatches([seg(0, 10), seg(12, 20)], [seg(5, 10), seg(8, 16)])).toEqual([[0, 0], [1, 1]]);
    // One long span against two short ones: only one match.
    expect(overlapMatches([seg(0, 20)], [seg(0, 5), seg(10, 18)])).toEqual([[0, 1]]);
    // Touching is not overlapping.
    expect(overlapMatches([seg(0, 5)], [seg(5, 9)])).toEqual([]);
  });

  it('breaks ties by boundary distance', () => {
    expect(overlapMatches([seg(0, 4)], [seg(0, 6), seg(0, 4)])).toEqual([[0, 1]]);
  });
});
