import type { LayerDoc, Relation, Span } from './model';
import { LAYER_NAME_PATTERN } from './model';

/**
 * A fast, allocation-light check of an annotation file's content for whole-project passes
 * (exports, agreement over 10,000 articles). It accepts only what `layerDocSchema` accepts and
 * returns what it returns; anything it is unsure of returns null, and the caller then asks the
 * schema, whose answer and message stand. `data` must be fresh from JSON.parse and owned by the
 * caller: a span object holding no key the schema would strip is returned as it is, not copied
 * (600,000 spans in an agreement over 10,000 articles).
 */
export function fastLayerDoc(data: unknown): LayerDoc | null {
  if (!isObject(data)) return null;
  const d = data;
  if (!isPositiveInt(d.formatVersion) || !isArticleId(d.article) || typeof d.layer !== 'string' || !LAYER_NAME_PATTERN.test(d.layer)) return null;
  if (!isStr(d.sha256, 0, 64) || !isStr(d.updatedAt, 0, 100)) return null;
  if (d.status !== 'todo' && d.status !== 'in_progress' && d.status !== 'done' && d.status !== 'skipped') return null;
  const spans = spanList(d.spans);
  if (!spans || !Array.isArray(d.relations)) return null;
  const relations: Relation[] = [];
  for (const r of d.relations) {
    if (!isObject(r) || !isStr(r.id, 1, 200) || !isStr(r.type, 1, 200) || !isStr(r.from, 1, 200) || !isStr(r.to, 1, 200)) return null;
    relations.push({ id: r.id as string, type: r.type as string, from: r.from as string, to: r.to as string });
  }
  const doc: LayerDoc = { formatVersion: d.formatVersion as number, article: d.article as string, layer: d.layer, sha256: d.sha256 as string, status: d.status, spans, relations, updatedAt: d.updatedAt as string };
  if (d.orphans !== undefined) {
    const orphans = spanList(d.orphans);
    if (!orphans) return null;
    doc.orphans = orphans;
  }
  // The schema's key order: orphans sits before updatedAt.
  return d.orphans === undefined ? doc : { formatVersion: doc.formatVersion, article: doc.article, layer: doc.layer, sha256: doc.sha256, status: doc.status, spans: doc.spans, relations: doc.relations, orphans: doc.orphans, updatedAt: doc.updatedAt };
}

/** The keys every span has: id, start, end, label, text, attrs, origin, createdAt, updatedAt. */
const SPAN_KEYS = 9;

function spanList(value: unknown): Span[] | null {
  if (!Array.isArray(value)) return null;
  const out: Span[] = [];
  for (const s of value) {
    if (!isObject(s) || !isStr(s.id, 1, 200) || !isOffset(s.start) || !isOffset(s.end) || (s.start as number) > (s.end as number)) return null;
    if (!isStr(s.label, 1, 200) || typeof s.text !== 'string' || !isStr(s.origin, 0, 500) || !isStr(s.createdAt, 0, 100) || !isStr(s.updatedAt, 0, 100)) return null;
    if (!isObject(s.attrs)) return null;
    for (const k in s.attrs) if (typeof s.attrs[k] !== 'string') return null;
    if (s.flagged !== undefined && !isStr(s.flagged, 0, 500)) return null;
    if (s.sources !== undefined && (!Array.isArray(s.sources) || s.sources.length > 64 || !s.sources.every((l) => typeof l === 'string' && LAYER_NAME_PATTERN.test(l)))) return null;
    let keys = 0;
    for (const _ in s) keys++;
    if (keys === SPAN_KEYS + (s.flagged !== undefined ? 1 : 0) + (s.sources !== undefined ? 1 : 0)) {
      // Nothing to strip: the parsed object is the span.
      out.push(s as unknown as Span);
      continue;
    }
    const span: Span = { id: s.id as string, start: s.start as number, end: s.end as number, label: s.label as string, text: s.text, attrs: { ...(s.attrs as Record<string, string>) }, origin: s.origin as string, createdAt: s.createdAt as string, updatedAt: s.updatedAt as string };
    if (s.flagged !== undefined) span.flagged = s.flagged as string;
    if (s.sources !== undefined) span.sources = [...(s.sources as string[])];
    out.push(span);
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}
function isStr(v: unknown, min: number, max: number): boolean {
  return typeof v === 'string' && v.length >= min && v.length <= max;
}
function isOffset(v: unknown): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
function isPositiveInt(v: unknown): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
}
function isArticleId(v: unknown): boolean {
  return typeof v === 'string' && v.length >= 1 && v.length <= 4096 && !v.split(/[\\/]/).includes('..') && !/^[\\/]/.test(v) && !/^[A-Za-z]:/.test(v) && !v.includes('\0');
}
