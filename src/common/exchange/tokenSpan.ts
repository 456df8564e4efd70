import type { Token } from '../tokenize';

/** The tokens a character span touches: indexes of the first and last (inclusive). */
export interface TokenRange {
  first: number;
  last: number;
}

/**
 * The whole tokens that cover a code point span [start, end): every token that shares at least
 * one character with it. Null when the span holds only whitespace. This is the token-expansion
 * policy of the token formats (Prodigy, HuggingFace).
 */
export function tokenSpan(tokens: readonly Token[], start: number, end: number): TokenRange | null {
  // First token ending after start.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  if (first >= tokens.length || tokens[first].start >= end) return null;
  // Last token starting before end.
  lo = first;
  hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid].start < end) lo = mid + 1;
    else hi = mid;
  }
  return { first, last: lo - 1 };
}
