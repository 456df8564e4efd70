/**
 * `gloss import`: reads spans from an annotation file (native, doccano, Prodigy, Label Studio
 * shapes) into one layer of a project. Everything is checked before anything is written
 * (parseSpanRecords -> matchImport -> the layer files already there), and nothing is written
 * when a check fails, unless the caller asked to skip what is invalid. Writes that fail half way
 * are rolled back, so a failed import leaves the project as it was.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { ApiError } from '../common/api';
import { layerDocFromImport, matchImport, parseSpanRecords } from '../common/exchange';
import type { ImportedArticle, ImportTarget, ParseError, SpanRecord } from '../common/exchange';
import { LAYER_NAME_PATTERN } from '../common/model';
import type { LayerDoc, OffsetUnit, Relation, Span } from '../common/model';
import { readTextIfExists, writeFileDurably } from './durableFile';
import type { ProjectStore } from './projectStore';
import { BulkReader } from './bulkReader';

/** An import's options: the API request's choices, plus what only callers in the process give. */
export type ImportSpansOptions = Omit<ImportSpansRequest, 'fileName' | 'content'> & {
  /** Time stamp for new spans (ISO 8601); default now. */
  now?: string;
  onProgress?: (done: number, total: number) => void;
  /** JSONL files larger than this are parsed in pieces of whole lines (default 8 MB; for tests). */
  pieceBytes?: number;
};

export type { ExistingSpansPolicy, ImportSpansRequest, ImportIssue, ImportedArticleReport, ImportSpansReport } from '../common/importSpansTypes';
import type { ImportIssue, ImportedArticleReport, ImportSpansReport, ImportSpansRequest } from '../common/importSpansTypes';

/** Layer files written at once (each write is durable; the file system groups their syncs). */
const WRITES_IN_FLIGHT = 16;

/** Files above this size are parsed in pieces of lines, never as one string. */
const PIECE_BYTES = 8 << 20;
/** A JSON array is read as one string; V8 strings hold at most about 2^29 characters. */
const MAX_WHOLE_BYTES = 400 << 20;

/**
 * Imports the spans of `file` into `options.layer`. Never throws for problems in the file (they
 * are in the report, `ok: false`); throws an ApiError for bad options, an unreadable file, or a
 * file naming several layers without `fromLayer`.
 */
export async function importSpans(store: ProjectStore, file: string, options: ImportSpansOptions): Promise<ImportSpansReport> {
  checkLayers(options);
  const parsed = await parseFile(file, basename(file), options.offsets, options.pieceBytes ?? PIECE_BYTES);
  return importParsed(store, file, parsed, options);
}

/**
 * Imports spans from the content of a file (the app's Import dialog, which has no path in
 * browser mode): as `importSpans`, with `fileName` naming the file in messages and origins.
 */
export async function importSpansContent(store: ProjectStore, fileName: string, content: string, options: ImportSpansOptions): Promise<ImportSpansReport> {
  checkLayers(options);
  const name = basename(fileName.replace(/\\/g, '/')) || 'import.jsonl';
  return importParsed(store, name, parseSpanRecords(content, name, { offsets: options.offsets }), options);
}

function checkLayers(options: ImportSpansOptions): void {
  const { layer } = options;
  if (!LAYER_NAME_PATTERN.test(layer) || layer === 'all') {
    throw new ApiError('BAD_LAYER', `"${layer}" cannot be a layer name (letters, digits, _ - . ; "all" is reserved)`);
  }
  if (options.fromLayer !== undefined && !LAYER_NAME_PATTERN.test(options.fromLayer)) {
    throw new ApiError('BAD_LAYER', `"${options.fromLayer}" is not a layer name`);
  }
}

