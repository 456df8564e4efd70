/**
 * Exports a project's annotations through the pure exporters of common/exchange, streaming:
 * the export is written chunk by chunk (one article's layer at a time) to a file or a collector,
 * never joined into one string on the way to a file, and its sha256 is computed as it goes. A
 * Prodigy or W3C export of 10,000 articles is several hundred MB, close to V8's string limit.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { ApiError } from '../common/api';
import type { ArticleContent, ExportRequest } from '../common/api';
import { buildExportManifest, createExporter, EXPORT_FORMATS } from '../common/exchange';
import type { ExportFormat, ExportManifest, ExportSummary, Exporter } from '../common/exchange';
import { ARTICLE_STATUSES, LAYER_NAME_PATTERN } from '../common/model';
import type { LayerDoc } from '../common/model';
import type { ProjectStore } from './projectStore';
import { BulkReader } from './bulkReader';
import { GLOSS_VERSION } from './version';

/** Folder of a project that holds originals of imported pages and article metadata sidecars. */
export const SOURCES_DIR = 'sources';
/** Suffix of an article's metadata sidecar: `sources/<path below articles/>.meta.json`. */
export const META_SUFFIX = '.meta.json';

/** What may be asked of an export beyond the API contract's request. */
export interface ProjectExportRequest extends ExportRequest {
  /** Write relations where the format can (default: when the schema defines relation types). */
  relations?: boolean;
}

/** What `exportProjectToFile` wrote. */
export interface ExportFileResult {
  /** Absolute path of the export. */
  file: string;
  manifestFile: string;
  /** Absolute paths of the sidecars written beside the export. */
  sidecarFiles: string[];
  bytes: number;
  sha256: string;
  manifest: ExportManifest;
  summary: ExportSummary;
  /** Everything changed or left out, the unreadable files included. */
  warnings: string[];
  /**
   * Articles or annotation files that could not be read and are therefore missing from the
   * export (also among `warnings`). The CLI exits 1 when there are any.
   */
  unreadable: string[];
}

/** Progress callback: articles done out of the total. */
export type ExportProgress = (done: number, total: number) => void;

/** Longest stretch of work (ms) before the export lets the event loop run. */
const YIELD_MS = 10;

interface Plan {
  format: ExportFormat;
  layers: string[];
  exporter: Exporter;
  filename: string;
  options: Record<string, unknown>;
}

/** Checks the request and creates the exporter; every bad option is an ApiError with a clear message. */
async function plan(store: ProjectStore, request: ProjectExportRequest): Promise<Plan> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(request.format)) {
    throw new ApiError('BAD_FORMAT', `Unknown export format "${request.format}"; choose one of ${EXPORT_FORMATS.join(', ')}`);
  }
  const format = request.format as ExportFormat;
  if (request.layer !== 'all' && !LAYER_NAME_PATTERN.test(request.layer)) {
    throw new ApiError('BAD_LAYER', `"${request.layer}" is not a layer name (letters, digits, _ - . ; or all)`);
  }
  const badStatus = request.status?.find((s) => !(ARTICLE_STATUSES as readonly string[]).includes(s));
  if (badStatus !== undefined) throw new ApiError('BAD_OPTIONS', `Unknown status "${badStatus}"; choose from ${ARTICLE_STATUSES.join(', ')}`);
  const layers = request.layer === 'all' ? await store.listLayers() : [request.layer];
  let exporter: Exporter;
  try {
    exporter = createExporter(format, { offsets: request.offsets, labels: request.labels, relations: request.relations }, { name: store.name, schema: store.manifest.schema });
  } catch (error) {
    throw new ApiError('BAD_OPTIONS', `Cannot export as ${format}: ${(error as Error).message}`);
  }
  const extension = format === 'label-studio' ? 'json' : 'jsonl';
  const filename = `${safeFilePart(store.name)}-${request.layer}-${format}.${extension}`;
  const options: Record<string, unknown> = {
    layer: request.layer,
    layers,
    offsets: request.offsets ?? null,
    status: request.status ?? null,
    labels: request.labels ?? null,
    ...(request.relations !== undefined ? { relations: request.relations } : {}),
  };
  return { format, layers, exporter, filename, options };
}

interface Loaded {
  id: string;
  article?: ArticleContent;
  meta?: Record<string, unknown>;
  docs: LayerDoc[];
  problems: string[];
  warnings: string[];
}

/**
 * Runs the export, handing each chunk to `write` in order (awaiting it, so a file sink applies
 * backpressure). Returns the summary with the warnings of unreadable files in front.
 */
