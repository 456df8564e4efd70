import { readFile, readdir, stat, realpath, mkdir, unlink } from 'node:fs/promises';
import { join, relative, resolve, sep, posix, dirname } from 'node:path';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { Low } from 'lowdb';
import type { Adapter } from 'lowdb';
import { ApiError, layerDocSchema, manifestSchema } from '../common/api';
import type { ArticleContent, ArticleSummary, LayerSummary, ProjectInfo, ProjectProblem, SkippedFile } from '../common/api';
import { FORMAT_VERSION, LAYER_NAME_PATTERN, defaultSchema, emptyLayerDoc } from '../common/model';
import type { LabelSchema, LayerDoc, ProjectManifest, Span } from '../common/model';
import { OffsetMap } from '../common/offsets';
import { reanchorLayer } from '../common/anchoring/reanchorLayer';
import { quoteContext } from '../common/anchoring/quoteContext';
import type { QuoteContext } from '../common/anchoring/quoteContext';
import { ARTICLE_EXTENSIONS, decodeArticle } from './decodeArticle';
import { moveFileDurably, readTextIfExists, writeFileDurably } from './durableFile';
import { SummaryIndex, forEachLimited } from './summaryIndex';
import { lineOfJsonPath, parseJsonFile } from './parseJsonFile';

export const MANIFEST_FILE = 'gloss.json';
export const ARTICLES_DIR = 'articles';
export const ANNOTATIONS_DIR = 'annotations';
/** annotations/.backup/<layer>/<article path>.json: the last valid version before each overwrite. */
export const BACKUP_DIR = '.backup';
/** annotations/.set-aside/<layer>/<article path>.<time>.json: files replaced by a restore or a fresh start. */
export const SET_ASIDE_DIR = '.set-aside';

import type { LayerRecovery } from '../common/api';
export type { LayerRecovery } from '../common/api';

/** lowdb adapter for one annotation file: reads report the file and line, writes are durable. */
class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(private readonly path: string, private readonly label: string, private readonly guard: (abs: string) => Promise<void>) {}

  async read(): Promise<T | null> {
    await this.guard(this.path);
    const content = await readTextIfExists(this.path);
    return content === null ? null : (parseJsonFile(content, this.label) as T);
  }

  async write(data: T): Promise<void> {
    await this.guard(this.path);
    await writeFileDurably(this.path, JSON.stringify(data, null, 2) + '\n');
  }
}

/** What `validate` found: problems make a project invalid, warnings are worth knowing. */
export interface ProjectCheck {
  articles: number;
  problems: ProjectProblem[];
  warnings: ProjectProblem[];
  skipped: SkippedFile[];
}

/** A listed article: where it is and whether it decodes. */
interface ArticleEntry {
  id: string;
  absPath: string;
  size: number;
  mtimeMs: number;
}

/**
 * A project folder on disk (format v1): gloss.json, articles/**, annotations/<layer>/<path>.json.
 * Holds one lowdb instance per annotation file and writes them one at a time.
 */
export class ProjectStore {
  private readonly lows = new Map<string, Low<LayerDoc>>();
  private readonly writeQueues = new Map<string, Promise<unknown>>();
  /** Folders whose stale temp files (from a killed process) were already removed. */
  private readonly swept = new Set<string>();

  private constructor(readonly root: string, public manifest: ProjectManifest) {}

  /** Opens a project folder; fails with a clear message when it is missing, unreadable or not a project. */
  static async open(dir: string): Promise<ProjectStore> {
    const root = resolve(dir);
    let info;
    try {
      info = await stat(root);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new ApiError('NOT_FOUND', `Project folder ${root} does not exist`);
      throw new ApiError('UNREADABLE', `Project folder ${root} cannot be read (${code})`);
    }
    if (!info.isDirectory()) throw new ApiError('NOT_A_FOLDER', `${root} is a file, not a project folder`);
    const manifestText = await readFile(join(root, MANIFEST_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new ApiError('NO_MANIFEST', `${root} has no ${MANIFEST_FILE}: it is not a Gloss project yet. Initialise it (gloss init) to start one.`, MANIFEST_FILE);
      throw new ApiError('UNREADABLE', `${join(root, MANIFEST_FILE)} cannot be read (${error.code})`, MANIFEST_FILE);
    });
    const manifest = ProjectStore.parseManifest(manifestText);
    const store = new ProjectStore(root, manifest);
    return store;
  }

