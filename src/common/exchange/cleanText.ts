/**
 * Removal of spans from a text, line-aware, as the clean-text export does it.
 *
 * The spans' ranges are merged (overlapping or touching ranges become one). A merged range that
 * starts at a line start and ends at a line end (before the line break, or between the `\r` and
 * `\n` of a CRLF) covers whole lines: its line break goes too, the one after it, or for the last
 * line of the text (which has no break after it) the one before it. Line breaks are `\r\n`, `\n`
 * and `\r`. Partial-line ranges remove just their characters.
 */
import { OffsetMap } from '../offsets';

/** A code point range [start, end). */
export interface CodePointRange {
  start: number;
  end: number;
}

/** The text without the given code point ranges, whole lines taking their line break along. */
export function cleanText(text: string, ranges: readonly CodePointRange[]): string {
  if (ranges.length === 0) return text;
  const map = new OffsetMap(text);
  const len = text.length;
  const units = merge(ranges.map((r) => ({ start: map.toUtf16(r.start), end: map.toUtf16(r.end) })).filter((r) => r.end > r.start));
  const isBreak = (i: number) => text[i] === '\n' || text[i] === '\r';
  const widened = units.map(({ start, end }) => {
    const atLineStart = start === 0 || (isBreak(start - 1) && !(text[start - 1] === '\r' && text[start] === '\n'));
    const atLineEnd = end === len || isBreak(end);
    if (!atLineStart || !atLineEnd) return { start, end };
    if (end < len) {
      if (text[end] === '\r' && text[end + 1] === '\n') return { start, end: end + 2 };
      return { start, end: end + 1 };
    }
    if (start > 0) {
      if (text[start - 1] === '\n' && text[start - 2] === '\r') return { start: start - 2, end };
      return { start: start - 1, end };
    }
    return { start, end };
  });
  let out = '';
  let at = 0;
  for (const r of merge(widened)) {
    out += text.slice(at, r.start);
    at = r.end;
  }
  return out + text.slice(at);
}

function merge(ranges: CodePointRange[]): CodePointRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: CodePointRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
