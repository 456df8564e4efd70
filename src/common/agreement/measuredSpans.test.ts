import { describe, expect, it } from 'vitest';
import { measuredSpans } from './measuredSpans';
import { testDoc } from './testDocs';

describe('measuredSpans', () => {
  it('keeps the chosen labels, clamps to the text, drops empty spans and sorts', () => {
    const doc = testDoc('a', 'x', 'abcdefghij', [[5, 20, 'A', 'long'], [2, 4, 'B', 'b'], [3, 3, 'A', 'empty'], [-2, 1, 'A', 'neg'], [12, 15, 'A', 'out']]);
    expect(measuredSpans(doc, null, 10).map((s) => [s.id, s.start, s.end])).toEqual([['neg', 0, 1], ['b', 2, 4], ['long', 5, 10]]);
    expect(measuredSpans(doc, new Set(['B']), 10).map((s) => s.id)).toEqual(['b']);
    expect(measuredSpans(undefined, null, 10)).toEqual([]);
  });
});
