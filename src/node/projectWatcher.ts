import { readdirSync, statSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { join, posix, sep } from 'node:path';
import type { ProjectChanges } from '../common/api';

/**
 * Watches an open project for changes made by other programs (an editor, a git pull, a sync
 * client): articles added or removed, annotation files rewritten. Gloss's own writes are told
 * apart by the size and mtime each save left behind.
 */
export class ProjectWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private seq = 0;
  private changes: { seq: number; path: string }[] = [];
  private readonly ownWrites = new Map<string, string>();
  private failed = false;

  constructor(private readonly root: string) {
    // One watcher per folder, not a recursive one: Node's recursive watch on Linux sets up a
    // watcher per file, which costs half a second on a 10,000-article project.
    for (const top of ['articles', 'annotations']) this.watchTree(top);
  }

  /** Watches a folder and its subfolders; `appeared` reports the files already in a folder that was just created. */
  private watchTree(rel: string, appeared = false): void {
    const abs = join(this.root, ...rel.split('/'));
    if (this.watchers.has(rel) || !statSync(abs, { throwIfNoEntry: false })?.isDirectory()) return;
    try {
      const watcher = watch(abs, (_event, name) => {
        if (!name) return;
        const path = `${rel}/${String(name).split(sep).join(posix.sep)}`;
        if (/(^|\/)\.[^/]*\.tmp$/.test(path) || path.includes('/.backup') || path.includes('/.set-aside')) return;
        // A folder that appears (a new layer, a new subfolder of articles) is watched too.
        this.changes.push({ seq: ++this.seq, path });
        if (statSync(join(abs, String(name)), { throwIfNoEntry: false })?.isDirectory()) this.watchTree(path, true);
        if (this.changes.length > 10_000) this.changes.splice(0, 5_000);
      });
      watcher.on('error', () => {
        watcher.close();
        this.watchers.delete(rel);
      });
      // Watching never keeps a finished process alive.
      watcher.unref();
      this.watchers.set(rel, watcher);
    } catch {
      // Watching is a convenience: without it the project still works, changes show on reopen.
      this.failed = true;
      return;
    }
    for (const item of readdirSync(abs, { withFileTypes: true })) {
      if (item.isDirectory() && !item.name.startsWith('.')) this.watchTree(`${rel}/${item.name}`, appeared);
      // Files written into a new folder before its watcher existed (a pull creates both at once).
      else if (appeared && item.isFile()) this.changes.push({ seq: ++this.seq, path: `${rel}/${item.name}` });
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
    return { seq: this.seq, watching: !this.failed && this.watchers.size > 0, articlesChanged, layerFiles: layerFiles.sort() };
  }

  close(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }
}

function fingerprint(path: string): string {
  const info = statSync(path, { throwIfNoEntry: false });
  return info ? `${info.size}:${info.mtimeMs}` : 'gone';
}
