import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { snapToWords, touchedLines, trimWhitespace } from './selectionSnap';
import { TextLayout } from './textLayout';

describe('selection snapping', () => {
  it('widens a selection to whole words and trims whitespace', () => {
    const text = 'The quick brown fox.';
    expect(snapToWords(text, 5, 12)).toEqual({ from: 4, to: 15 }); // "uick br" -> "quick brown"
    expect(snapToWords(text, 3, 10)).toEqual({ from: 4, to: 9 }); // " quick " -> "quick"
    expect(snapToWords(text, 16, 20)).toEqual({ from: 16, to: 20 }); // "fox." stays
  });

  it('keeps emoji and combining marks whole', () => {
    const text = 'cafe\u0301 😀 ok';
    expect(snapToWords(text, 1, 2)).toEqual({ from: 0, to: 5 });
  });

  it('never grows past the words the selection touches and never starts or ends with whitespace', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '.', 'é') }), fc.nat(), fc.nat(), (text, x, y) => {
      const from = Math.min(x, y) % (text.length + 1);
      const to = Math.max(from, Math.max(x, y) % (text.length + 1));
      const r = snapToWords(text, from, to);
      if (r.from < r.to) {
        expect(/\s/.test(text[r.from])).toBe(false);
        expect(/\s/.test(text[r.to - 1])).toBe(false);
        const trimmed = trimWhitespace(text, from, to);
        expect(r.from).toBeLessThanOrEqual(trimmed.from);
        expect(r.to).toBeGreaterThanOrEqual(trimmed.to);
        expect(snapToWords(text, r.from, r.to)).toEqual(r);
      }
    }), { seed: 11, numRuns: 1000 });
  });

  it('turns a selection into the whole lines it touches', () => {
    const text = 'Share on Facebook\r\n  Tweet  \r\n\r\nStory starts here.';
    const layout = new TextLayout(text);
    const lines = touchedLines(text, layout.lineStarts, layout.lineEnds, 3, 22);
    expect(lines.map((l) => text.slice(l.from, l.to))).toEqual(['Share on Facebook', 'Tweet']);
  });
});
