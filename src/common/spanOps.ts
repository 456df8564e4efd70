import type { LayerDoc, Span } from './model';
import { OffsetMap } from './offsets';

/** A fresh span id. */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Narrows a UTF-16 range so it neither starts nor ends with whitespace (empty if all whitespace). */
export function trimRange(text: string, from: number, to: number): { from: number; to: number } {
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  return { from, to };
}

/**
 * Adds a span over the code point range [start, end) of the article text; its `text` is the exact
 * slice. Returns a new document (documents are never changed in place).
 */
export function addSpan(doc: LayerDoc, text: string, start: number, end: number, label: string, origin = 'manual', now = new Date().toISOString(), id = newId('s_')): { doc: LayerDoc; span: Span } {
  const map = new OffsetMap(text);
  if (start < 0 || end > map.codePointLength || start >= end) throw new RangeError(`Span ${start}-${end} is outside the article (0-${map.codePointLength}) or empty`);
  const span: Span = { id, start, end, label, text: text.slice(map.toUtf16(start), map.toUtf16(end)), attrs: {}, origin, createdAt: now, updatedAt: now };
  return { doc: { ...doc, spans: [...doc.spans, span], updatedAt: now }, span };
}

/** Removes a span and every relation that touches it. */
export function removeSpan(doc: LayerDoc, spanId: string, now = new Date().toISOString()): LayerDoc {
  return {
    ...doc,
    spans: doc.spans.filter((s) => s.id !== spanId),
    relations: doc.relations.filter((r) => r.from !== spanId && r.to !== spanId),
    updatedAt: now,
  };
}

/** Spans in reading order: by start, longer first, then id. */
export function sortSpans(spans: Span[]): Span[] {
  return [...spans].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
