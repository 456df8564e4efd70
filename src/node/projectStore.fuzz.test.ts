// Fuzzes the store with arbitrary article ids and layer names: every call either works on a file
// inside the project or fails with an ApiError; nothing outside the project is read or written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '../common/api';
import { emptyLayerDoc } from '../common/model';
import { ProjectStore } from './projectStore';

let tmp: string;
let store: ProjectStore;
const SECRET = 'secret outside the project';

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gloss-fuzz-'));
  await mkdir(join(tmp, 'outside'));
  await writeFile(join(tmp, 'outside', 'a.txt'), SECRET);
  await writeFile(join(tmp, 'a.txt'), SECRET);
  store = await ProjectStore.init(join(tmp, 'project'), 'fuzz');
  await writeFile(join(store.root, 'articles', 'a.txt'), 'inside');
  await symlink(join(tmp, 'outside'), join(store.root, 'articles', 'out'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const piece = fc.constantFrom('articles', '..', '.', '', 'a.txt', 'out', 'outside', 'project', 'gloss.json', '\\', 'C:', '\u0000', '東京', ' ');
const id = fc.oneof(fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join('/')), fc.string());
const layer = fc.oneof(fc.constantFrom('alice', '..', '.backup', 'a/b', ''), fc.string({ maxLength: 8 }));

async function settle(promise: Promise<unknown>): Promise<unknown> {
  try {
    return await promise;
  } catch (error) {
    expect(error, String((error as Error)?.message)).toBeInstanceOf(ApiError);
    return error;
  }
}

describe('ProjectStore (fuzzed ids)', () => {
  it('answers every id with a result inside the project or an ApiError', async () => {
    await fc.assert(fc.asyncProperty(id, layer, async (articleId, layerName) => {
      const article = await settle(store.readArticle(articleId));
      if (!(article instanceof ApiError)) expect((article as { text: string }).text).not.toContain(SECRET);
      await settle(store.readLayer(articleId, layerName));
      await settle(store.writeLayer(articleId, layerName, emptyLayerDoc(articleId, layerName, '')));
    }), { seed: 20261125, numRuns: 400 });
    expect(await readdir(join(tmp, 'outside'))).toEqual(['a.txt']);
    expect((await readdir(tmp)).sort()).toEqual(['a.txt', 'outside', 'project']);
  });
});
