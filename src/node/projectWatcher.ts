import { watch, statSync } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { sep, posix } from 'node:path';
import type { ProjectChanges } from '../common/api';

/**
 * Watches an open project for changes made by other programs (an editor, a git pull, a sync
 * client): articles added or removed, annotation files rewritten. Gloss's own writes are told
 * apart by the size and mtime each save left behind.
 */
export class ProjectWatcher {
  private watcher: FSWatcher | null = null;
  private seq = 0;
  private changes: { seq: number; path: string }[] = [];
  private readonly ownWrites = new Map<string, string>();

  constructor(root: string) {
    try {
      this.watcher = watch(root, { recursive: true }, (_event, name) => {
        if (!name) return;
        const path = String(name).split(sep).join(posix.sep);
        if (path.startsWith('.gloss/') || path.includes('/.backup/') || path.includes('/.set-aside/') || /(^|\/)\.[^/]*\.tmp$/.test(path)) return;
        if (!path.startsWith('articles/') && !path.startsWith('annotations/')) return;
        this.changes.push({ seq: ++this.seq, path });
        if (this.changes.length > 10_000) this.changes.splice(0, 5_000);
      });
      this.watcher.on('error', () => this.close());
      // Watching never keeps a finished process alive.
      this.watcher.unref();
    } catch {
      // Watching is a convenience: without it the project still works, changes show on reopen.
      this.watcher = null;
    }
  }

  /** Remembers the state Gloss itself left a file in, so its own save is not reported back. */
  recordOwnWrite(relativePath: string, absolutePath: string): void {
    this.ownWrites.set(relativePath, fingerprint(absolutePath));
  }

  /** What changed since `since` (a sequence number from an earlier call; 0 for the start). */
  changesSince(since: number, absolute: (relativePath: string) => string): ProjectChanges {
    const paths = new Set(this.changes.filter((c) => c.seq > since).map((c) => c.path));
    const layerFiles: string[] = [];
    let articlesChanged = false;
    for (const path of paths) {
      if (path.startsWith('articles/')) articlesChanged = true;
      else if (path.endsWith('.json') && path.split('/').length >= 3) {
        const own = this.ownWrites.get(path);
        if (own === undefined || own !== fingerprint(absolute(path))) layerFiles.push(path);
      }
    }
    return { seq: this.seq, watching: this.watcher !== null, articlesChanged, layerFiles: layerFiles.sort() };
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
  }
}

function fingerprint(path: string): string {
  const info = statSync(path, { throwIfNoEntry: false });
  return info ? `${info.size}:${info.mtimeMs}` : 'gone';
}
