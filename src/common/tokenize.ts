/**
 * The deterministic tokenizer behind every token-based export (Prodigy/spaCy, HuggingFace) and
 * the token-level agreement measures. A token is a maximal run of letters, marks, digits and
 * connector punctuation (`_`), or any other single non-whitespace character. Whitespace is never
 * part of a token. Offsets are code points.
 */
import { tokenBounds } from './agreement/tokenBounds';

export interface Token {
  text: string;
  /** Code point offset of the first character. */
  start: number;
  /** Code point offset just past the last character. */
  end: number;
  /** Whether whitespace follows the token (spaCy's `ws`). */
  ws: boolean;
}

/**
 * Splits a text into tokens with code point offsets.
 *
 * The boundaries come from `tokenBounds` (one pass over the UTF-16 units with a per-character
 * class table); the definition is the one above, and `tokenizeReference.ts` keeps the original
 * character-by-character implementation that the property tests compare against. Every
 * non-whitespace character belongs to a token, so whitespace follows a token exactly when the
 * next token (or the end of the text) does not start where it ends.
 */
export function tokenize(text: string): Token[] {
  const { count, starts, ends, length } = tokenBounds(text);
  const tokens = new Array<Token>(count);
  if (length === text.length) {
    // No surrogate pairs: code point offsets are UTF-16 offsets.
    for (let i = 0; i < count; i++) {
      const start = starts[i];
      const end = ends[i];
      tokens[i] = { text: text.slice(start, end), start, end, ws: end < (i + 1 < count ? starts[i + 1] : length) };
    }
    return tokens;
  }
  // Walk a UTF-16 cursor along with the code point offsets (tokens are in order).
  const n = text.length;
  let unit = 0;
  let point = 0;
  const advance = (to: number): number => {
    while (point < to) {
      const c = text.charCodeAt(unit);
      if (c >= 0xd800 && c <= 0xdbff && unit + 1 < n) {
        const d = text.charCodeAt(unit + 1);
        unit += d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
      } else {
        unit++;
      }
      point++;
    }
    return unit;
  };
  for (let i = 0; i < count; i++) {
    const start = starts[i];
    const end = ends[i];
    const from = advance(start);
    const to = advance(end);
    tokens[i] = { text: text.slice(from, to), start, end, ws: end < (i + 1 < count ? starts[i + 1] : length) };
  }
  return tokens;
}
