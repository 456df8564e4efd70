import type { LayerDoc, Relation, Span } from './model';
import { LAYER_NAME_PATTERN } from './model';

/**
 * A fast, allocation-light check of an annotation file's content for whole-project passes
 * (exports, agreement over 10,000 articles). It accepts only what `layerDocSchema` accepts and
 * returns the same stripped copy; anything it is unsure of returns null, and the caller then
 * asks the schema, whose answer and message stand.
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

function spanList(value: unknown): Span[] | null {
  if (!Array.isArray(value)) return null;
  const out: Span[] = [];
  for (const s of value) {
    if (!isObject(s) || !isStr(s.id, 1, 200) || !isOffset(s.start) || !isOffset(s.end) || (s.start as number) > (s.end as number)) return null;
    if (!isStr(s.label, 1, 200) || typeof s.text !== 'string' || !isStr(s.origin, 0, 500) || !isStr(s.createdAt, 0, 100) || !isStr(s.updatedAt, 0, 100)) return null;
    if (!isObject(s.attrs) || Array.isArray(s.attrs)) return null;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(s.attrs)) {
      if (typeof v !== 'string') return null;
      attrs[k] = v;
    }
    const span: Span = { id: s.id as string, start: s.start as number, end: s.end as number, label: s.label as string, text: s.text, attrs, origin: s.origin as string, createdAt: s.createdAt as string, updatedAt: s.updatedAt as string };
    if (s.flagged !== undefined) {
      if (!isStr(s.flagged, 0, 500)) return null;
      span.flagged = s.flagged as string;
    }
    if (s.sources !== undefined) {
      if (!Array.isArray(s.sources) || s.sources.length > 64 || !s.sources.every((l) => typeof l === 'string' && LAYER_NAME_PATTERN.test(l))) return null;
      span.sources = [...(s.sources as string[])];
    }
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
