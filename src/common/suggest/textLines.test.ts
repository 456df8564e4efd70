import { describe, expect, it } from 'vitest';
import { textLines } from './textLines';

describe('textLines', () => {
  it('trims each line and counts code points across CRLF, CR and LF', () => {
    const lines = textLines('😀 a \r\n\r\n  b😀c\rd\n');
    expect(lines.map((l) => [l.index, l.start, l.end, l.text])).toEqual([
      [0, 0, 3, '😀 a'],
      [1, 6, 6, ''],
      [2, 10, 13, 'b😀c'],
      [3, 14, 15, 'd'],
      [4, 16, 16, ''],
    ]);
  });
});
