/** Binary searches over an ascending array of numbers. */

/** The first index in 0..length at which `before(index)` is false, given it is true up to some point and false after. */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first of `sorted[0..end)` not less than `value` (`end` when there is none). */
export function lowerBound(sorted: ArrayLike<number>, value: number, end = sorted.length): number {
  return partitionPoint(end, (i) => sorted[i] < value);
}

/** Index of the first of `sorted[0..end)` greater than `value` (`end` when there is none). */
export function upperBound(sorted: ArrayLike<number>, value: number, end = sorted.length): number {
  return partitionPoint(end, (i) => sorted[i] <= value);
}