  /** Creates gloss.json (default schema) and articles/ in a folder, refusing to overwrite a project. */
  static async init(dir: string, name?: string): Promise<ProjectStore> {
    const root = resolve(dir);
    await mkdir(join(root, ARTICLES_DIR), { recursive: true });
    const manifestPath = join(root, MANIFEST_FILE);
    if ((await readTextIfExists(manifestPath)) !== null) throw new ApiError('EXISTS', `${root} is already a Gloss project (${MANIFEST_FILE} exists)`);
    const manifest: ProjectManifest = { format: 'gloss-project', formatVersion: FORMAT_VERSION, name: name ?? root.split(sep).pop() ?? 'project', schema: defaultSchema() };
    await writeFileDurably(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
    return ProjectStore.open(root);
  }

  private static parseManifest(text: string): ProjectManifest {
    const data = parseJsonFile(text, MANIFEST_FILE);
    const version = (data as { formatVersion?: unknown } | null)?.formatVersion;
    if (typeof version === 'number' && version > FORMAT_VERSION) {
      const line = lineOfJsonPath(text, ['formatVersion']);
      throw new ApiError('NEWER_FORMAT', `${MANIFEST_FILE}: format version ${version}${line ? ` (line ${line})` : ''} is newer than this Gloss reads (${FORMAT_VERSION}); update Gloss`, MANIFEST_FILE, line);
    }
    const parsed = manifestSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const line = lineOfJsonPath(text, issue.path);
      throw new ApiError('BAD_MANIFEST', `${MANIFEST_FILE}: ${line ? `line ${line}: ` : ''}${issue.path.join('.') || 'content'}: ${issue.message}`, MANIFEST_FILE, line);
    }
    return parsed.data as ProjectManifest;
  }

  get name(): string {
    return this.manifest.name;
  }

  /** Saves a new label schema into gloss.json. */
  async saveSchema(schema: LabelSchema): Promise<void> {
    this.manifest = { ...this.manifest, schema };
    await writeFileDurably(join(this.root, MANIFEST_FILE), JSON.stringify(this.manifest, null, 2) + '\n');
  }

