/** A range to paint, with the ids of every span covering it (outermost first). */
export interface Segment {
  from: number;
  to: number;
  ids: string[];
}

/** A span's range in whatever unit the caller paints in. */
export interface RangeRef {
  id: string;
  from: number;
  to: number;
}

/**
 * Cuts overlapping spans into non-overlapping segments, each listing the spans that cover it,
 * so overlaps and nesting can be drawn deliberately (one element per segment). O(n log n).
 */
export function spanSegments(ranges: RangeRef[]): Segment[] {
  const events: { at: number; open: boolean; ref: RangeRef }[] = [];
  for (const r of ranges) {
    if (r.to <= r.from) continue;
    events.push({ at: r.from, open: true, ref: r }, { at: r.to, open: false, ref: r });
  }
  events.sort((a, b) => a.at - b.at);
  const active = new Map<string, RangeRef>();
  const segments: Segment[] = [];
  let i = 0;
  let last = -1;
  while (i < events.length) {
    const at = events[i].at;
    if (active.size > 0 && last < at) {
      const ids = [...active.values()].sort((a, b) => a.from - b.from || b.to - a.to || (a.id < b.id ? -1 : 1)).map((r) => r.id);
      segments.push({ from: last, to: at, ids });
    }
    while (i < events.length && events[i].at === at) {
      const e = events[i++];
      if (e.open) active.set(e.ref.id, e.ref);
      else active.delete(e.ref.id);
    }
    last = at;
  }
  return segments;
}