async function run(
  store: ProjectStore,
  request: ProjectExportRequest,
  p: Plan,
  write: (chunk: string) => void | Promise<void>,
  onProgress?: ExportProgress,
): Promise<{ summary: ExportSummary; unreadable: string[]; warnings: string[] }> {
  const { articles } = await store.scanArticles();
  const metaFiles = await listMetaFiles(store.root);
  const status = request.status ? new Set<string>(request.status) : null;
  const unreadable: string[] = [];
  const readWarnings: string[] = [];
  const known = new Set(await store.listLayers());
  for (const layer of p.layers) {
    if (!known.has(layer)) readWarnings.push(`layer ${layer} has no annotations in this project; its articles are exported without spans`);
  }

  const reader = await BulkReader.open(store, p.layers);
  const load = async (entry: { id: string; absPath: string }): Promise<Loaded> => {
    const { id } = entry;
    const out: Loaded = { id, docs: [], problems: [], warnings: [] };
    try {
      out.article = await reader.article(entry);
    } catch (error) {
      out.problems.push(`${id} not exported: ${(error as Error).message}`);
      return out;
    }
    const metaFile = metaFiles.get(id);
    if (metaFile) {
      try {
        const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as unknown;
        if (typeof meta === 'object' && meta !== null && !Array.isArray(meta)) out.meta = meta as Record<string, unknown>;
        else out.warnings.push(`${id}: ${relative(store.root, metaFile).split(sep).join('/')} is not a JSON object; the article is exported without its metadata`);
      } catch (error) {
        out.warnings.push(`${id}: ${relative(store.root, metaFile).split(sep).join('/')} cannot be read (${(error as Error).message}); the article is exported without its metadata`);
      }
    }
    for (const layer of p.layers) {
      try {
        out.docs.push(await reader.layer(id, layer, out.article.sha256));
      } catch (error) {
        out.problems.push(`${id} (layer ${layer}) not exported: ${(error as Error).message}`);
      }
    }
    return out;
  };

  // Articles are read and exported one after the other (the reads are synchronous and cheap, see
  // BulkReader); every YIELD_MS the loop lets the event loop run, so an export inside the app
  // never blocks it for long.
  await write(p.exporter.begin());
  let done = 0;
  let slice = performance.now();
  for (const entry of articles) {
    const loaded = await load(entry);
    unreadable.push(...loaded.problems);
    readWarnings.push(...loaded.warnings);
    if (loaded.article) {
      const { article } = loaded;
      const exportArticle = { id: article.id, text: article.text, sha256: article.sha256, ...(loaded.meta ? { meta: loaded.meta } : {}) };
      for (const doc of loaded.docs) {
        if (status && !status.has(doc.status)) continue;
        const chunk = p.exporter.add(exportArticle, doc);
        if (chunk !== '') await write(chunk);
      }
    }
    onProgress?.(++done, articles.length);
    if (performance.now() - slice > YIELD_MS) {
      await new Promise<void>((ok) => setImmediate(ok));
      slice = performance.now();
    }
  }
  await write(p.exporter.end());
  const summary = p.exporter.summary();
  const warnings = [...unreadable, ...readWarnings, ...summary.warnings];
  return { summary: { ...summary, warnings }, unreadable, warnings };
}

/** The file name an export of this request is offered under; bad options throw an ApiError. */
export async function exportFileName(store: ProjectStore, request: ProjectExportRequest): Promise<string> {
  return (await plan(store, request)).filename;
}

/** What `exportProjectToStream` wrote. */
export interface ExportStreamResult {
  format: ExportFormat;
  /** The file name the UI would suggest. */
  filename: string;
  bytes: number;
  sha256: string;
  summary: ExportSummary;
  warnings: string[];
  unreadable: string[];
  /** Sidecar contents by suffix (e.g. `.labels.json` for hf). */
  sidecars: Record<string, string>;
  /** The manifest for an output file of this name with these sidecar file names. */
  manifestFor(outputFile: string, sidecarFiles: string[]): ExportManifest;
}

/**
 * Streams an export into a writable stream (a file, stdout) as UTF-8, chunk by chunk: each
 * write waits for 'drain' when the stream's buffer is full, and the sha256 is computed on the
 * way. The stream is not ended.
 */
