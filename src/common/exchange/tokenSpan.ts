import type { Token } from '../tokenize';
import { partitionPoint } from '../sortedSearch';

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
  const first = partitionPoint(tokens.length, (i) => tokens[i].end <= start); // first token ending after start
  if (first >= tokens.length || tokens[first].start >= end) return null;
  const last = partitionPoint(tokens.length, (i) => tokens[i].start < end) - 1; // last token starting before end
  return { first, last };
}