async function importParsed(store: ProjectStore, file: string, parsed: { records: SpanRecord[]; errors: ParseError[] }, options: ImportSpansOptions): Promise<ImportSpansReport> {
  const { layer } = options;
  const existing = options.existing ?? 'refuse';
  const fileName = basename(file);
  const problems: ImportIssue[] = parsed.errors.map((e) => ({ code: 'malformed', line: e.line, message: e.message }));

  // Which source layer.
  const named = [...new Set(parsed.records.map((r) => r.layer).filter((l): l is string => l !== undefined))].sort();
  let sourceLayer: string | undefined;
  if (options.fromLayer !== undefined) {
    if (!named.includes(options.fromLayer)) {
      throw new ApiError('NO_SUCH_LAYER', `${fileName} has no records of layer ${options.fromLayer}${named.length ? ` (its layers: ${named.join(', ')})` : ' (its records name no layer)'}`);
    }
    sourceLayer = options.fromLayer;
  } else if (named.length > 1) {
    throw new ApiError('SEVERAL_LAYERS', `${fileName} holds the layers ${named.join(', ')}; choose the one to import with --from-layer`);
  }

  // The articles the records may go to: the ones they name, or all of them when a record must be matched by text.
  const { articles: entries } = await store.scanArticles();
  const known = new Set(entries.map((a) => a.id));
  const byId = new Map(entries.map((a) => [a.id, a]));
  const reader = await BulkReader.open(store, [layer]);
  const records = parsed.records;
  const targets: ImportTarget[] = [];
  const shas = new Map<string, string>();
  const unreadable = new Map<string, string>();
  let done = 0;
  const readAll = async (ids: string[], total: number) => {
    for (const id of ids) {
      try {
        const article = await reader.article(byId.get(id)!);
        targets.push({ id, text: article.text });
        shas.set(id, article.sha256);
      } catch (error) {
        unreadable.set(id, (error as Error).message);
      }
      options.onProgress?.(++done, total);
      if (done % 256 === 0) await new Promise<void>((ok) => setImmediate(ok)); // reads are synchronous
    }
  };
  if (records.every((r) => r.id !== undefined && known.has(r.id))) {
    const named = [...new Set(records.map((r) => r.id!))];
    await readAll(named, named.length);
    // A record whose text is not its named article's may be another article's: read them all.
    const texts = new Map(targets.map((t) => [t.id, t.text]));
    if (records.some((r) => r.text !== undefined && texts.has(r.id!) && texts.get(r.id!) !== r.text)) {
      const rest = entries.map((a) => a.id).filter((id) => !texts.has(id) && !unreadable.has(id));
      await readAll(rest, named.length + rest.length);
    }
  } else {
    await readAll(entries.map((a) => a.id), entries.length);
  }
  const readable = records.filter((r) => {
    if (r.id === undefined || !unreadable.has(r.id)) return true;
    if (sourceLayer && r.layer && r.layer !== sourceLayer) return true;
    problems.push({ code: 'unreadable-article', line: r.line, article: r.id, message: `record skipped: article ${r.id} cannot be read (${unreadable.get(r.id)})` });
    return false;
  });

  const now = options.now ?? new Date().toISOString();
  const match = matchImport(readable, targets, store.manifest.schema, { sourceLayer, now });
  for (const p of match.problems) problems.push({ code: p.code, line: p.line, ...(p.article !== undefined ? { article: p.article } : {}), ...(p.span !== undefined ? { span: p.span } : {}), message: p.message });

  // The layer files already there.
  const plans: { doc: LayerDoc; report: ImportedArticleReport }[] = [];
  let emptyRecords = 0;
  for (const imported of match.articles) {
    // A record without spans, relations or a status beyond todo changes nothing (a native export
    // lists every article, also those nobody annotated).
    if (imported.spans.length === 0 && imported.relations.length === 0 && (imported.status === undefined || imported.status === 'todo')) {
      emptyRecords++;
      continue;
    }
    const sha = shas.get(imported.article)!;
    let stored: LayerDoc | null;
    try {
      stored = await reader.layerFile(imported.article, layer);
    } catch (error) {
      problems.push({ code: 'unreadable-layer', line: imported.line, article: imported.article, message: `record skipped: the layer file of ${imported.article} in layer ${layer} cannot be read, and Gloss never overwrites it (${(error as Error).message})` });
      continue;
    }
    const base = { article: imported.article, line: imported.line, spans: imported.spans.length, relations: imported.relations.length };
    const count = stored ? stored.spans.length + (stored.orphans?.length ?? 0) : 0;
    if (!stored || count === 0) {
      const fallbackStatus = stored && stored.status !== 'todo' ? stored.status : undefined;
      plans.push({ doc: layerDocFromImport(imported, { layer, sha256: sha, updatedAt: now, fallbackStatus }), report: { ...base, action: 'created' } });
      continue;
    }
    if (existing === 'refuse') {
      problems.push({ code: 'layer-not-empty', line: imported.line, article: imported.article, message: `record skipped: layer ${layer} already has ${count} span(s) for ${imported.article}; use --replace to replace them (the old file is kept as a backup) or --merge to add the new spans` });
      continue;
    }
    if (existing === 'replace') {
      plans.push({ doc: layerDocFromImport(imported, { layer, sha256: sha, updatedAt: now, fallbackStatus: stored.status }), report: { ...base, action: 'replaced' } });
      continue;
    }
    // Merge onto the layer as it reads now (re-anchored if the article changed since it was saved).
    const current = await store.readLayer(imported.article, layer, sha);
    const merged = mergeSpans(current, imported);
    const doc: LayerDoc = { ...current, sha256: sha, spans: merged.spans, relations: merged.relations, updatedAt: now };
    plans.push({ doc, report: { ...base, action: 'merged', spans: merged.added, relations: merged.addedRelations, duplicates: merged.duplicates } });
  }

  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const report: ImportSpansReport = {
    ok: problems.length === 0 || options.skipInvalid === true,
    written: false,
    dryRun: options.dryRun === true,
    file,
    layer,
    fromLayer: sourceLayer ?? null,
    existing,
    records: parsed.records.length,
    otherLayerRecords: match.skippedOtherLayer,
    emptyRecords,
    articles: plans.map((p) => p.report),
    spans: plans.reduce((n, p) => n + p.report.spans, 0),
    relations: plans.reduce((n, p) => n + p.report.relations, 0),
    problems,
  };
  if (!report.ok || report.dryRun) return report;

  // Write, remembering each file's previous content to roll back if a write fails. Each write is
  // durable (fsync); WRITES_IN_FLIGHT of them run at once, so the file system can group them.
  const written: { abs: string; previous: string | null }[] = [];
  done = 0;
  let failure: unknown = null;
  let next = 0;
  const worker = async () => {
    while (failure === null && next < plans.length) {
      const plan = plans[next++];
      try {
        const abs = join(store.root, ...store.layerFileId(plan.doc.article, layer).split('/'));
        const previous = await readTextIfExists(abs);
        written.push({ abs, previous });
        await store.writeLayer(plan.doc.article, layer, plan.doc);
        options.onProgress?.(++done, plans.length);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITES_IN_FLIGHT, plans.length) }, worker));
  if (failure !== null) {
    for (const { abs, previous } of written.reverse()) {
      if (previous === null) await unlink(abs).catch(() => undefined);
      else await writeFileDurably(abs, previous).catch(() => undefined);
    }
    throw new ApiError('WRITE_FAILED', `Import stopped and rolled back: ${(failure as Error).message}`);
  }
  report.written = true;
  return report;
}

