import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenizeReference } from '../tokenizeReference';
import { tokenBounds } from './tokenBounds';

const pieces = fc.constantFrom('a', 'bc', ' ', '\r\n', '\n', '\u00a0', '\u3000', 'é', 'e\u0301', '😀', '👩‍👩‍👧', '中', 'שלום',
  '\ud800', '\udc00', '“', '”', '\t', '_', '7', '٣', '.', ',', '-', '𝔘', '\u200b');
const unicodeText = fc.array(pieces, { maxLength: 60 }).map((p) => p.join(''));

// Compared with the original, straightforward tokenizer: tokenize itself is now built on tokenBounds.
function viaTokenize(text: string): { starts: number[]; ends: number[]; length: number } {
  const tokens = tokenizeReference(text);
  return { starts: tokens.map((t) => t.start), ends: tokens.map((t) => t.end), length: Array.from(text).length };
}

function viaBounds(text: string): { starts: number[]; ends: number[]; length: number } {
  const b = tokenBounds(text);
  return { starts: Array.from(b.starts.subarray(0, b.count)), ends: Array.from(b.ends.subarray(0, b.count)), length: b.length };
}

describe('tokenBounds', () => {
  it('finds the same tokens as the reference tokenizer on random Unicode', () => {
    fc.assert(fc.property(unicodeText, (text) => {
      expect(viaBounds(text)).toEqual(viaTokenize(text));
    }), { seed: 11, numRuns: 3000 });
  });

  it('finds the same tokens as the reference tokenizer on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
      expect(viaBounds(text)).toEqual(viaTokenize(text));
    }), { seed: 12, numRuns: 2000 });
  });

  it('handles empty and whitespace-only texts', () => {
    expect(viaBounds('')).toEqual({ starts: [], ends: [], length: 0 });
    expect(viaBounds(' \r\n\t')).toEqual({ starts: [], ends: [], length: 4 });
  });
});
