import type { LabelSchema, LayerDoc, Relation, Span } from './model';
import { OffsetMap } from './offsets';

/** A fresh span id. */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
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

/** Sets (or, with null, clears) one attribute of a span. */
export function setSpanAttr(doc: LayerDoc, spanId: string, name: string, value: string | null, now = new Date().toISOString()): LayerDoc {
  return {
    ...doc,
    spans: doc.spans.map((s) => {
      if (s.id !== spanId) return s;
      const attrs = { ...s.attrs };
      if (value === null) delete attrs[name];
      else attrs[name] = value;
      return { ...s, attrs, updatedAt: now };
    }),
    updatedAt: now,
  };
}

/** The relation types the schema allows from one span's label to another's. */
export function allowedRelations(schema: LabelSchema, fromLabel: string, toLabel: string): string[] {
  return schema.relations.filter((r) => r.from.includes(fromLabel) && r.to.includes(toLabel)).map((r) => r.name);
}

/**
 * Links two spans with a relation type the schema allows between their labels. Throws with a
 * message naming the labels when none does; a link that exists already is not duplicated.
 */
export function addRelation(doc: LayerDoc, schema: LabelSchema, fromId: string, toId: string, type?: string, id = newId('r_')): LayerDoc {
  const from = doc.spans.find((s) => s.id === fromId);
  const to = doc.spans.find((s) => s.id === toId);
  if (!from || !to) throw new Error('Both spans must exist to link them');
  if (fromId === toId) throw new Error('A span cannot be linked to itself');
  const allowed = allowedRelations(schema, from.label, to.label);
  const chosen = type ?? allowed[0];
  if (!chosen || !allowed.includes(chosen)) {
    throw new Error(`The schema has no relation from ${from.label} to ${to.label}${type ? ` of type ${type}` : ''}`);
  }
  if (doc.relations.some((r) => r.from === fromId && r.to === toId && r.type === chosen)) return doc;
  const relation: Relation = { id, type: chosen, from: fromId, to: toId };
  return { ...doc, relations: [...doc.relations, relation], updatedAt: new Date().toISOString() };
}

/** Removes one relation. */
export function removeRelation(doc: LayerDoc, relationId: string): LayerDoc {
  return { ...doc, relations: doc.relations.filter((r) => r.id !== relationId), updatedAt: new Date().toISOString() };
}

/** Renames a label on every span of a document. */
export function renameLabelInDoc(doc: LayerDoc, from: string, to: string): LayerDoc {
  if (!doc.spans.some((s) => s.label === from)) return doc;
  return { ...doc, spans: doc.spans.map((s) => (s.label === from ? { ...s, label: to } : s)) };
}

/** Removes every span of a label (and the relations touching them) from a document. */
export function deleteLabelInDoc(doc: LayerDoc, label: string): LayerDoc {
  const gone = new Set(doc.spans.filter((s) => s.label === label).map((s) => s.id));
  if (gone.size === 0) return doc;
  return {
    ...doc,
    spans: doc.spans.filter((s) => !gone.has(s.id)),
    relations: doc.relations.filter((r) => !gone.has(r.from) && !gone.has(r.to)),
  };
}
