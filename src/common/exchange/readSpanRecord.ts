/**
 * Recognises the shape of one parsed JSON value of an annotation file and reads it into span
 * records (internal to `parseSpanRecords`). Shapes, checked in this order:
 * Label Studio task (`data` + `annotations`/`completions`), doccano with relations (`entities`),
 * doccano (`label`/`labels` as `[start, end, LABEL]` triples), Prodigy (`tokens`, `_input_hash`
 * or `answer`), native (`spans`).
 */
import { ARTICLE_STATUSES } from '../model';
import type { ArticleStatus, OffsetUnit } from '../model';
import { OffsetMap } from '../offsets';
import type { ImportedRelation, ImportedSpan, SpanRecord, SpanRecordShape } from './spanRecord';
import { spansToCodePoints } from './spansToCodePoints';

/** Records read from one value, and messages about parts that could not be read. */
export interface ReadResult {
  records: SpanRecord[];
  errors: string[];
}

/** Options of the reader: the offset unit of records that do not state theirs. */
export interface ReadOptions {
  fileName: string;
  offsets?: OffsetUnit;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reads one JSON value found at `line`. */
export function readSpanRecord(value: unknown, line: number, opts: ReadOptions): ReadResult {
  if (!isObject(value)) return { records: [], errors: ['expected a JSON object'] };
  const shape = detectShape(value);
  if (!shape) {
    return { records: [], errors: ['unrecognised record: expected native (spans), doccano (label or entities), Prodigy (tokens, spans) or Label Studio (data, annotations)'] };
  }
  const errors: string[] = [];
  const base = { fileName: opts.fileName, line, shape };
  const unit = (meta: unknown, fallback: OffsetUnit): OffsetUnit => {
    const declared = isObject(meta) ? meta.offsets : undefined;
    return declared === 'codepoint' || declared === 'utf16' ? declared : opts.offsets ?? fallback;
  };
  const finish = (record: Omit<SpanRecord, 'offsets'>, offsets: OffsetUnit): SpanRecord => {
    if (offsets === 'utf16' && record.text !== undefined) {
      return { ...record, offsets: 'codepoint', spans: spansToCodePoints(record.spans, new OffsetMap(record.text)) };
    }
    return { ...record, offsets };
  };
  const text = str(value.text);
  if (value.text !== undefined && text === undefined) errors.push('"text" is not a string');
  switch (shape) {
    case 'native': {
      const spans = readList(value.spans, 'spans', errors, readNativeSpan);
      const relations = readRelations(value.relations, errors);
      const status = readStatus(value.status, errors);
      return {
        records: [finish({ ...base, id: readId(value.id), text, layer: str(value.layer), status, spans, relations, keepsOrigin: true }, unit(value.meta, 'codepoint'))],
        errors,
      };
    }
    case 'doccano': {
      const triples = Array.isArray(value.label) ? value.label : value.labels;
      const spans = readList(triples, 'label', errors, readTriple);
      const layer = isObject(value.meta) ? str(value.meta.layer) : undefined;
      return { records: [finish({ ...base, id: readId(value.id), text, layer, spans, relations: [], keepsOrigin: false }, unit(value.meta, 'codepoint'))], errors };
    }
    case 'doccano-relations': {
      const spans = readList(value.entities, 'entities', errors, readEntity);
      const relations = readList(value.relations, 'relations', errors, readDoccanoRelation);
      const layer = isObject(value.meta) ? str(value.meta.layer) : undefined;
      return { records: [finish({ ...base, id: readId(value.id), text, layer, spans, relations, keepsOrigin: false }, unit(value.meta, 'codepoint'))], errors };
    }
    case 'prodigy':
      return readProdigy(value, base, text, unit(value.meta, 'codepoint'), errors, finish);
    case 'label-studio':
      return readLabelStudio(value, base, unit(value.meta, 'utf16'), errors, finish);
  }
}

function detectShape(v: Json): SpanRecordShape | null {
  if (isObject(v.data) && (Array.isArray(v.annotations) || Array.isArray(v.completions))) return 'label-studio';
  if (Array.isArray(v.entities)) return 'doccano-relations';
  const triples = Array.isArray(v.label) ? v.label : v.labels;
  if (Array.isArray(triples) && triples.every(Array.isArray)) return 'doccano';
  if (Array.isArray(v.tokens) || v._input_hash !== undefined || typeof v.answer === 'string') return 'prodigy';
  if (Array.isArray(v.spans)) return 'native';
  return null;
}

function readId(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isInt(v)) return String(v);
  return undefined;
}

