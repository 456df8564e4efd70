import { OffsetMap } from '../offsets';

/** One line of a text: its trimmed content and where it sits. */
export interface TextLine {
  /** Line number, from 0, counting every line break (\n, \r\n or \r). */
  index: number;
  /** Code point offset of the first non-space character (or of the line start, for a blank line). */
  start: number;
  /** Code point offset just past the last non-space character. */
  end: number;
  /** UTF-16 offsets matching `start` and `end`. */
  start16: number;
  end16: number;
  /** The trimmed line. Empty for a blank line. */
  text: string;
}

/**
 * Splits a text into lines, each trimmed of surrounding whitespace, with code point offsets
 * (a line's span runs from its first to its last non-space character, never including the
 * line break).
 */
export function textLines(text: string, map: OffsetMap = new OffsetMap(text)): TextLine[] {
  const out: TextLine[] = [];
  const re = /\r\n|\r|\n/g;
  let lineStart = 0;
  let index = 0;
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    out.push({ index: index++, start: map.toCodePoint(s), end: map.toCodePoint(e), start16: s, end16: e, text: text.slice(s, e) });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(lineStart, m.index);
    lineStart = m.index + m[0].length;
  }
  push(lineStart, text.length);
  return out;
}
