// Test-only (named *.testkit.ts: not collected as a test file, not shipped).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testDoc } from '../common/agreement/testDocs';
import type { LayerDoc } from '../common/model';
import { ProjectStore, sha256 } from './projectStore';

export const REVIEW_A = 'Huawei said “5G is safe,” the minister said.';
export const REVIEW_B = 'Officials said the ban would stay. Huawei denied it.';

/**
 * Makes a project in `dir` with two articles (a.txt: REVIEW_A, b.txt: REVIEW_B) annotated by alice
 * (both), bob (a.txt only: an empty layer on b.txt) and carol (b.txt only), for the agreement
 * tests. Returns the store and every layer written (layer -> article -> doc).
 */
export async function seedReviewProject(dir: string): Promise<{ store: ProjectStore; docs: Record<string, Record<string, LayerDoc>> }> {
  const store = await ProjectStore.init(dir, 'review');
  await writeFile(join(dir, 'articles', 'a.txt'), REVIEW_A);
  await writeFile(join(dir, 'articles', 'b.txt'), REVIEW_B);
  const docs: Record<string, Record<string, LayerDoc>> = {};
  const put = async (id: string, text: string, layer: string, specs: Parameters<typeof testDoc>[3], relations: [string, string][] = []) => {
    const doc = { ...testDoc(id, layer, text, specs, relations), sha256: sha256(text) };
    (docs[layer] ??= {})[id] = doc;
    await store.writeLayer(id, layer, doc);
  };
  await put('articles/a.txt', REVIEW_A, 'alice', [[12, 25, 'QUOTE', 'aq'], [0, 6, 'SPEAKER', 'as'], [26, 44, 'CLAIM', 'ac']], [['aq', 'as']]);
  await put('articles/a.txt', REVIEW_A, 'bob', [[12, 25, 'QUOTE', 'bq'], [0, 6, 'SPEAKER', 'bs'], [26, 38, 'CLAIM', 'bc']], [['bq', 'bs']]);
  await put('articles/b.txt', REVIEW_B, 'alice', [[0, 34, 'CLAIM', 'a1']]);
  await put('articles/b.txt', REVIEW_B, 'carol', [[0, 34, 'CLAIM', 'c1'], [35, 41, 'SPEAKER', 'c2']]);
  return { store, docs };
}