  /** Walks articles/: readable articles, and the files skipped with their reasons. Never throws for one bad file. */
  async scanArticles(): Promise<{ articles: ArticleEntry[]; skipped: SkippedFile[] }> {
    const articles: ArticleEntry[] = [];
    const skipped: SkippedFile[] = [];
    const base = join(this.root, ARTICLES_DIR);
    const realRoot = await realpath(this.root).catch(() => this.root);
    const walk = async (dir: string): Promise<void> => {
      let items;
      try {
        items = await readdir(dir, { withFileTypes: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' || dir !== base) skipped.push({ path: this.relativeId(dir), reason: `folder cannot be read (${code})` });
        return;
      }
      await forEachLimited(items, 64, async (item) => {
        const abs = join(dir, item.name);
        const id = this.relativeId(abs);
        if (/^\..*\.tmp$/.test(item.name)) return;
        try {
          if (item.isSymbolicLink()) {
            const target = await realpath(abs).catch(() => null);
            if (!target || !(target === realRoot || target.startsWith(realRoot + sep))) {
              skipped.push({ path: id, reason: 'symbolic link pointing outside the project (ignored)' });
              return;
            }
          }
          // Synchronous stat is several times faster than 10,000 promises; the walk stays short.
          const info = statSync(abs);
          if (info.isDirectory()) {
            await walk(abs);
          } else if (!info.isFile()) {
            skipped.push({ path: id, reason: 'not a regular file' });
          } else if (!ARTICLE_EXTENSIONS.some((ext) => item.name.toLowerCase().endsWith(ext))) {
            skipped.push({ path: id, reason: `unsupported file type (articles are ${ARTICLE_EXTENSIONS.join(' ')}); import other formats with gloss add` });
          } else {
            articles.push({ id, absPath: abs, size: info.size, mtimeMs: info.mtimeMs });
          }
        } catch (error) {
          skipped.push({ path: id, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
        }
      });
    };
    await walk(base);
    skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { articles, skipped };
  }

  /** The project as the UI shows it: articles with per-layer status and counts, skipped files, problems. */
  async info(): Promise<ProjectInfo> {
    const { articles, skipped } = await this.scanArticles();
    const layers = await this.listLayers();
    const index = await SummaryIndex.load(this.root);
    const layerFiles = await this.statLayerFiles(layers);
    const problems: ProjectProblem[] = [];
    const summaries: (ArticleSummary | null)[] = new Array(articles.length).fill(null);
    const liveLayerFiles = new Set<string>();
    await forEachLimited(articles.map((entry, i) => ({ entry, i })), 32, async ({ entry, i }) => {
      let cached = index.article(entry.id, entry.size, entry.mtimeMs);
      if (!cached) {
        cached = { size: entry.size, mtimeMs: entry.mtimeMs, title: entry.id, loadable: true };
        try {
          const content = await this.readArticle(entry.id);
          cached.title = titleOf(content.text) || entry.id;
          cached.encoding = content.encoding;
        } catch (error) {
          if (error instanceof ApiError && (error.code === 'SKIPPED' || error.code === 'OUTSIDE')) cached.skipped = error.message.replace(`${entry.id}: `, '');
          else {
            cached.loadable = false;
            cached.reason = (error as Error).message;
          }
        }
        index.setArticle(entry.id, cached);
      }
      if (cached.skipped) {
        skipped.push({ path: entry.id, reason: cached.skipped });
        return;
      }
      const summary: ArticleSummary = { id: entry.id, title: cached.title, size: entry.size, loadable: cached.loadable, layers: {} };
      if (cached.encoding) summary.encoding = cached.encoding;
      if (cached.reason) summary.reason = cached.reason;
      for (const layer of layers) {
        const fileId = this.layerFileId(entry.id, layer);
        const stat = layerFiles.get(fileId);
        if (!stat) continue;
        liveLayerFiles.add(fileId);
        let layerEntry = index.layer(fileId, stat.size, stat.mtimeMs);
        if (!layerEntry) {
          layerEntry = { size: stat.size, mtimeMs: stat.mtimeMs, summary: null };
          try {
            const doc = await this.readLayerFile(entry.id, layer);
            if (doc) layerEntry.summary = summarise(doc);
          } catch (error) {
            const e = error as ApiError;
            layerEntry.problem = { file: e.file ?? fileId, line: e.line, message: e.message };
          } finally {
            // The listing keeps no document in memory; the editor reads the one it opens.
            this.lows.delete(fileId);
          }
          index.setLayer(fileId, layerEntry);
        }
        if (layerEntry.summary) summary.layers[layer] = layerEntry.summary;
        if (layerEntry.problem) problems.push(layerEntry.problem);
      }
      summaries[i] = summary;
    });
    await index.save(new Set(articles.map((a) => a.id)), liveLayerFiles);
    skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { path: this.root, name: this.manifest.name, formatVersion: this.manifest.formatVersion, schema: this.manifest.schema, layers, articles: summaries.filter((s): s is ArticleSummary => s !== null), skipped, problems };
  }

  /** Size and mtime of every annotation file of the given layers, by project-relative path. */
  private async statLayerFiles(layers: string[]): Promise<Map<string, { size: number; mtimeMs: number }>> {
    const out = new Map<string, { size: number; mtimeMs: number }>();
    const walk = async (dir: string, rel: string): Promise<void> => {
      const items = await readdir(dir, { withFileTypes: true }).catch(() => []);
      await forEachLimited(items, 64, async (item) => {
        const abs = join(dir, item.name);
        const id = `${rel}/${item.name}`;
        if (item.isDirectory()) await walk(abs, id);
        else if (item.isFile() && item.name.endsWith('.json')) {
          const info = statSync(abs, { throwIfNoEntry: false });
          if (info) out.set(id, { size: info.size, mtimeMs: info.mtimeMs });
        }
      });
    };
    for (const layer of layers) await walk(join(this.root, ANNOTATIONS_DIR, layer), `${ANNOTATIONS_DIR}/${layer}`);
    return out;
  }

  /**
   * Checks the whole project: every article decodes, and every file under annotations/ (also
   * those of articles no longer there) is valid JSON in the format, lies where its content says,
   * and has spans that match the article text. Never throws for one bad file.
   */
  async validate(): Promise<ProjectCheck> {
    const { articles, skipped } = await this.scanArticles();
    const problems: ProjectProblem[] = [];
    const warnings: ProjectProblem[] = [];
    const known = new Set(articles.map((a) => a.id));
    const labels = new Set(this.manifest.schema.labels.map((l) => l.name));
    const contents = new Map<string, ArticleContent | null>();
    const article = async (id: string): Promise<ArticleContent | null> => {
      if (!contents.has(id)) {
        if (contents.size > 64) contents.clear();
        contents.set(id, await this.readArticle(id).catch(() => null));
      }
      return contents.get(id) ?? null;
    };
    for (const entry of articles) {
      try {
        await this.readArticle(entry.id);
      } catch (error) {
        const e = error as ApiError;
        if (e.code === 'SKIPPED' || e.code === 'OUTSIDE') skipped.push({ path: entry.id, reason: e.message.replace(`${entry.id}: `, '') });
        else problems.push({ file: entry.id, message: e.message });
      }
    }
    const files = await this.annotationFiles(warnings);
    for (const fileId of files) {
      const [, layer, ...rest] = fileId.split('/');
      const articleId = [ARTICLES_DIR, ...rest].join('/').replace(/\.json$/, '');
      let raw: unknown;
      let doc: LayerDoc;
      try {
        const abs = this.absolute(fileId);
        await this.guardInside(abs);
        const text = (await readTextIfExists(abs)) ?? '';
        raw = parseJsonFile(text, fileId);
        doc = checkLayerDoc(raw, fileId, text);
      } catch (error) {
        const e = error as ApiError;
        problems.push({ file: e.file ?? fileId, line: e.line, message: e.message });
        continue;
      }
      if (doc.article !== articleId || doc.layer !== layer) {
        warnings.push({ file: fileId, message: `${fileId}: names article ${doc.article} in layer ${doc.layer}, but its place says ${articleId} in layer ${layer}; Gloss goes by its place` });
      }
      if (!known.has(articleId)) {
        warnings.push({ file: fileId, message: `${fileId}: annotations of ${articleId}, which is not in ${ARTICLES_DIR}/ (kept, not shown)` });
        continue;
      }
      const unknown = [...new Set(doc.spans.map((s) => s.label).filter((l) => !labels.has(l)))];
      if (unknown.length) warnings.push({ file: fileId, message: `${fileId}: labels not in the schema: ${unknown.join(', ')}` });
      if (doc.orphans?.length) warnings.push({ file: fileId, message: `${fileId}: ${doc.orphans.length} orphaned span(s) kept with their text, not placed in the article` });
      const ids = new Set<string>();
      for (const span of doc.spans) {
        if (ids.has(span.id)) problems.push({ file: fileId, message: `${fileId}: span id ${span.id} is used twice` });
        ids.add(span.id);
      }
      const dangling = doc.relations.filter((r) => !ids.has(r.from) || !ids.has(r.to));
      if (dangling.length) warnings.push({ file: fileId, message: `${fileId}: relation(s) ${dangling.map((r) => r.id).join(', ')} link a span that is not there` });
      const content = await article(articleId);
      if (!content) continue;
      if (content.sha256 !== doc.sha256) {
        const { outcome } = reanchorLayer({ ...doc, article: articleId, layer }, content.text, content.sha256, { contexts: storedContexts(raw) });
        warnings.push({ file: fileId, message: `${fileId}: ${articleId} changed since this layer was saved; on opening, ${outcome.kept} span(s) stay, ${outcome.moved} move, ${outcome.changed} are re-placed with changed text, ${outcome.orphaned} become orphans` });
        continue;
      }
      const map = new OffsetMap(content.text);
      for (const span of doc.spans) {
        const fits = span.end <= map.codePointLength && content.text.slice(map.toUtf16(span.start), map.toUtf16(span.end)) === span.text;
        if (!fits) problems.push({ file: fileId, message: `${fileId}: span ${span.id} (${span.label}) at ${span.start}–${span.end} does not match the text of ${articleId}` });
      }
    }
    return { articles: articles.length, problems, warnings, skipped };
  }

  /** Every annotation file under annotations/<layer>/, noting what else lies there. */
  private async annotationFiles(warnings: ProjectProblem[]): Promise<string[]> {
    const files: string[] = [];
    const walk = async (dir: string, top: boolean): Promise<void> => {
      const items = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const item of items) {
        const abs = join(dir, item.name);
        const id = this.relativeId(abs);
        if (top) {
          if (item.name === BACKUP_DIR || item.name === SET_ASIDE_DIR) continue;
          if (!item.isDirectory() || !LAYER_NAME_PATTERN.test(item.name)) warnings.push({ file: id, message: `${id}: not a layer folder (ignored)` });
          else await walk(abs, false);
        } else if (/^\..*\.tmp$/.test(item.name)) {
          warnings.push({ file: id, message: `${id}: temporary file left by an interrupted save (the annotation file itself is intact); it can be deleted` });
        } else if (item.isDirectory()) {
          await walk(abs, false);
        } else if (item.name.endsWith('.json')) {
          files.push(id);
        } else {
          warnings.push({ file: id, message: `${id}: not an annotation file (ignored)` });
        }
      }
    };
    await walk(join(this.root, ANNOTATIONS_DIR), true);
    return files.sort();
  }

  /** Layer names found under annotations/. */
  async listLayers(): Promise<string[]> {
    const items = await readdir(join(this.root, ANNOTATIONS_DIR), { withFileTypes: true }).catch(() => []);
    return items.filter((d) => d.isDirectory() && LAYER_NAME_PATTERN.test(d.name)).map((d) => d.name).sort();
  }

  private async realRoot(): Promise<string> {
    return realpath(this.root).catch(() => this.root);
  }

  /**
   * Refuses a project file whose real location is outside the project (a symlinked folder on the
   * way). Checks the nearest existing ancestor, so it works before the file or its folder exists.
   */
  private async guardInside(abs: string): Promise<void> {
    let probe = abs;
    for (;;) {
      const real = await realpath(probe).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
        throw error;
      });
      if (real !== null) {
        if (!isInside(real, await this.realRoot())) throw new ApiError('OUTSIDE', `${this.relativeId(abs)} would lie outside the project (a symbolic link leads out of it); Gloss refuses to read or write it`, this.relativeId(abs));
        return;
      }
      const parent = dirname(probe);
      if (parent === probe) return;
      probe = parent;
    }
  }

  private relativeId(abs: string): string {
    return relative(this.root, abs).split(sep).join(posix.sep);
  }

  /** Checks that an id names an article inside articles/ and returns its absolute path. */
  private articlePath(id: string): string {
    const parts = id.split('/');
    if (parts[0] !== ARTICLES_DIR || parts.length < 2 || parts.some((p) => p === '..' || p === '' || p === '.') || id.includes('\\') || id.includes('\0')) {
      throw new ApiError('BAD_ID', `"${id}" is not an article path inside ${ARTICLES_DIR}/`);
    }
    return join(this.root, ...parts);
  }

  /** Reads and decodes one article exactly. */
  async readArticle(id: string): Promise<ArticleContent> {
    const abs = this.articlePath(id);
    let bytes: Buffer;
    try {
      // Any symlink on the way (the file or one of its folders) may lead out of the project.
      if (!isInside(await realpath(abs), await this.realRoot())) throw new ApiError('OUTSIDE', `${id} points outside the project; Gloss ignores it`, id);
      bytes = await readFile(abs);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new ApiError('ARTICLE_GONE', `${id} no longer exists on disk (deleted or moved); its annotations are kept`, id);
      throw new ApiError('UNREADABLE', `${id} cannot be read (${code})`, id);
    }
    const decoded = decodeArticle(bytes);
    if (!decoded.ok) throw new ApiError(decoded.kind === 'binary' ? 'SKIPPED' : 'UNLOADABLE', `${id}: ${decoded.reason}`, id);
    return { id, text: decoded.text, sha256: sha256(decoded.text), encoding: decoded.encoding, bom: decoded.bom, confidence: decoded.confidence };
  }

  /** Project-relative path of a layer's annotation file for an article. */
  layerFileId(articleId: string, layer: string): string {
    if (!LAYER_NAME_PATTERN.test(layer)) throw new ApiError('BAD_LAYER', `"${layer}" is not a valid layer name`);
    this.articlePath(articleId);
    return [ANNOTATIONS_DIR, layer, ...articleId.split('/').slice(1)].join('/') + '.json';
  }

  private lowFor(fileId: string): Low<LayerDoc> {
    let low = this.lows.get(fileId);
    if (!low) {
      low = new Low<LayerDoc>(new DurableJsonAdapter<LayerDoc>(join(this.root, ...fileId.split('/')), fileId, (abs) => this.guardInside(abs)), null as unknown as LayerDoc);
      this.lows.set(fileId, low);
    }
    return low;
  }

  /** Reads a layer's annotation file, or null when there is none. Throws (naming file and line) when it is corrupt. */
  async readLayerFile(articleId: string, layer: string): Promise<LayerDoc | null> {
    return (await this.readStoredLayer(articleId, layer))?.doc ?? null;
  }

  /** The checked document of an annotation file with the quote context stored beside its spans. */
  private async readStoredLayer(articleId: string, layer: string): Promise<{ doc: LayerDoc; contexts: Map<string, Partial<QuoteContext>> } | null> {
    const fileId = this.layerFileId(articleId, layer);
    const low = this.lowFor(fileId);
    try {
      await low.read();
    } catch (error) {
      throw await this.withBackupHint(error, articleId, layer);
    }
    if (low.data === null) return null;
    let doc: LayerDoc;
    try {
      doc = checkLayerDoc(low.data, fileId);
    } catch (unlocated) {
      // Read the text again only now, to name the line of the problem.
      const text = await readTextIfExists(this.absolute(fileId)).catch(() => null);
      let error = unlocated;
      try {
        checkLayerDoc(text === null ? low.data : parseJsonFile(text, fileId), fileId, text ?? undefined);
      } catch (located) {
        error = located;
      }
      throw await this.withBackupHint(error, articleId, layer);
    }
    // The file's place says which article and layer it belongs to (it may have been renamed with its article).
    return { doc: { ...doc, article: articleId, layer }, contexts: storedContexts(low.data) };
  }

  /** Adds to a corrupt-file error that a backup can be restored, when there is a valid one. */
  private async withBackupHint(error: unknown, articleId: string, layer: string): Promise<unknown> {
    if (!(error instanceof ApiError) || error.code !== 'CORRUPT_FILE') return error;
    const backup = await this.readLayerBackup(articleId, layer).catch(() => null);
    if (!backup) return error;
    const when = backup.updatedAt ? ` (last changed ${backup.updatedAt})` : '';
    return new ApiError(error.code, `${error.message}. A backup of the last good version${when} can be restored, or the layer started fresh; either way the damaged file is kept aside.`, error.file, error.line);
  }

  /**
   * A layer of an article, empty when nothing was annotated yet. When the article changed since
   * the layer was saved (its sha256 differs), the spans are re-anchored onto the current text:
   * moved spans carry `flagged`, spans without a place are in `orphans`. Nothing is written until
   * the layer is saved.
   */
  async readLayer(articleId: string, layer: string, articleSha256?: string): Promise<LayerDoc> {
    const stored = await this.readStoredLayer(articleId, layer);
    if (!stored) {
      const sha = articleSha256 ?? (await this.readArticle(articleId).then((a) => a.sha256, () => ''));
      return emptyLayerDoc(articleId, layer, sha);
    }
    const { doc, contexts } = stored;
    if (articleSha256 !== undefined && doc.sha256 === articleSha256) return doc;
    let article: ArticleContent;
    try {
      article = await this.readArticle(articleId);
    } catch {
      return doc;
    }
    if (article.sha256 === doc.sha256) return doc;
    return reanchorLayer(doc, article.text, article.sha256, { contexts }).doc;
  }

  /**
   * Durably writes a layer of an article. Refuses to replace a file that cannot be read, so a
   * corrupt file is never overwritten before the user decides. The version replaced is kept as
   * the layer's backup; each span is stored with the text around it (`prefix`, `suffix`) so it
   * can be re-anchored if the article changes. Writes to one file are queued.
   */
  async writeLayer(articleId: string, layer: string, doc: LayerDoc): Promise<void> {
    if (doc.article !== articleId || doc.layer !== layer) {
      throw new ApiError('MISMATCH', `Layer document names ${doc.article} / ${doc.layer}, not ${articleId} / ${layer}`);
    }
    const fileId = this.layerFileId(articleId, layer);
    await this.enqueue(fileId, async () => {
      const abs = this.absolute(fileId);
      await this.guardInside(abs);
      const existing = await readTextIfExists(abs);
      let previous: unknown = null;
      if (existing !== null) {
        // Never replace a file that does not read as a layer (bad JSON, conflict markers, another format).
        previous = parseJsonFile(existing, fileId);
        checkLayerDoc(previous, fileId, existing);
      }
      const article = await this.readArticle(articleId).catch(() => null);
      const stored = withContexts(doc, article, previous);
      if (existing !== null && existing !== serialise(stored)) await this.writeBackup(fileId, existing);
      await mkdir(dirname(abs), { recursive: true });
      const low = this.lowFor(fileId);
      low.data = stored;
      await low.write();
      // Temp files left by a killed writer are cleared on the first write into their folder
      // (once per folder: reading a folder of 10,000 files for each of them would grow as n²).
      for (const dir of [dirname(abs), dirname(this.absolute(backupIdOf(fileId)))]) {
        if (this.swept.has(dir)) continue;
        this.swept.add(dir);
        await sweepStaleTemps(dir);
      }
    });
  }

  /** Project-relative path of the backup of a layer's annotation file. */
  backupFileId(articleId: string, layer: string): string {
    return backupIdOf(this.layerFileId(articleId, layer));
  }

  /** The backup of a layer (the last valid version before the file was last overwritten), or null. */
  async readLayerBackup(articleId: string, layer: string): Promise<LayerDoc | null> {
    const backupId = this.backupFileId(articleId, layer);
    const abs = this.absolute(backupId);
    await this.guardInside(abs);
    const text = await readTextIfExists(abs);
    if (text === null) return null;
    return { ...checkLayerDoc(parseJsonFile(text, backupId), backupId, text), article: articleId, layer };
  }

  /**
   * Replaces a layer's annotation file (typically a corrupt one) by its backup. The replaced file
   * is moved to annotations/.set-aside/, never deleted. Returns the restored layer as readLayer
   * gives it (re-anchored if the article changed since).
   */
  async restoreLayerBackup(articleId: string, layer: string): Promise<LayerRecovery> {
    const fileId = this.layerFileId(articleId, layer);
    const setAside = await this.enqueue(fileId, async () => {
      const backupId = backupIdOf(fileId);
      const backupAbs = this.absolute(backupId);
      await this.guardInside(backupAbs);
      const text = await readTextIfExists(backupAbs);
      if (text === null) throw new ApiError('NO_BACKUP', `${fileId} has no backup (${backupId} does not exist); start the layer fresh instead`, fileId);
      checkLayerDoc(parseJsonFile(text, backupId), backupId, text);
      const moved = await this.setAside(fileId);
      const abs = this.absolute(fileId);
      await mkdir(dirname(abs), { recursive: true });
      await writeFileDurably(abs, text);
      return moved;
    });
    return { doc: await this.readLayer(articleId, layer), setAside };
  }

  /**
   * Starts a layer of an article afresh: its annotation file (typically a corrupt one) is moved
   * to annotations/.set-aside/, never deleted, and the layer reads as empty until it is saved.
   */
  async startLayerFresh(articleId: string, layer: string): Promise<LayerRecovery> {
    const fileId = this.layerFileId(articleId, layer);
    const setAside = await this.enqueue(fileId, () => this.setAside(fileId));
    return { doc: await this.readLayer(articleId, layer), setAside };
  }

  /** Moves an annotation file into annotations/.set-aside/ under a time-stamped name. */
  private async setAside(fileId: string): Promise<string | null> {
    const abs = this.absolute(fileId);
    await this.guardInside(abs);
    if ((await readTextIfExists(abs)) === null) return null;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const [, ...rest] = fileId.split('/');
    const targetId = [ANNOTATIONS_DIR, SET_ASIDE_DIR, ...rest].join('/').replace(/\.json$/, `.${stamp}.json`);
    const target = this.absolute(targetId);
    await this.guardInside(target);
    await moveFileDurably(abs, target);
    return targetId;
  }

  private async writeBackup(fileId: string, content: string): Promise<void> {
    const abs = this.absolute(backupIdOf(fileId));
    await this.guardInside(abs);
    await mkdir(dirname(abs), { recursive: true });
    await writeFileDurably(abs, content);
  }

  /** Runs a task after every earlier task on the same annotation file (writes never interleave). */
  private enqueue<T>(fileId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.writeQueues.get(fileId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.writeQueues.set(fileId, next);
    return next;
  }

  private absolute(fileId: string): string {
    return join(this.root, ...fileId.split('/'));
  }
}

/**
 * Removes the temp files a killed process left beside a file (`.<name>.<pid>.<hex>.tmp`, see
 * writeFileDurably) when that process is gone. The file itself was never at risk: a temp file is
 * renamed over it only once complete.
 */
/** Removes the temp files (`.<name>.<pid>.<hex>.tmp`) in `dir` of writers no longer running. */
async function sweepStaleTemps(dir: string): Promise<void> {
  const items = await readdir(dir).catch(() => [] as string[]);
  for (const item of items) {
    const pid = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(item)?.[1];
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    await unlink(join(dir, item)).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** annotations/<layer>/<path>.json -> annotations/.backup/<layer>/<path>.json */
function backupIdOf(fileId: string): string {
  const [, ...rest] = fileId.split('/');
  return [ANNOTATIONS_DIR, BACKUP_DIR, ...rest].join('/');
}

function serialise(doc: LayerDoc): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The prefix/suffix stored beside each span (and orphan) of raw annotation-file content, by span id. */
function storedContexts(raw: unknown): Map<string, Partial<QuoteContext>> {
  const contexts = new Map<string, Partial<QuoteContext>>();
  const data = raw as { spans?: unknown; orphans?: unknown } | null;
  for (const list of [data?.spans, data?.orphans]) {
    if (!Array.isArray(list)) continue;
    for (const span of list as { id?: unknown; prefix?: unknown; suffix?: unknown }[]) {
      if (typeof span?.id !== 'string') continue;
      const context: Partial<QuoteContext> = {};
      if (typeof span.prefix === 'string') context.prefix = span.prefix;
      if (typeof span.suffix === 'string') context.suffix = span.suffix;
      if (context.prefix !== undefined || context.suffix !== undefined) contexts.set(span.id, context);
    }
  }
  return contexts;
}

/**
 * The document as stored: each span with the text around it, taken from the article when the
 * document was made on its current text, else carried over from the previous file.
 */
function withContexts(doc: LayerDoc, article: ArticleContent | null, previous: unknown): LayerDoc {
  const earlier = storedContexts(previous);
  const current = article && article.sha256 === doc.sha256 ? article : null;
  const map = current ? new OffsetMap(current.text) : null;
  const attach = (span: Span, fromText: boolean): Span => {
    if (fromText && current && map && span.end <= map.codePointLength) return { ...span, ...quoteContext(current.text, span.start, span.end, map) };
    const carried = earlier.get(span.id);
    return carried ? { ...span, ...carried } : span;
  };
  return {
    ...doc,
    spans: doc.spans.map((s) => attach(s, true)),
    ...(doc.orphans ? { orphans: doc.orphans.map((s) => attach(s, false)) } : {}),
  };
}

/** Checks parsed annotation-file content against the format; throws naming the file (and line, where it can). */
function checkLayerDoc(data: unknown, fileId: string, text?: string): LayerDoc {
  // A newer format may differ in any field: say so before the schema complains about details.
  const version = (data as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    const line = text === undefined ? undefined : lineOfJsonPath(text, ['formatVersion']);
    throw new ApiError('NEWER_FORMAT', `${fileId}: format version ${version}${line ? ` (line ${line})` : ''} is newer than this Gloss reads (${FORMAT_VERSION}); update Gloss, the file was left untouched`, fileId, line);
  }
  const parsed = layerDocSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const line = text === undefined ? undefined : lineOfJsonPath(text, issue.path);
    throw new ApiError('CORRUPT_FILE', `${fileId}: ${line ? `line ${line}: ` : ''}${issue.path.join('.') || 'content'}: ${issue.message}; Gloss left the file untouched`, fileId, line);
  }
  return parsed.data as LayerDoc;
}

function isInside(real: string, realRoot: string): boolean {
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

/** sha256 (hex) of a text's UTF-8 bytes. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function titleOf(text: string): string {
  const line = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const trimmed = line.trim();
  return trimmed.length > 140 ? trimmed.slice(0, 139) + '…' : trimmed;
}

function summarise(doc: LayerDoc): LayerSummary {
  const labels: Record<string, number> = {};
  for (const span of doc.spans) labels[span.label] = (labels[span.label] ?? 0) + 1;
  return { status: doc.status, spans: doc.spans.length, labels };
}
