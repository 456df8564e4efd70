import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../offsets';
import { RepeatIndex } from './RepeatIndex';
import { suggestBoilerplate } from './suggestBoilerplate';
import { suggestClaims } from './suggestClaims';
import { suggestHtmlBoilerplate } from './suggestHtmlBoilerplate';
import { suggestQuotes } from './suggestQuotes';
import type { Suggestion } from './Suggestion';

// Text made of words, quote marks, emoji, combining marks and line breaks (LF and CRLF).
const piece = fc.constantFrom('Huawei', 'said', 'the', 'U.S.', 'officials', '“', '”', '"', '«', '»', '😀', 'e\u0301', '.', ',', ' ', ' ', '\n', '\r\n', '\n\n', 'Share', 'Comments', '© 2024', '170', 'Mr.');
const text = fc.array(piece, { maxLength: 80 }).map((xs) => xs.join(''));

function checkContract(t: string, s: Suggestion[]): void {
  const n = Array.from(t).length;
  s.forEach((x) => {
    expect(Number.isInteger(x.start) && Number.isInteger(x.end) && x.start >= 0 && x.start <= x.end && x.end <= n).toBe(true);
    expect(sliceCodePoints(t, x.start, x.end)).toBe(x.text);
    expect(x.score).toBeGreaterThanOrEqual(0);
    expect(x.score).toBeLessThanOrEqual(1);
    for (const l of x.links ?? []) expect(s[l.to].label).toBe('SPEAKER');
  });
}

describe('every engine keeps the Suggestion contract on arbitrary Unicode text', () => {
  it('offsets are code points and text is the exact slice', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        checkContract(a, suggestBoilerplate(a, { otherTexts: [b] }));
        checkContract(a, suggestHtmlBoilerplate(a, { contentShare: a.split(/\r\n|\r|\n/).map((_, i) => i % 2), title: 'Huawei said' }));
        checkContract(a, suggestQuotes(a));
        checkContract(a, suggestClaims(a, { minScore: 0 }));
        const index = new RepeatIndex({ minWords: 1 });
        index.addArticle('b', b, suggestQuotes(b).concat(suggestBoilerplate(b)));
        checkContract(a, index.suggest('a', a));
      }),
      { numRuns: 300 },
    );
  });
});