/**
 * Adds the imported spans to a layer's spans: an imported span with the label and offsets of a
 * span already there is not added again (counted as a duplicate; relations to it point at the
 * existing span); an imported id already used in the layer gets a fresh one. Relations already
 * there (same type and ends) are not added again.
 */
function mergeSpans(current: LayerDoc, imported: ImportedArticle): { spans: Span[]; relations: Relation[]; added: number; addedRelations: number; duplicates: number } {
  const spans = [...current.spans];
  const usedIds = new Set([...current.spans.map((s) => s.id), ...(current.orphans ?? []).map((s) => s.id)]);
  const byPlace = new Map(current.spans.map((s) => [`${s.label}\u0000${s.start}\u0000${s.end}`, s.id]));
  const idMap = new Map<string, string>();
  let duplicates = 0;
  let added = 0;
  let counter = 0;
  const fresh = (prefix: string, used: Set<string>) => {
    let id: string;
    do id = `${prefix}${++counter}`;
    while (used.has(id));
    return id;
  };
  for (const span of imported.spans) {
    const same = byPlace.get(`${span.label}\u0000${span.start}\u0000${span.end}`);
    if (same !== undefined) {
      idMap.set(span.id, same);
      duplicates++;
      continue;
    }
    const id = usedIds.has(span.id) ? fresh('s', usedIds) : span.id;
    usedIds.add(id);
    idMap.set(span.id, id);
    spans.push({ ...span, id });
    byPlace.set(`${span.label}\u0000${span.start}\u0000${span.end}`, id);
    added++;
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const relations = [...current.relations];
  const relIds = new Set(relations.map((r) => r.id));
  const relKeys = new Set(relations.map((r) => `${r.type}\u0000${r.from}\u0000${r.to}`));
  let addedRelations = 0;
  counter = 0;
  for (const r of imported.relations) {
    const from = idMap.get(r.from) ?? r.from;
    const to = idMap.get(r.to) ?? r.to;
    const key = `${r.type}\u0000${from}\u0000${to}`;
    if (relKeys.has(key)) continue;
    const id = relIds.has(r.id) ? fresh('r', relIds) : r.id;
    relIds.add(id);
    relKeys.add(key);
    relations.push({ id, type: r.type, from, to });
    addedRelations++;
  }
  return { spans, relations, added, addedRelations, duplicates };
}

/**
 * Parses the file. A JSON array (Label Studio) is parsed whole; JSONL above PIECE_BYTES is read
 * and parsed in pieces of whole lines, so no single string holds the whole file.
 */
async function parseFile(file: string, fileName: string, offsets: OffsetUnit | undefined, pieceBytes: number): Promise<{ records: SpanRecord[]; errors: ParseError[] }> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ApiError('NOT_A_FILE', `${file} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApiError(code === 'ENOENT' ? 'NOT_FOUND' : 'UNREADABLE', code === 'ENOENT' ? `${file} does not exist` : `${file} cannot be read (${code})`);
  }
  // A file that starts with '[' may be one JSON array (Label Studio): it is read whole.
  const head = await readHead(file, 4096);
  const array = /^\s*\[/.test(head.replace(/^\ufeff/, ''));
  if (size <= pieceBytes || array) {
    if (size > MAX_WHOLE_BYTES) throw new ApiError('TOO_LARGE', `${fileName} is one JSON array of ${Math.round(size / 2 ** 20)} MB, more than can be read at once (${MAX_WHOLE_BYTES / 2 ** 20} MB); save it as JSONL (one task per line) to import it`);
    const content = await readFile(file, 'utf8');
    return parseSpanRecords(content, fileName, { offsets });
  }
  const records: SpanRecord[] = [];
  const errors: ParseError[] = [];
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let linesBefore = 0;
  const parsePiece = (piece: string) => {
    const result = parseSpanRecords(piece, fileName, { offsets });
    for (const r of result.records) records.push({ ...r, line: r.line + linesBefore });
    for (const e of result.errors) errors.push({ line: e.line + linesBefore, message: e.message });
    linesBefore += countLines(piece);
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    carry += decoder.write(chunk as Buffer);
    if (carry.length >= pieceBytes) {
      const cut = carry.lastIndexOf('\n');
      if (cut >= 0) {
        parsePiece(carry.slice(0, cut + 1));
        carry = carry.slice(cut + 1);
      }
    }
  }
  carry += decoder.end();
  if (carry !== '') parsePiece(carry);
  return { records, errors };
}

async function readHead(file: string, bytes: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Number of `\n` in a piece that ends with one: the lines it holds. */
function countLines(piece: string): number {
  let n = 0;
  for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) n++;
  return n;
}
