import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { LabelSchema, Span } from '../../common/model';
import type { OffsetMap } from '../../common/offsets';
import type { TextLayout } from '../../common/textLayout';
import { spanSegments } from '../../common/spanSegments';
import type { Segment } from '../../common/spanSegments';
import { segmentStyle } from './spanStyle';

interface Painted {
  span: Span;
  from: number;
  to: number;
}

/**
 * Keeps the span decorations of one article up to date incrementally: a change repaints only
 * the stretch of text the changed spans cover, so a label key press costs about the same with
 * 20 spans as with 2,000.
 */
export class SpanPainter {
  private set = DecorationSet.empty;
  private painted = new Map<string, Painted>();
  private selected: string | null = null;
  private highlight: ReadonlySet<string> = new Set();
  private schema: LabelSchema | null = null;

  constructor(private readonly layout: TextLayout, private readonly offsets: OffsetMap) {}

  /** The current decorations after applying the new state. */
  update(doc: PmNode, spans: Span[], schema: LabelSchema, selected: string | null, highlight: ReadonlySet<string>): DecorationSet {
    const next = new Map<string, Painted>();
    const dirty: [number, number][] = [];
    const schemaChanged = schema !== this.schema;
    for (const span of spans) {
      const old = this.painted.get(span.id);
      if (old && old.span === span) {
        next.set(span.id, old);
        continue;
      }
      const p = { span, from: this.offsets.toUtf16(span.start), to: this.offsets.toUtf16(span.end) };
      next.set(span.id, p);
      dirty.push([p.from, p.to]);
      if (old) dirty.push([old.from, old.to]);
    }
    for (const [id, old] of this.painted) if (!next.has(id)) dirty.push([old.from, old.to]);
    const mark = (id: string | null) => {
      const p = id ? next.get(id) ?? this.painted.get(id) : undefined;
      if (p) dirty.push([p.from, p.to]);
    };
    if (selected !== this.selected) {
      mark(selected);
      mark(this.selected);
    }
    if (highlight !== this.highlight) {
      for (const id of highlight) if (!this.highlight.has(id)) mark(id);
      for (const id of this.highlight) if (!highlight.has(id)) mark(id);
    }
    this.painted = next;
    this.selected = selected;
    this.highlight = highlight;
    if (schemaChanged) {
      this.schema = schema;
      this.set = DecorationSet.create(doc, this.decorate(spanSegments(this.ranges([...next.values()]))));
      return this.set;
    }
    for (const [a, b] of mergeIntervals(dirty)) this.repaint(doc, a, b);
    return this.set;
  }

  /** The segments under a UTF-16 offset's neighbourhood, for click handling. */
  segmentAt(offset: number): Segment | null {
    const covering = [...this.painted.values()].filter((p) => p.from <= offset && offset <= p.to);
    const segs = spanSegments(this.ranges(covering));
    return segs.find((s) => s.from <= offset && offset < s.to) ?? segs.find((s) => s.from < offset && offset <= s.to) ?? null;
  }

  private ranges(painted: Painted[]) {
    return painted.map((p) => ({ id: p.span.id, from: p.from, to: p.to }));
  }

  private repaint(doc: PmNode, a: number, b: number): void {
    // Widen to the painted pieces the stretch touches, so none is cut and left half-painted.
    let wide = this.set.find(this.layout.offsetToPos(a), this.layout.offsetToPos(b));
    for (;;) {
      let [wa, wb] = [a, b];
      for (const d of wide) {
        wa = Math.min(wa, this.layout.posToOffset(d.from));
        wb = Math.max(wb, this.layout.posToOffset(d.to));
      }
      if (wa === a && wb === b) break;
      [a, b] = [wa, wb];
      wide = this.set.find(this.layout.offsetToPos(a), this.layout.offsetToPos(b));
    }
    const inside = [...this.painted.values()].filter((p) => p.from < b && p.to > a).map((p) => ({ id: p.span.id, from: Math.max(a, p.from), to: Math.min(b, p.to) }));
    this.set = this.set.remove(wide).add(doc, this.decorate(spanSegments(inside)));
  }

  private decorate(segments: Segment[]): Decoration[] {
    const schema = this.schema!;
    const labelIndex = new Map(schema.labels.map((l, i) => [l.name, i]));
    return segments.map((seg) => {
      const spans = seg.ids.map((id) => this.painted.get(id)!.span);
      const labels = spans.map((s) => schema.labels[labelIndex.get(s.label) ?? -1]);
      const cls = ['g-span'];
      // A segment under one span takes its label's class (a stylesheet rule); only overlaps,
      // whose stacked underlines vary, carry an inline style.
      const single = spans.length === 1 ? labelIndex.get(spans[0].label) : undefined;
      if (single !== undefined) cls.push(`g-l${single}`);
      if (this.selected !== null && seg.ids.includes(this.selected)) cls.push('g-selected');
      if (seg.ids.some((id) => this.highlight.has(id))) cls.push('g-linked');
      return Decoration.inline(this.layout.offsetToPos(seg.from), this.layout.offsetToPos(seg.to), {
        class: cls.join(' '),
        'data-span-ids': seg.ids.join(' '),
        title: spans.map((s) => s.label).join(' + '),
        ...(single === undefined ? { style: segmentStyle(labels, (name) => labelIndex.get(name) ?? 0) } : {}),
      });
    });
  }
}

/** Sorted, merged copies of overlapping or touching intervals. */
function mergeIntervals(intervals: [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
