// A team shares one project through git (README, "Teams: sharing a project through git"): each
// annotator's layer is its own set of files, so two clones that annotate the same articles
// merge without a conflict and both layers come through intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDoc } from '../common/agreement/testDocs';
import type { LayerDoc } from '../common/model';
import { ProjectStore, sha256 } from './projectStore';
import { projectAgreement } from './projectAgreement';

const A = 'Huawei said “5G is safe,” the minister said.';
const B = 'Officials said the ban would stay. Huawei denied it.';
/** What the README recommends ignoring: backups and set-aside files are per machine. */
const GITIGNORE = 'annotations/.backup/\nannotations/.set-aside/\n.*.tmp\n';

let tmp: string;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_SYSTEM: '/dev/null', GIT_TERMINAL_PROMPT: '0' },
  });
}

/** Clones the shared repository for one annotator, with their name in the clone's git config. */
function cloneFor(name: string): string {
  const dir = join(tmp, name);
  git(tmp, 'clone', '--quiet', join(tmp, 'shared.git'), dir);
  git(dir, 'config', 'user.name', name);
  git(dir, 'config', 'user.email', `${name}@example.org`);
  return dir;
}

function doc(id: string, text: string, layer: string, specs: Parameters<typeof testDoc>[3]): LayerDoc {
  return { ...testDoc(id, layer, text, specs), sha256: sha256(text) };
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gloss-git-'));
  // The lead creates the project and publishes it.
  const lead = join(tmp, 'lead');
  await ProjectStore.init(lead, 'shared');
  await writeFile(join(lead, 'articles', 'a.txt'), A);
  await writeFile(join(lead, 'articles', 'b.txt'), B);
  await writeFile(join(lead, '.gitignore'), GITIGNORE);
  git(tmp, 'init', '--quiet', '--bare', '--initial-branch=main', join(tmp, 'shared.git'));
  git(lead, 'init', '--quiet', '--initial-branch=main');
  git(lead, 'config', 'user.name', 'lead');
  git(lead, 'config', 'user.email', 'lead@example.org');
  git(lead, 'add', '.');
  git(lead, 'commit', '--quiet', '-m', 'New project');
  git(lead, 'remote', 'add', 'origin', join(tmp, 'shared.git'));
  git(lead, 'push', '--quiet', 'origin', 'main');
}, 60_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('sharing a project through git', () => {
  it('merges two annotators\' clones without a conflict, both layers intact', async () => {
    const alice = cloneFor('alice');
    const bob = cloneFor('bob');

    // Both annotate both articles, each saving twice (so each clone also has local backups).
    const aliceStore = await ProjectStore.open(alice);
    const aliceDocs = [doc('articles/a.txt', A, 'alice', [[12, 25, 'QUOTE'], [0, 6, 'SPEAKER']]), doc('articles/b.txt', B, 'alice', [[0, 34, 'CLAIM']])];
    for (const d of aliceDocs) {
      await aliceStore.writeLayer(d.article, 'alice', { ...d, spans: d.spans.slice(0, 1) });
      await aliceStore.writeLayer(d.article, 'alice', d);
    }
    git(alice, 'add', '.');
    git(alice, 'commit', '--quiet', '-m', 'alice: a and b');
    git(alice, 'push', '--quiet', 'origin', 'main');

    const bobStore = await ProjectStore.open(bob);
    const bobDocs = [doc('articles/a.txt', A, 'bob', [[12, 25, 'QUOTE'], [26, 38, 'CLAIM']]), doc('articles/b.txt', B, 'bob', [[0, 34, 'CLAIM'], [35, 41, 'SPEAKER']])];
    for (const d of bobDocs) {
      await bobStore.writeLayer(d.article, 'bob', { ...d, spans: [] });
      await bobStore.writeLayer(d.article, 'bob', d);
    }
    git(bob, 'add', '.');
    git(bob, 'commit', '--quiet', '-m', 'bob: a and b');

    // Bob's push is refused until he merges Alice's work; the merge has no conflict.
    expect(() => git(bob, 'push', '--quiet', 'origin', 'main')).toThrow();
    git(bob, 'pull', '--quiet', '--no-rebase', '--no-edit', 'origin', 'main');
    expect(git(bob, 'status', '--porcelain')).toBe('');
    expect(git(bob, 'diff', '--name-only', '--diff-filter=U')).toBe('');
    expect(git(bob, 'log', '--format=%s', '-3').trim().split('\n')).toContain('alice: a and b');
    git(bob, 'push', '--quiet', 'origin', 'main');

    // The backups stayed local: git never saw them.
    expect(git(bob, 'ls-files').split('\n').filter((f) => f.includes('.backup'))).toEqual([]);

    // After the merge, and in a fresh clone of the shared repository, both layers read back exactly.
    const reviewer = cloneFor('reviewer');
    for (const dir of [bob, reviewer]) {
      const store = await ProjectStore.open(dir);
      expect(await store.listLayers()).toEqual(['alice', 'bob']);
      for (const d of [...aliceDocs, ...bobDocs]) {
        const read = await store.readLayerFile(d.article, d.layer);
        expect(read).toEqual(d);
      }
      expect(await store.validate()).toMatchObject({ problems: [] });
      const { report } = await projectAgreement(store, { layers: ['alice', 'bob'] });
      expect(report.by_article).toHaveLength(2);
    }
    expect(await readFile(join(reviewer, 'annotations', 'alice', 'a.txt.json'), 'utf8')).toBe(await readFile(join(alice, 'annotations', 'alice', 'a.txt.json'), 'utf8'));
  });
});
