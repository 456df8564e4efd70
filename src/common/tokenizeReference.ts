/**
 * The original, character-by-character tokenizer: the definition `tokenize` must match, kept
 * for property tests only (it is about ten times slower). Do not use it in production code.
 */
import type { Token } from './tokenize';

const WORD = /[\p{L}\p{M}\p{N}\p{Pc}]/u;
const SPACE = /\s/u;

/** Splits a text into tokens with code point offsets, one code point at a time. */
export function tokenizeReference(text: string): Token[] {
  const tokens: Token[] = [];
  const chars = Array.from(text);
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i];
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (WORD.test(ch)) {
      while (i < chars.length && WORD.test(chars[i])) i++;
    } else {
      i++;
    }
    tokens.push({ text: chars.slice(start, i).join(''), start, end: i, ws: i < chars.length && SPACE.test(chars[i]) });
  }
  return tokens;
}
