/**
 * The deterministic tokenizer behind every token-based export (Prodigy/spaCy, HuggingFace) and
 * the token-level agreement measures. A token is a maximal run of letters, marks, digits and
 * connector punctuation (`_`), or any other single non-whitespace character. Whitespace is never
 * part of a token. Offsets are code points.
 */
export interface Token {
  text: string;
  /** Code point offset of the first character. */
  start: number;
  /** Code point offset just past the last character. */
  end: number;
  /** Whether whitespace follows the token (spaCy's `ws`). */
  ws: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}\p{Pc}]/u;
const SPACE = /\s/u;

/** Splits a text into tokens with code point offsets. */
export function tokenize(text: string): Token[] {
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
