import type { OffsetMap } from '../offsets';
import type { ImportedSpan } from './spanRecord';

/**
 * Converts spans with UTF-16 offsets to code points over the text of `map`. A span whose
 * offset lies outside the text or inside a surrogate pair keeps its offsets and gets `error`.
 */
export function spansToCodePoints(spans: ImportedSpan[], map: OffsetMap): ImportedSpan[] {
  return spans.map((span) => {
    if (span.error) return span;
    const start = convert(span.start, map);
    const end = convert(span.end, map);
    if (typeof start === 'string' || typeof end === 'string') {
      return { ...span, error: `UTF-16 offsets ${span.start}..${span.end}: ${typeof start === 'string' ? start : end}` };
    }
    return { ...span, start, end };
  });
}

function convert(utf16: number, map: OffsetMap): number | string {
  if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > map.utf16Length) return `outside the text (0..${map.utf16Length} code units)`;
  const cp = map.toCodePoint(utf16);
  if (map.toUtf16(cp) !== utf16) return `${utf16} falls inside a surrogate pair (an emoji or other astral character)`;
  return cp;
}
