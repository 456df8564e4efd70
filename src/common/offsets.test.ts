import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OffsetMap, sliceCodePoints } from './offsets';

// Random strings built from the pieces that break other tools: emoji, combining marks, CRLF,
// CJK, right-to-left text and lone surrogates.
const pieces = fc.constantFrom('a', ' ', '\r\n', '\n', 'é', 'e\u0301', '😀', '👩‍👩‍👧', '中', 'שלום', '\ud800', '\udc00', '“', '”', '\t');
const unicodeText = fc.array(pieces, { maxLength: 40 }).map((p) => p.join(''));

describe('OffsetMap', () => {
  it('counts code points as the string iterator does', () => {
    fc.assert(fc.property(unicodeText, (text) => {
      expect(new OffsetMap(text).codePointLength).toBe(Array.from(text).length);
    }), { seed: 42, numRuns: 2000 });
  });

  it('round-trips every code point boundary', () => {
    fc.assert(fc.property(unicodeText, (text) => {
      const map = new OffsetMap(text);
      const chars = Array.from(text);
      let utf16 = 0;
      for (let cp = 0; cp <= chars.length; cp++) {
        expect(map.toUtf16(cp)).toBe(utf16);
        expect(map.toCodePoint(utf16)).toBe(cp);
        if (cp < chars.length) utf16 += chars[cp].length;
      }
    }), { seed: 7, numRuns: 2000 });
  });

  it('slices like Python does', () => {
    fc.assert(fc.property(unicodeText, fc.nat(), fc.nat(), (text, a, b) => {
      const n = Array.from(text).length;
      const start = Math.min(a % (n + 1), b % (n + 1));
      const end = Math.max(a % (n + 1), b % (n + 1));
      expect(sliceCodePoints(text, start, end)).toBe(Array.from(text).slice(start, end).join(''));
    }), { seed: 3, numRuns: 2000 });
  });

  it('rounds an offset inside a surrogate pair down to the pair', () => {
    const map = new OffsetMap('a😀b');
    expect(map.toCodePoint(2)).toBe(1);
    expect(map.toCodePoint(3)).toBe(2);
  });

  it('rejects offsets out of range', () => {
    expect(() => new OffsetMap('abc').toUtf16(4)).toThrow(/outside 0..3/);
    expect(() => new OffsetMap('abc').toCodePoint(-1)).toThrow(RangeError);
  });
});