function readStatus(v: unknown, errors: string[]): ArticleStatus | undefined {
  if (v === undefined) return undefined;
  if ((ARTICLE_STATUSES as readonly unknown[]).includes(v)) return v as ArticleStatus;
  errors.push(`unknown status ${JSON.stringify(v)} ignored; expected one of ${ARTICLE_STATUSES.join(', ')}`);
  return undefined;
}

function readList<T>(v: unknown, what: string, errors: string[], read: (item: unknown, i: number) => T | string): T[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    errors.push(`"${what}" is not an array`);
    return [];
  }
  const out: T[] = [];
  v.forEach((item, i) => {
    const r = read(item, i);
    if (typeof r === 'string') errors.push(`${what}[${i}] skipped: ${r}`);
    else out.push(r);
  });
  return out;
}

function offsets(start: unknown, end: unknown): { start: number; end: number } | string {
  if (!isInt(start) || !isInt(end)) return `start and end must be integers (got ${JSON.stringify(start)}, ${JSON.stringify(end)})`;
  return { start, end };
}

function readNativeSpan(item: unknown): ImportedSpan | string {
  if (!isObject(item)) return 'not an object';
  const range = offsets(item.start, item.end);
  if (typeof range === 'string') return range;
  const label = str(item.label);
  if (!label) return 'label must be a non-empty string';
  const span: ImportedSpan = { ...range, label };
  const id = readId(item.id);
  if (id !== undefined) span.id = id;
  if (typeof item.text === 'string') span.text = item.text;
  if (isObject(item.attrs)) {
    const attrs: Record<string, string> = {};
    for (const [k, val] of Object.entries(item.attrs)) if (typeof val === 'string') attrs[k] = val;
    span.attrs = attrs;
  }
  for (const key of ['origin', 'createdAt', 'updatedAt', 'flagged'] as const) {
    const val = str(item[key]);
    if (val !== undefined) span[key] = val;
  }
  if (Array.isArray(item.sources)) {
    if (!item.sources.every((x) => typeof x === 'string' && x !== '')) return 'sources must be a list of layer names';
    span.sources = item.sources as string[];
  }
  return span;
}

function readRelations(v: unknown, errors: string[]): ImportedRelation[] {
  return readList(v, 'relations', errors, (item) => {
    if (!isObject(item)) return 'not an object';
    const type = str(item.type);
    const from = readId(item.from);
    const to = readId(item.to);
    if (!type || from === undefined || to === undefined) return 'needs type, from and to';
    const rel: ImportedRelation = { type, from, to };
    const id = readId(item.id);
    if (id !== undefined) rel.id = id;
    return rel;
  });
}

function readTriple(item: unknown): ImportedSpan | string {
  if (!Array.isArray(item) || item.length < 3) return 'expected [start, end, label]';
  const range = offsets(item[0], item[1]);
  if (typeof range === 'string') return range;
  const label = str(item[2]);
  if (!label) return 'label must be a non-empty string';
  return { ...range, label };
}

function readEntity(item: unknown, i: number): ImportedSpan | string {
  if (!isObject(item)) return 'not an object';
  const range = offsets(item.start_offset, item.end_offset);
  if (typeof range === 'string') return range;
  const label = str(item.label);
  if (!label) return 'label must be a non-empty string';
  return { id: readId(item.id) ?? `e${i}`, ...range, label };
}

function readDoccanoRelation(item: unknown): ImportedRelation | string {
  if (!isObject(item)) return 'not an object';
  const from = readId(item.from_id);
  const to = readId(item.to_id);
  const type = str(item.type);
  if (from === undefined || to === undefined || !type) return 'needs from_id, to_id and type';
  const rel: ImportedRelation = { type, from, to };
  const id = readId(item.id);
  if (id !== undefined) rel.id = id;
  return rel;
}

type Finish = (record: Omit<SpanRecord, 'offsets'>, offsets: OffsetUnit) => SpanRecord;
type Base = { fileName: string; line: number; shape: SpanRecordShape };

