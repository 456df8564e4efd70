import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LayerSummary, ProjectProblem } from '../common/api';
import { writeFileDurably } from './durableFile';

/** Where the index lives inside a project; the folder ignores itself in git. */
export const CACHE_DIR = '.gloss';
const INDEX_FILE = 'summary-index.json';
const VERSION = 1;

/** What the article list needs of one article, valid while its size and mtime are unchanged. */
export interface ArticleIndexEntry {
  size: number;
  mtimeMs: number;
  title: string;
  encoding?: string;
  loadable: boolean;
  reason?: string;
  /** Set when the file is not an article after all (binary), with the reason. */
  skipped?: string;
}

/** One annotation file's summary, or the problem reading it. */
export interface LayerIndexEntry {
  size: number;
  mtimeMs: number;
  summary: LayerSummary | null;
  problem?: ProjectProblem;
}

interface IndexData {
  version: number;
  articles: Record<string, ArticleIndexEntry>;
  layers: Record<string, LayerIndexEntry>;
}

/**
 * A cache of per-article titles and per-layer counts kept on disk, so opening a project of
 * 10,000 articles stats the files instead of reading and parsing every one of them. Entries are
 * trusted only while a file's size and mtime match; a lost or damaged index is simply rebuilt.
 */
export class SummaryIndex {
  private dirty = false;

  private constructor(private readonly root: string, private data: IndexData) {}

  static async load(root: string): Promise<SummaryIndex> {
    try {
      const data = JSON.parse(await readFile(join(root, CACHE_DIR, INDEX_FILE), 'utf8')) as IndexData;
      if (data.version === VERSION && data.articles && data.layers) return new SummaryIndex(root, data);
    } catch {
      // Missing or unreadable: start empty.
    }
    return new SummaryIndex(root, { version: VERSION, articles: {}, layers: {} });
  }

  article(id: string, size: number, mtimeMs: number): ArticleIndexEntry | null {
    const e = this.data.articles[id];
    return e && e.size === size && e.mtimeMs === mtimeMs ? e : null;
  }

  setArticle(id: string, entry: ArticleIndexEntry): void {
    this.data.articles[id] = entry;
    this.dirty = true;
  }

  layer(fileId: string, size: number, mtimeMs: number): LayerIndexEntry | null {
    const e = this.data.layers[fileId];
    return e && e.size === size && e.mtimeMs === mtimeMs ? e : null;
  }

  setLayer(fileId: string, entry: LayerIndexEntry): void {
    this.data.layers[fileId] = entry;
    this.dirty = true;
  }

  /** Drops entries of files that no longer exist, then writes the index if anything changed. */
  async save(liveArticles: Set<string>, liveLayerFiles: Set<string>): Promise<void> {
    for (const id of Object.keys(this.data.articles)) if (!liveArticles.has(id)) { delete this.data.articles[id]; this.dirty = true; }
    for (const id of Object.keys(this.data.layers)) if (!liveLayerFiles.has(id)) { delete this.data.layers[id]; this.dirty = true; }
    if (!this.dirty) return;
    const dir = join(this.root, CACHE_DIR);
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, '.gitignore'), '*\n', { flag: 'wx' }).catch(() => undefined);
      await writeFileDurably(join(dir, INDEX_FILE), JSON.stringify(this.data));
      this.dirty = false;
    } catch {
      // A read-only project still opens; it just cannot keep its index.
    }
  }
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function forEachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
