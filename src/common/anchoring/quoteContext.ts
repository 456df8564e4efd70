import { OffsetMap } from '../offsets';

/** How many code points of text before and after a span are kept to re-find it. */
export const CONTEXT_LENGTH = 32;

/** The text around a span, as a W3C TextQuoteSelector keeps it (`prefix` / `suffix`). */
export interface QuoteContext {
  prefix: string;
  suffix: string;
}

/**
 * The up to CONTEXT_LENGTH code points before and after the code point range [start, end) of a
 * text. Pass an OffsetMap of the text when computing many contexts of one text.
 */
export function quoteContext(text: string, start: number, end: number, map: OffsetMap = new OffsetMap(text)): QuoteContext {
  const s = map.toUtf16(Math.min(start, map.codePointLength));
  const e = map.toUtf16(Math.min(end, map.codePointLength));
  const before = map.toUtf16(Math.max(0, Math.min(start, map.codePointLength) - CONTEXT_LENGTH));
  const after = map.toUtf16(Math.min(map.codePointLength, Math.min(end, map.codePointLength) + CONTEXT_LENGTH));
  return { prefix: text.slice(before, s), suffix: text.slice(e, after) };
}
