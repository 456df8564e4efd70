/**
 * How a user's selection becomes a span range (UTF-16 offsets): trimmed of surrounding
 * whitespace and, unless exact characters are asked for, widened to whole words.
 */
const WORD = /[\p{L}\p{M}\p{N}_]/u;

function isWordAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.codePointAt(index)!;
  // Look at the whole code point, stepping back from a low surrogate.
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) return WORD.test(String.fromCodePoint(text.codePointAt(index - 1)!));
  return WORD.test(String.fromCodePoint(code));
}

/** Widens [from, to) so it does not cut a word in two, then trims whitespace. */
export function snapToWords(text: string, from: number, to: number): { from: number; to: number } {
  let start = from;
  let end = to;
  ({ from: start, to: end } = trimWhitespace(text, start, end));
  if (start >= end) return { from: start, to: start };
  while (start > 0 && isWordAt(text, start) && isWordAt(text, start - 1)) start--;
  while (end < text.length && isWordAt(text, end - 1) && isWordAt(text, end)) end++;
  return { from: start, to: end };
}

/** Narrows [from, to) so it neither starts nor ends with whitespace. */
export function trimWhitespace(text: string, from: number, to: number): { from: number; to: number } {
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  return { from, to };
}

/**
 * The lines a selection touches, each as its own range from the first to the last
 * non-whitespace character (line breaks excluded). Blank lines are left out.
 */
export function touchedLines(text: string, lineStarts: number[], lineEnds: number[], from: number, to: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    if (lineEnds[i] < from) continue;
    if (lineStarts[i] > to || (lineStarts[i] === to && to > from)) break;
    const r = trimWhitespace(text, lineStarts[i], lineEnds[i]);
    if (r.from < r.to) out.push(r);
  }
  return out;
}
