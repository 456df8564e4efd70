import { describe, expect, it } from 'vitest';
import { lowerBound, partitionPoint, upperBound } from './sortedSearch';

describe('sortedSearch', () => {
  const sorted = [1, 3, 3, 3, 7];

  it('lowerBound finds the first element not less than the value', () => {
    expect([0, 1, 2, 3, 4, 7, 8].map((v) => lowerBound(sorted, v))).toEqual([0, 0, 1, 1, 4, 4, 5]);
    expect(lowerBound([], 5)).toBe(0);
    expect(lowerBound(Float64Array.from([0.5, 1.5, 2.5]), 1.5)).toBe(1);
  });

  it('upperBound finds the first element greater than the value', () => {
    expect([0, 1, 2, 3, 4, 7, 8].map((v) => upperBound(sorted, v))).toEqual([0, 1, 1, 4, 4, 5, 5]);
    expect(upperBound([], 5)).toBe(0);
  });

  it('searches only the first `end` elements when given', () => {
    const filled = Int32Array.from([2, 4, 6, 0, 0]);
    expect(lowerBound(filled, 5, 3)).toBe(2);
    expect(upperBound(filled, 6, 3)).toBe(3);
    expect(lowerBound(filled, 9, 3)).toBe(3);
  });

  it('partitionPoint finds where a monotone predicate turns false', () => {
    expect(partitionPoint(10, (i) => i * i < 20)).toBe(5);
    expect(partitionPoint(0, () => true)).toBe(0);
  });
});
