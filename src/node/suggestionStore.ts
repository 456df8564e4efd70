/**
 * The rejections of suggestions, apart from the annotations: one file per layer per article,
 * `suggestions/<layer>/<article path below articles/>.json`, written durably through lowdb.
 * Nothing here is an annotation: exports, agreement and validation never read these files.
 * Like annotation files, two annotators never write the same file, so a project shared through
 * git merges without conflicts, and an annotator's rejections travel with the project.
 */
import { mkdir, realpath } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Low } from 'lowdb';
import type { Adapter } from 'lowdb';
import { z } from 'zod';
import { ApiError } from '../common/api';
import { FORMAT_VERSION, LAYER_NAME_PATTERN } from '../common/model';
import type { Rejection, RejectionsDoc, SuggestionKey } from '../common/suggest/pending';
import { rejectionCovers } from '../common/suggest/pending';
import { readTextIfExists, writeFileDurably } from './durableFile';
import { lineOfJsonPath, parseJsonFile } from './parseJsonFile';

/** Folder of a project that holds the decisions on suggestions. */
export const SUGGESTIONS_DIR = 'suggestions';

const rejectionSchema = z.object({
  label: z.string().min(1).max(200),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  engine: z.string().max(200),
  sha256: z.string().max(64),
  rejectedAt: z.string().max(100),
});

const rejectionsDocSchema = z.object({
  formatVersion: z.number().int().positive(),
  article: z.string(),
  layer: z.string(),
  rejected: z.array(rejectionSchema),
  updatedAt: z.string().max(100),
});

class JsonFileAdapter implements Adapter<RejectionsDoc> {
  constructor(private readonly path: string, private readonly fileId: string, private readonly guard: () => Promise<void>) {}

  async read(): Promise<RejectionsDoc | null> {
    await this.guard();
    const text = await readTextIfExists(this.path);
    if (text === null) return null;
    const data = parseJsonFile(text, this.fileId);
    const parsed = rejectionsDocSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const line = lineOfJsonPath(text, issue.path);
      throw new ApiError('CORRUPT_FILE', `${this.fileId}: ${line ? `line ${line}: ` : ''}${issue.path.join('.') || 'content'}: ${issue.message}; Gloss left the file untouched`, this.fileId, line);
    }
    return parsed.data;
  }

  async write(data: RejectionsDoc): Promise<void> {
    await this.guard();
    await mkdir(dirname(this.path), { recursive: true });
    await writeFileDurably(this.path, JSON.stringify(data, null, 2) + '\n');
  }
}

/** A suggestion being rejected: its key, the engine that proposed it and the article's sha256. */
export interface RejectRequest extends SuggestionKey {
  engine: string;
}

/** Reads and writes the rejections files of one project. One lowdb instance per file. */
export class SuggestionStore {
  private readonly lows = new Map<string, Low<RejectionsDoc>>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(readonly root: string) {}

  /** Project-relative path of the rejections file of an article in a layer. */
  fileId(articleId: string, layer: string): string {
    if (!LAYER_NAME_PATTERN.test(layer)) throw new ApiError('BAD_LAYER', `"${layer}" is not a valid layer name`);
    const parts = articleId.split('/');
    if (parts[0] !== 'articles' || parts.length < 2 || parts.some((p) => p === '' || p === '.' || p === '..') || articleId.includes('\\') || articleId.includes('\0')) {
      throw new ApiError('BAD_ID', `"${articleId}" is not an article path inside articles/`);
    }
    return [SUGGESTIONS_DIR, layer, ...parts.slice(1)].join('/') + '.json';
  }

  private low(fileId: string): Low<RejectionsDoc> {
    let low = this.lows.get(fileId);
    if (!low) {
      const abs = join(this.root, ...fileId.split('/'));
      low = new Low<RejectionsDoc>(new JsonFileAdapter(abs, fileId, () => this.guardInside(abs, fileId)), null as unknown as RejectionsDoc);
      this.lows.set(fileId, low);
    }
    return low;
  }

  /** The rejections of an article in a layer (empty when there are none). Throws naming the file when it is corrupt. */
  async rejections(articleId: string, layer: string): Promise<Rejection[]> {
    const low = this.low(this.fileId(articleId, layer));
    await low.read();
    return low.data?.rejected ?? [];
  }

  /**
   * Records rejections (a suggestion already covered by a rejection is not recorded twice).
   * Returns how many were added. Durable before it resolves.
   */
  async reject(articleId: string, layer: string, sha256: string, keys: readonly RejectRequest[], now = new Date().toISOString()): Promise<number> {
    const fileId = this.fileId(articleId, layer);
    return this.enqueue(fileId, async () => {
      const low = this.low(fileId);
      await low.read();
      const doc: RejectionsDoc = low.data ?? { formatVersion: FORMAT_VERSION, article: articleId, layer, rejected: [], updatedAt: now };
      const fresh: Rejection[] = [];
      for (const k of keys) {
        const key = { label: k.label, start: k.start, end: k.end, text: k.text };
        if ([...doc.rejected, ...fresh].some((r) => rejectionCovers(r, key, sha256) && r.start === k.start && r.end === k.end)) continue;
        fresh.push({ ...key, engine: k.engine, sha256, rejectedAt: now });
      }
      if (fresh.length === 0) return 0;
      low.data = { ...doc, rejected: [...doc.rejected, ...fresh], updatedAt: now };
      await low.write();
      return fresh.length;
    });
  }

  /**
   * Takes rejections back (all of the article's in this layer when `keys` is omitted): those
   * suggestions are proposed again. Returns how many were removed.
   */
  async unreject(articleId: string, layer: string, sha256: string, keys?: readonly SuggestionKey[], now = new Date().toISOString()): Promise<number> {
    const fileId = this.fileId(articleId, layer);
    return this.enqueue(fileId, async () => {
      const low = this.low(fileId);
      await low.read();
      if (!low.data) return 0;
      const before = low.data.rejected.length;
      const rejected = keys ? low.data.rejected.filter((r) => !keys.some((k) => rejectionCovers(r, k, sha256))) : [];
      if (rejected.length === before) return 0;
      low.data = { ...low.data, rejected, updatedAt: now };
      await low.write();
      return before - rejected.length;
    });
  }

  private enqueue<T>(fileId: string, task: () => Promise<T>): Promise<T> {
    const next = (this.queues.get(fileId) ?? Promise.resolve()).catch(() => undefined).then(task);
    this.queues.set(fileId, next);
    return next;
  }

  /** Refuses a file whose real location (through a symbolic link on the way) is outside the project. */
  private async guardInside(abs: string, fileId: string): Promise<void> {
    const root = await realpath(this.root).catch(() => this.root);
    let probe = abs;
    for (;;) {
      const real = await realpath(probe).catch(() => null);
      if (real !== null) {
        const rel = relative(root, real);
        if (rel.startsWith('..') || rel.split(sep)[0] === '..' || (rel !== '' && /^[A-Za-z]:|^\//.test(rel))) {
          throw new ApiError('OUTSIDE', `${fileId} would lie outside the project (a symbolic link leads out of it); Gloss refuses to read or write it`, fileId);
        }
        return;
      }
      const parent = dirname(probe);
      if (parent === probe) return;
      probe = parent;
    }
  }
}
