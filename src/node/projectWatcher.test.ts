import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectWatcher } from './projectWatcher';

const settle = () => new Promise((r) => setTimeout(r, 300));

describe('ProjectWatcher', () => {
  it('reports articles and annotation files changed by others, not Gloss’s own saves', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gloss-watch-'));
    await mkdir(join(root, 'articles'));
    await mkdir(join(root, 'annotations', 'alice'), { recursive: true });
    const watcher = new ProjectWatcher(root);
    const abs = (rel: string) => join(root, ...rel.split('/'));
    try {
      expect(watcher.changesSince(0, abs)).toMatchObject({ watching: true, articlesChanged: false, layerFiles: [] });
      await writeFile(join(root, 'annotations', 'alice', 'own.txt.json'), '{}');
      watcher.recordOwnWrite('annotations/alice/own.txt.json', abs('annotations/alice/own.txt.json'));
      await writeFile(join(root, 'annotations', 'alice', 'pulled.txt.json'), '{}');
      await writeFile(join(root, 'articles', 'new.txt'), 'text');
      await writeFile(join(root, 'annotations', 'alice', '.x.json.123.tmp'), '');
      await settle();
      const changes = watcher.changesSince(0, abs);
      expect(changes.articlesChanged).toBe(true);
      expect(changes.layerFiles).toEqual(['annotations/alice/pulled.txt.json']);
      expect(watcher.changesSince(changes.seq, abs)).toMatchObject({ articlesChanged: false, layerFiles: [] });
      // A layer folder that appears later (a colleague's layer after a pull) is watched too.
      await mkdir(join(root, 'annotations', 'bob'));
      await writeFile(join(root, 'annotations', 'bob', 'x.txt.json'), '{}');
      await settle();
      expect(watcher.changesSince(changes.seq, abs).layerFiles).toContain('annotations/bob/x.txt.json');
    } finally {
      watcher.close();
    }
  });
});
