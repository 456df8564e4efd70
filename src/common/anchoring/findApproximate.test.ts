import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findApproximate } from './findApproximate';

/** Plain Levenshtein distance, the reference the matcher must agree with. */
function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** Fewest edits turning the pattern into any substring of the text (brute force). */
function bestDistance(text: string, pattern: string): number {
  let best = pattern.length;
  for (let s = 0; s <= text.length; s++) for (let e = s; e <= text.length; e++) best = Math.min(best, levenshtein(text.slice(s, e), pattern));
  return best;
}

describe('findApproximate', () => {
  it('finds an exact occurrence with no edits', () => {
    expect(findApproximate('the quick brown fox', 'brown', { maxErrors: 1 })).toEqual({ start: 10, end: 15, errors: 0 });
  });

  it('finds a substring with a substitution, an insertion and a deletion', () => {
    const text = 'Huawei said it complies with all laws in every market.';
    expect(findApproximate(text, 'complies wiht all laws', { maxErrors: 3 })).toMatchObject({ errors: 2 });
    expect(findApproximate(text, 'comply with all the laws', { maxErrors: 8 })).toMatchObject({ start: 15, errors: 7 });
  });

  it('returns null when every substring needs more edits than allowed', () => {
    expect(findApproximate('abcdefgh', 'zzzz', { maxErrors: 2 })).toBeNull();
    expect(findApproximate('', 'abc', { maxErrors: 2 })).toBeNull();
    expect(findApproximate('abc', '', { maxErrors: 2 })).toBeNull();
  });

  it('prefers the match nearest the expected place among equally good ones', () => {
    const text = 'said the minister. '.repeat(5);
    const match = findApproximate(text, 'said the minster', { maxErrors: 2, expected: 57 });
    expect(match).toMatchObject({ start: 57, errors: 1 });
  });

  it('searches only inside the window', () => {
    const text = 'alpha beta gamma delta alpha beta gamma';
    expect(findApproximate(text, 'alpha', { maxErrors: 0, from: 5 })).toMatchObject({ start: 23 });
    expect(findApproximate(text, 'alpha', { maxErrors: 0, from: 5, to: 25 })).toBeNull();
  });

  it('agrees with brute force on random strings (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', ' ');
    fc.assert(fc.property(fc.string({ unit: alphabet, maxLength: 14 }), fc.string({ unit: alphabet, minLength: 1, maxLength: 6 }), fc.nat(4), (text, pattern, maxErrors) => {
      const match = findApproximate(text, pattern, { maxErrors });
      const best = bestDistance(text, pattern);
      const allowed = Math.min(maxErrors, pattern.length - 1);
      if (best > allowed) {
        expect(match).toBeNull();
      } else {
        expect(match).not.toBeNull();
        expect(match!.errors).toBe(best);
        expect(levenshtein(text.slice(match!.start, match!.end), pattern)).toBe(best);
      }
    }), { seed: 424242, numRuns: 1500 });
  });

  it('stays fast on a long text with a bounded error count', () => {
    const text = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(4000);
    const pattern = 'The quick brown fox jumps over the lazy dog near the river bank today';
    findApproximate(text, pattern, { maxErrors: Math.floor(pattern.length / 4) });
    // Speed is not asserted (shared machines are noisy); the test timeout catches a runaway search.
  });
});
