import { describe, expect, it } from 'vitest';
import { jsonArrayElements } from './jsonArrayElements';

describe('jsonArrayElements', () => {
  it('finds each top-level element and its line, skipping strings with brackets, commas and escaped quotes', () => {
    const content = '[\n  {"a": "x, ] \\" [ }"},\n  [1, [2]],\n\n  "s,t" , 3\n]\n';
    const elements = jsonArrayElements(content);
    expect(elements.map((e) => [e.line, content.slice(e.start, e.end)])).toEqual([
      [2, '{"a": "x, ] \\" [ }"}'],
      [3, '[1, [2]]'],
      [5, '"s,t"'],
      [5, '3'],
    ]);
  });

  it('returns nothing for an empty array and still scans a broken one', () => {
    expect(jsonArrayElements('[ ]')).toEqual([]);
    expect(jsonArrayElements('[{"a": 1},\n{"b": oops}').map((e) => e.line)).toEqual([1, 2]);
  });
});
