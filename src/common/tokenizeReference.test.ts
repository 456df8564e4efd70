import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize } from './tokenize';
import { tokenizeReference } from './tokenizeReference';

// The fast tokenizer must give exactly the tokens of the original definition: same texts,
// offsets and `ws` flags, on any string (lone surrogates, astral characters, every kind of space).
const pieces = fc.constantFrom('a', 'bc', ' ', '  ', '\r\n', '\n', '\r', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b', 'é', 'e\u0301',
  '😀', '👩‍👩‍👧', '🏳️‍🌈', '中', '华为', 'שלום', 'ـ', '\ud800', '\udc00', '\udbff\udfff', '“', '”', '_', '7', '٣', '.', ',', '-', '𝔘', '𝟙', '\u0301', '\u{1f1fa}\u{1f1f8}');
const unicodeText = fc.array(pieces, { maxLength: 80 }).map((p) => p.join(''));

describe('tokenize matches the reference definition', () => {
  it('on random Unicode pieces', () => {
    fc.assert(fc.property(unicodeText, (text) => {
      expect(tokenize(text)).toEqual(tokenizeReference(text));
    }), { seed: 21, numRuns: 5000 });
  });

  it('on arbitrary UTF-16 strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (text) => {
      expect(tokenize(text)).toEqual(tokenizeReference(text));
    }), { seed: 22, numRuns: 3000 });
  });

  it('on arbitrary code units (lone surrogates included)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 120 }), (text) => {
      expect(tokenize(text)).toEqual(tokenizeReference(text));
    }), { seed: 23, numRuns: 3000 });
  });

  it('on every BMP character and astral samples, alone and between letters', () => {
    const texts: string[] = [];
    for (let c = 0; c < 0x10000; c += 1) {
      const ch = String.fromCharCode(c);
      texts.push(`a${ch}b ${ch}${ch} `);
    }
    for (let c = 0x10000; c < 0x110000; c += 97) texts.push(`x${String.fromCodePoint(c)}y`);
    const big = texts.join('\n');
    expect(tokenize(big)).toEqual(tokenizeReference(big));
  });

  it('on the empty text and whitespace only', () => {
    for (const text of ['', ' ', '\r\n\t', '\u00a0\u3000']) expect(tokenize(text)).toEqual(tokenizeReference(text));
  });

  it('is several times faster on news-like text', () => {
    const text = 'The “government” said Huawei’s 5G équipement networks 😀, according to officials.\n'.repeat(4000);
    const time = (f: (t: string) => unknown) => {
      let best = Infinity;
      for (let r = 0; r < 3; r++) {
        const t0 = performance.now();
        f(text);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    expect(tokenize(text)).toEqual(tokenizeReference(text));
    expect(time(tokenize) * 2).toBeLessThan(time(tokenizeReference));
  });
});
