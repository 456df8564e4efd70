import { readFile, readdir, stat, realpath, mkdir } from 'node:fs/promises';
import { join, relative, resolve, sep, posix, dirname } from 'node:path';
import { createHash } from 'node:crypto';
import { Low } from 'lowdb';
import type { Adapter } from 'lowdb';
import { ApiError, layerDocSchema, manifestSchema } from '../common/api';
import type { ArticleContent, ArticleSummary, LayerSummary, ProjectInfo, ProjectProblem, SkippedFile } from '../common/api';
import { FORMAT_VERSION, LAYER_NAME_PATTERN, defaultSchema, emptyLayerDoc } from '../common/model';
import type { LabelSchema, LayerDoc, ProjectManifest } from '../common/model';
import { ARTICLE_EXTENSIONS, decodeArticle } from './decodeArticle';
import { readTextIfExists, writeFileDurably } from './durableFile';
import { parseJsonFile } from './parseJsonFile';

export const MANIFEST_FILE = 'gloss.json';
export const ARTICLES_DIR = 'articles';
export const ANNOTATIONS_DIR = 'annotations';

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

/** A listed article: where it is and whether it decodes. */
interface ArticleEntry {
  id: string;
  absPath: string;
  size: number;
}

/**
 * A project folder on disk (format v1): gloss.json, articles/**, annotations/<layer>/<path>.json.
 * Holds one lowdb instance per annotation file and writes them one at a time.
 */
export class ProjectStore {
  private readonly lows = new Map<string, Low<LayerDoc>>();
  private readonly writeQueues = new Map<string, Promise<unknown>>();

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
    const parsed = manifestSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError('BAD_MANIFEST', `${MANIFEST_FILE}: ${issue.path.join('.') || 'content'}: ${issue.message}`, MANIFEST_FILE);
    }
    if (parsed.data.formatVersion > FORMAT_VERSION) {
      throw new ApiError('NEWER_FORMAT', `${MANIFEST_FILE}: format version ${parsed.data.formatVersion} is newer than this Gloss reads (${FORMAT_VERSION}); update Gloss`, MANIFEST_FILE);
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
      for (const item of items) {
        const abs = join(dir, item.name);
        const id = this.relativeId(abs);
        if (/^\..*\.tmp$/.test(item.name)) continue;
        try {
          if (item.isSymbolicLink()) {
            const target = await realpath(abs).catch(() => null);
            if (!target || !(target === realRoot || target.startsWith(realRoot + sep))) {
              skipped.push({ path: id, reason: 'symbolic link pointing outside the project (ignored)' });
              continue;
            }
          }
          const info = await stat(abs);
          if (info.isDirectory()) {
            await walk(abs);
          } else if (!info.isFile()) {
            skipped.push({ path: id, reason: 'not a regular file' });
          } else if (!ARTICLE_EXTENSIONS.some((ext) => item.name.toLowerCase().endsWith(ext))) {
            skipped.push({ path: id, reason: `unsupported file type (articles are ${ARTICLE_EXTENSIONS.join(' ')}); import other formats with gloss add` });
          } else {
            articles.push({ id, absPath: abs, size: info.size });
          }
        } catch (error) {
          skipped.push({ path: id, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
        }
      }
    };
    await walk(base);
    articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { articles, skipped };
  }

  /** The project as the UI shows it: articles with per-layer status and counts, skipped files, problems. */
  async info(): Promise<ProjectInfo> {
    const { articles, skipped } = await this.scanArticles();
    const layers = await this.listLayers();
    const problems: ProjectProblem[] = [];
    const summaries: ArticleSummary[] = [];
    for (const entry of articles) {
      const summary: ArticleSummary = { id: entry.id, title: '', size: entry.size, loadable: true, layers: {} };
      try {
        const content = await this.readArticle(entry.id);
        summary.title = titleOf(content.text) || entry.id;
        summary.encoding = content.encoding;
      } catch (error) {
        if (error instanceof ApiError && (error.code === 'SKIPPED' || error.code === 'OUTSIDE')) {
          skipped.push({ path: entry.id, reason: error.message.replace(`${entry.id}: `, '') });
          continue;
        }
        summary.loadable = false;
        summary.reason = (error as Error).message;
        summary.title = entry.id;
      }
      for (const layer of layers) {
        try {
          const doc = await this.readLayerFile(entry.id, layer);
          if (doc) summary.layers[layer] = summarise(doc);
        } catch (error) {
          const e = error as ApiError;
          problems.push({ file: e.file ?? this.layerFileId(entry.id, layer), line: e.line, message: e.message });
        }
      }
      summaries.push(summary);
    }
    return { path: this.root, name: this.manifest.name, formatVersion: this.manifest.formatVersion, schema: this.manifest.schema, layers, articles: summaries, skipped, problems };
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
    if (parts[0] !== ARTICLES_DIR || parts.length < 2 || parts.some((p) => p === '..' || p === '' || p === '.') || id.includes('\\')) {
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
    const fileId = this.layerFileId(articleId, layer);
    const low = this.lowFor(fileId);
    await low.read();
    if (low.data === null) return null;
    return checkLayerDoc(low.data, fileId);
  }

  /** A layer of an article, empty when nothing was annotated yet. */
  async readLayer(articleId: string, layer: string, articleSha256?: string): Promise<LayerDoc> {
    const doc = await this.readLayerFile(articleId, layer);
    if (doc) return doc;
    const sha = articleSha256 ?? (await this.readArticle(articleId).then((a) => a.sha256, () => ''));
    return emptyLayerDoc(articleId, layer, sha);
  }

  /**
   * Durably writes a layer of an article. Refuses to replace a file that cannot be read, so a
   * corrupt file is never overwritten before the user decides. Writes to one file are queued.
   */
  async writeLayer(articleId: string, layer: string, doc: LayerDoc): Promise<void> {
    if (doc.article !== articleId || doc.layer !== layer) {
      throw new ApiError('MISMATCH', `Layer document names ${doc.article} / ${doc.layer}, not ${articleId} / ${layer}`);
    }
    const fileId = this.layerFileId(articleId, layer);
    const previous = this.writeQueues.get(fileId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      const abs = join(this.root, ...fileId.split('/'));
      await this.guardInside(abs);
      const existing = await readTextIfExists(abs);
      // Never replace a file that does not read as a layer (bad JSON, conflict markers, another format).
      if (existing !== null) checkLayerDoc(parseJsonFile(existing, fileId), fileId);
      await mkdir(dirname(abs), { recursive: true });
      const low = this.lowFor(fileId);
      low.data = doc;
      await low.write();
    });
    this.writeQueues.set(fileId, next);
    await next;
  }
}

/** Checks parsed annotation-file content against the format; throws naming the file (and line, where it can). */
function checkLayerDoc(data: unknown, fileId: string): LayerDoc {
  // A newer format may differ in any field: say so before the schema complains about details.
  const version = (data as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    throw new ApiError('NEWER_FORMAT', `${fileId}: format version ${version} is newer than this Gloss reads (${FORMAT_VERSION}); update Gloss, the file was left untouched`, fileId);
  }
  const parsed = layerDocSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError('CORRUPT_FILE', `${fileId}: ${issue.path.join('.') || 'content'}: ${issue.message}; Gloss left the file untouched`, fileId);
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
