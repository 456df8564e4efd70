import { textLines, type TextLine } from './textLines';
import type { OffsetMap } from '../offsets';

/** A direct quotation found in a text, marks included. Offsets are UTF-16 (see `toCodePoint`). */
export interface Quotation {
  /** UTF-16 offset of the opening mark. */
  start16: number;
  /** UTF-16 offset just past the closing mark (or past the last character of the paragraph). */
  end16: number;
  /** Whether a closing mark was found (false: the quote runs to the end of its paragraph). */
  closed: boolean;
  /** Index (in `textLines`) of the line the quotation starts on. */
  line: number;
  /** Number of words inside the marks. */
  words: number;
}

const CLOSERS: Record<string, string[]> = {
  '“': ['”'],
  '„': ['“', '”'],
  '«': ['»'],
  '‹': ['›'],
  '「': ['」'],
  '『': ['』'],
  '"': ['"'],
};
const OPEN_BEFORE = /[\s([{\-–—/:;,'‘’“„«»]/;

/**
 * Finds direct quotations: text between matching quotation marks, straight (") or curly (“ ”,
 * „ “), guillemets (« », and » « as German prints them), corner brackets (「 」). A quotation
 * whose closing mark is on the next line (a hard-wrapped paragraph) spans the line break; one
 * without a closing mark in its paragraph runs to the end of that line, as the convention for
 * quotes that continue in the next paragraph has it. Single quotes are ignored (apostrophes).
 */
export function findQuotations(text: string, map?: OffsetMap): Quotation[] {
  const lines = textLines(text, map);
  const out: Quotation[] = [];
  let li = 0;
  let i = 0;
  while (li < lines.length) {
    const line = lines[li];
    if (i < line.start16) i = line.start16;
    if (i >= line.end16) {
      li++;
      continue;
    }
    const c = text[i];
    const closers: string[] | undefined = c === '»' ? ['«'] : CLOSERS[c];
    if (!closers || ((c === '"' || c === '»' || c === '«') && !isOpenerPosition(text, i, line, c === '»'))) {
      i++;
      continue;
    }
    const found = findCloser(text, i + 1, line.end16, c, closers);
    let end16: number;
    let closed = true;
    if (found >= 0) end16 = found + 1;
    else {
      const next = lines[li + 1];
      const spanned = next && next.text !== '' ? findCloserBeforeOpener(text, next, c, closers) : -1;
      if (spanned >= 0) end16 = spanned + 1;
      else {
        end16 = line.end16;
        closed = false;
      }
    }
    const inner = text.slice(i + 1, closed ? end16 - 1 : end16);
    const words = (inner.match(/[\p{L}\p{N}]+/gu) ?? []).length;
    if (words > 0) out.push({ start16: i, end16, closed, line: line.index, words });
    // A quotation that spans a line break continues the scan on the line where it ended.
    while (li + 1 < lines.length && lines[li + 1].start16 < end16) li++;
    i = end16;
  }
  return out;
}

// Marks that open and close alike (" and, in German print, » «) open only after a space or an
// opening punctuation; » opens only when a word follows it at once (»Hallo«), unlike French « a ».
function isOpenerPosition(text: string, i: number, line: TextLine, needsWord: boolean): boolean {
  const prev = i > line.start16 ? text[i - 1] : ' ';
  const next = text[i + 1] ?? ' ';
  if (!OPEN_BEFORE.test(prev) || next === text[i]) return false;
  return needsWord ? /[\p{L}\p{N}]/u.test(next) : /\S/.test(next) || text[i] === '«';
}

function findCloser(text: string, from: number, to: number, opener: string, closers: string[]): number {
  for (let j = from; j < to; j++) {
    const c = text[j];
    if (!closers.includes(c)) continue;
    if (opener === '"') {
      // A straight closer follows a non-space and is not followed by a letter or digit.
      const after = text[j + 1] ?? ' ';
      if (/\s/.test(text[j - 1]) || /[\p{L}\p{N}]/u.test(after)) continue;
    }
    return j;
  }
  return -1;
}

function findCloserBeforeOpener(text: string, line: TextLine, opener: string, closers: string[]): number {
  for (let j = line.start16; j < line.end16; j++) {
    const c = text[j];
    if (opener !== '"' && c === opener && !closers.includes(c)) return -1;
    if (closers.includes(c)) {
      if (opener === '"' && j === line.start16) return -1; // a new quotation opens the next paragraph
      return findCloser(text, j, j + 1, opener, closers);
    }
  }
  return -1;
}
