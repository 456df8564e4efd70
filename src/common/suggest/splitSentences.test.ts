import { describe, expect, it } from 'vitest';
import { splitSentences } from './splitSentences';

describe('splitSentences', () => {
  it('does not split inside "U.S.", "Mr." or initials', () => {
    const text = 'U.S. officials met Mr. Smith in Washington, D.C. on Monday. John F. Kennedy Jr. was not there. Sales rose 3.5 percent.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'U.S. officials met Mr. Smith in Washington, D.C. on Monday.',
      'John F. Kennedy Jr. was not there.',
      'Sales rose 3.5 percent.',
    ]);
  });

  it('splits after an acronym when a sentence opener follows', () => {
    expect(splitSentences('Huawei is barred in the U.S. The company denies it.').map((s) => s.text)).toEqual([
      'Huawei is barred in the U.S.',
      'The company denies it.',
    ]);
  });

  it('keeps closing quotes with their sentence and splits at paragraph breaks', () => {
    const text = '“We will win.” The coach left.\nNext paragraph here\nand its wrapped line.';
    expect(splitSentences(text).map((s) => s.text)).toEqual(['“We will win.”', 'The coach left.', 'Next paragraph here\nand its wrapped line.']);
  });

  it('returns code point offsets', () => {
    const text = '😀 One sentence here. Two.';
    const [a, b] = splitSentences(text);
    expect([a.start, a.end, b.start, b.end]).toEqual([0, 20, 21, 25]);
    expect(Array.from(text).slice(b.start, b.end).join('')).toBe('Two.');
  });
});