export async function exportProjectToStream(store: ProjectStore, request: ProjectExportRequest, stream: NodeJS.WritableStream, onProgress?: ExportProgress): Promise<ExportStreamResult> {
  const p = await plan(store, request);
  const hash = createHash('sha256');
  let bytes = 0;
  let failure: Error | null = null;
  const onError = (error: Error) => {
    failure = error;
  };
  stream.on('error', onError);
  try {
    const result = await run(store, request, p, (chunk) => {
      if (failure) throw failure;
      const buffer = Buffer.from(chunk, 'utf8');
      hash.update(buffer);
      bytes += buffer.length;
      if (stream.write(buffer)) return;
      return new Promise<void>((ok, fail) => {
        const drained = () => {
          stream.off('error', failed);
          ok();
        };
        const failed = (error: Error) => {
          stream.off('drain', drained);
          fail(error);
        };
        stream.once('drain', drained);
        stream.once('error', failed);
      });
    }, onProgress);
    if (failure) throw failure;
    const sha256 = hash.digest('hex');
    return {
      format: p.format,
      filename: p.filename,
      bytes,
      sha256,
      summary: result.summary,
      warnings: result.warnings,
      unreadable: result.unreadable,
      sidecars: p.exporter.sidecars(),
      manifestFor: (outputFile, sidecarFiles) => manifestOf(store, p, result.summary, sha256, outputFile, sidecarFiles),
    };
  } finally {
    stream.off('error', onError);
  }
}

/**
 * Exports to a file: the export streams to `<file>` (see `exportProjectToStream`), then the
 * sidecars (`<file><suffix>`) and last the manifest `<file>.manifest.json` are written. The
 * export goes to a temp file beside `<file>`, made durable and renamed over it only once
 * complete, so a failed export leaves no torn file and an earlier export of that name intact.
 */
export async function exportProjectToFile(store: ProjectStore, request: ProjectExportRequest, file: string, onProgress?: ExportProgress): Promise<ExportFileResult> {
  await plan(store, request); // bad options fail before any file is created
  const target = resolve(file);
  const dir = dirname(target);
  await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new ApiError('UNWRITABLE', `Cannot create the folder ${dir} for the export (${error.code ?? error.message})`);
  });
  const temp = join(dir, `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const stream = createWriteStream(temp, { flags: 'wx', highWaterMark: 1 << 20 });
  let result: ExportStreamResult;
  try {
    await new Promise<void>((ok, fail) => {
      stream.once('open', () => ok());
      stream.once('error', fail);
    });
    result = await exportProjectToStream(store, request, stream, onProgress);
    await new Promise<void>((ok, fail) => {
      stream.once('error', fail);
      stream.end(() => ok());
    });
    await syncFile(temp);
    await rename(temp, target);
  } catch (error) {
    stream.destroy();
    await unlink(temp).catch(() => undefined);
    if (error instanceof ApiError) throw error;
    const e = error as NodeJS.ErrnoException;
    throw new ApiError('UNWRITABLE', `Cannot write the export to ${target} (${e.code ?? e.message})`);
  }
  const sidecarFiles: string[] = [];
  for (const [suffix, content] of Object.entries(result.sidecars)) {
    await writeWhole(target + suffix, content);
    sidecarFiles.push(target + suffix);
  }
  const manifest = result.manifestFor(basename(target), sidecarFiles.map((f) => basename(f)));
  const manifestFile = `${target}.manifest.json`;
  await writeWhole(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return { file: target, manifestFile, sidecarFiles, bytes: result.bytes, sha256: result.sha256, manifest, summary: result.summary, warnings: result.warnings, unreadable: result.unreadable };
}

function manifestOf(store: ProjectStore, p: Plan, summary: ExportSummary, sha256: string, outputFile: string, sidecars: string[]): ExportManifest {
  return buildExportManifest({
    format: p.format,
    options: p.options,
    summary,
    schema: store.manifest.schema,
    glossVersion: GLOSS_VERSION,
    sha256,
    outputFile,
    project: store.name,
    sidecars,
  });
}

/** Article id -> absolute path of its metadata sidecar, for every `sources/**\/*.meta.json`. */
async function listMetaFiles(root: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const base = join(root, SOURCES_DIR);
  const walk = async (dir: string): Promise<void> => {
    const items = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const item of items) {
      const abs = join(dir, item.name);
      if (item.isDirectory()) await walk(abs);
      else if (item.isFile() && item.name.endsWith(META_SUFFIX)) {
        const below = relative(base, abs).split(sep).join('/').slice(0, -META_SUFFIX.length);
        found.set(`articles/${below}`, abs);
      }
    }
  };
  await walk(base);
  return found;
}

/** Writes a small file through a temp file and a rename. */
async function writeWhole(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    const e = error as NodeJS.ErrnoException;
    throw new ApiError('UNWRITABLE', `Cannot write ${path} (${e.code ?? e.message})`);
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function safeFilePart(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_') || 'project';
}
