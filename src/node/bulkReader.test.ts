// BulkReader gives exactly what ProjectStore gives, in the ordinary case and in every unusual
// one (changed article, corrupt, newer-format or misplaced annotation files, links out of the
// project, undecodable articles).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildFixture } from '../common/exchange/fixtures/fixtureSpans';
import { HUAWEI_FIXTURE } from '../common/exchange/fixtures/huaweiFixture';
import { BulkReader } from './bulkReader';
import { ProjectStore } from './projectStore';

const SAMPLE = resolve(import.meta.dirname, '..', '..', 'projects', 'huawei-5g');
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gloss-bulk-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A copy of the sample project with the fixture layers alice and gold. */
async function project(name: string): Promise<ProjectStore> {
  const dir = join(tmp, name);
  await cp(SAMPLE, dir, { recursive: true, filter: (src) => !src.startsWith(join(SAMPLE, 'annotations')) });
  const store = await ProjectStore.open(dir);
  const articles = [];
  for (const entry of (await store.scanArticles()).articles) articles.push(await store.readArticle(entry.id));
  for (const { doc } of buildFixture(articles, HUAWEI_FIXTURE)) await store.writeLayer(doc.article, doc.layer, doc);
  return store;
}

type Outcome = { ok: unknown } | { error: string };
const outcome = async (f: () => Promise<unknown>): Promise<Outcome> => f().then((ok) => ({ ok }), (e: Error) => ({ error: e.message }));

/** Every article and layer read both ways, by a fresh store each (no shared cache). */
async function compare(dir: string, layers: string[]) {
  const viaStore = await ProjectStore.open(dir);
  const viaBulk = await ProjectStore.open(dir);
  const reader = await BulkReader.open(viaBulk, layers);
  const { articles } = await viaStore.scanArticles();
  expect(articles.length).toBeGreaterThan(0);
  for (const entry of articles) {
    const expected = await outcome(() => viaStore.readArticle(entry.id));
    expect(await outcome(() => reader.article(entry))).toEqual(expected);
    if (!('ok' in expected)) continue;
    const sha = (expected.ok as { sha256: string }).sha256;
    for (const layer of layers) {
      expect(await outcome(() => reader.layer(entry.id, layer, sha)), `${entry.id} ${layer}`).toEqual(await outcome(() => viaStore.readLayer(entry.id, layer, sha)));
      expect(await outcome(() => reader.layerFile(entry.id, layer)), `${entry.id} ${layer} file`).toEqual(await outcome(() => viaStore.readLayerFile(entry.id, layer)));
    }
  }
}

describe('BulkReader', () => {
  it('reads what the store reads in an ordinary project, a layer without files included', async () => {
    const store = await project('ordinary');
    await compare(store.root, ['alice', 'gold', 'nobody']);
  });

  it('matches the store for changed, corrupt, newer-format and undecodable files', async () => {
    const store = await project('unusual');
    const root = store.root;
    // An article changed since alice annotated it: re-anchored by the store.
    await writeFile(join(root, 'articles', '002_9edfdb1c8f18fd6b.txt'), 'Inserted first line.\n' + (await store.readArticle('articles/002_9edfdb1c8f18fd6b.txt')).text);
    await writeFile(join(root, 'annotations', 'alice', '000_d60caff024a14a5b.txt.json'), '{"formatVersion": 1,,}');
    await writeFile(join(root, 'annotations', 'alice', '001_60324c60597a4f74.txt.json'), JSON.stringify({ formatVersion: 99, article: 'x' }));
    await writeFile(join(root, 'annotations', 'alice', '003_9563d52e9be91989.txt.json'), '<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> b\n');
    await writeFile(join(root, 'annotations', 'alice', '004_8898504a670454c0.txt.json'), JSON.stringify({ formatVersion: 1, spans: 'no' }));
    await writeFile(join(root, 'articles', 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0]));
    await compare(root, ['alice', 'gold']);
  });

  it('leaves links out of the project to the store, which refuses them', async () => {
    const store = await project('links');
    const root = store.root;
    const outside = join(tmp, 'outside');
    await mkdir(join(outside, 'layer'), { recursive: true });
    await writeFile(join(outside, 'secret.txt'), 'secret article');
    await writeFile(join(outside, 'layer', '000_d60caff024a14a5b.txt.json'), JSON.stringify({ formatVersion: 1 }));
    await symlink(join(outside, 'layer'), join(root, 'annotations', 'mallory'));
    await mkdir(join(root, 'annotations', 'eve'), { recursive: true });
    await symlink(join(outside, 'layer', '000_d60caff024a14a5b.txt.json'), join(root, 'annotations', 'eve', '000_d60caff024a14a5b.txt.json'));
    await symlink(join(outside, 'secret.txt'), join(root, 'articles', 'zz-link.txt'));
    await compare(root, ['alice', 'mallory', 'eve']);
  });
});