function readProdigy(v: Json, base: Base, text: string | undefined, unit: OffsetUnit, errors: string[], finish: Finish): ReadResult {
  if (typeof v.answer === 'string' && v.answer !== 'accept') {
    return { records: [], errors: [`Prodigy answer is "${v.answer}": task skipped`] };
  }
  const meta = isObject(v.meta) ? v.meta : {};
  const spans = readList(v.spans, 'spans', errors, (item, i) => {
    if (!isObject(item)) return 'not an object';
    const range = offsets(item.start, item.end);
    if (typeof range === 'string') return range;
    const label = str(item.label);
    if (!label) return 'label must be a non-empty string';
    return { id: `s${i + 1}`, ...range, label };
  });
  const find = (s: unknown): string | undefined => {
    if (!isObject(s)) return undefined;
    return spans.find((x) => x.start === s.start && x.end === s.end && x.label === s.label)?.id;
  };
  const relations = readList(v.relations, 'relations', errors, (item, i) => {
    if (!isObject(item)) return 'not an object';
    const from = find(item.head_span);
    const to = find(item.child_span);
    const type = str(item.label);
    if (!from || !to || !type) return 'needs a label and head_span / child_span that match spans of the task';
    return { id: `r${i + 1}`, type, from, to };
  });
  const id = readId(v.id) ?? readId(meta.id);
  return { records: [finish({ ...base, id, text, layer: str(meta.layer), spans, relations, keepsOrigin: false }, unit)], errors };
}

function readLabelStudio(v: Json, base: Base, unit: OffsetUnit, errors: string[], finish: Finish): ReadResult {
  const data = v.data as Json;
  let text = str(data.text);
  if (text === undefined) {
    const strings = Object.values(data).filter((x): x is string => typeof x === 'string');
    if (strings.length === 1) text = strings[0];
    else errors.push('task data has no "text" field');
  }
  const id = readId(data.gloss_id);
  const fromGloss = id !== undefined;
  const annotations = (Array.isArray(v.annotations) ? v.annotations : v.completions) as unknown[];
  const records: SpanRecord[] = [];
  annotations.forEach((annotation, a) => {
    if (!isObject(annotation)) {
      errors.push(`annotations[${a}] is not an object`);
      return;
    }
    if (annotation.was_cancelled === true) {
      errors.push(`annotations[${a}] was cancelled: skipped`);
      return;
    }
    const spans: ImportedSpan[] = [];
    const relations: ImportedRelation[] = [];
    const results = Array.isArray(annotation.result) ? annotation.result : [];
    results.forEach((r: unknown, i: number) => {
      const where = `annotations[${a}].result[${i}]`;
      if (!isObject(r)) return errors.push(`${where} is not an object`);
      if (r.type === 'relation') {
        const from = readId(r.from_id);
        const to = readId(r.to_id);
        const labels = Array.isArray(r.labels) ? r.labels.filter((l): l is string => typeof l === 'string') : [];
        if (from === undefined || to === undefined) return errors.push(`${where} (relation) needs from_id and to_id`);
        if (labels.length === 0) return errors.push(`${where} (relation ${from} -> ${to}) has no label: skipped`);
        const flip = r.direction === 'left';
        for (const type of labels) relations.push({ type, from: flip ? to : from, to: flip ? from : to });
        return;
      }
      const value = isObject(r.value) ? r.value : undefined;
      if (!value || !Array.isArray(value.labels)) return errors.push(`${where} skipped: only "labels" regions and relations are imported`);
      const range = offsets(value.start, value.end);
      if (typeof range === 'string') return errors.push(`${where} skipped: ${range}`);
      const rid = readId(r.id) ?? `r${a}-${i}`;
      value.labels.forEach((label: unknown, k: number) => {
        if (typeof label !== 'string' || !label) return errors.push(`${where} has a label that is not a string`);
        const span: ImportedSpan = { id: k === 0 ? rid : `${rid}:${label}`, ...range, label };
        if (typeof value.text === 'string') span.text = value.text;
        if (fromGloss && typeof r.origin === 'string') span.origin = r.origin;
        if (isObject(r.gloss_attrs)) {
          span.attrs = Object.fromEntries(Object.entries(r.gloss_attrs).filter((e): e is [string, string] => typeof e[1] === 'string'));
        }
        spans.push(span);
      });
    });
    const status = readStatus(annotation.gloss_status, errors);
    records.push(finish({ ...base, id, text, layer: str(annotation.gloss_layer), status, spans, relations, keepsOrigin: fromGloss }, unit));
  });
  if (annotations.length === 0) errors.push('task has no annotations');
  return { records, errors };
}
