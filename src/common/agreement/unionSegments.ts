/** A half-open [start, end) stretch of a continuum, in code points. */
export interface Segment {
  start: number;
  end: number;
}

/**
 * Sorts segments and merges those that share at least one position into their union.
 * Segments that only touch (one ends where the next starts) stay apart. Empty segments are
 * dropped. The input is not modified.
 */
export function unionSegments(segments: readonly Segment[]): Segment[] {
  const sorted = segments.filter((s) => s.end > s.start).sort((x, y) => x.start - y.start || x.end - y.end);
  const out: Segment[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s.start < last.end) {
      if (s.end > last.end) last.end = s.end;
    } else {
      out.push({ start: s.start, end: s.end });
    }
  }
  return out;
}
