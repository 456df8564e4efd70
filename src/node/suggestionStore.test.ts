import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '../common/api';
import { ProjectStore, sha256 } from './projectStore';
import { SuggestionStore } from './suggestionStore';
import { SuggestionService } from './suggestionService';
import { exportToString } from './exportProject.testkit';

const TEXT = 'Huawei denies the report.\n“We comply with all laws,” said Ken Hu, the chairman.\nShare on Facebook Tweet\n© Copyright Example News 2018. All rights reserved.\n';
const ID = 'articles/a.txt';
const SHA = sha256(TEXT);
const BP = { label: 'BOILERPLATE', start: 80, end: 103, text: 'Share on Facebook Tweet', engine: 'boilerplate' };

let tmp: string;
let root: string;

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gloss-rejections-'));
  root = (await ProjectStore.init(join(tmp, 'project'), 'test')).root;
  await writeFile(join(root, 'articles', 'a.txt'), TEXT);
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('SuggestionStore (rejections)', () => {
  it('keeps rejections in suggestions/<layer>/<article path>.json, durable across instances', async () => {
    expect(TEXT.slice(BP.start, BP.end)).toBe(BP.text);
    const store = new SuggestionStore(root);
    expect(await store.rejections(ID, 'alice')).toEqual([]);
    expect(await store.reject(ID, 'alice', SHA, [BP], '2026-11-25T10:00:00.000Z')).toBe(1);
    expect(store.fileId(ID, 'alice')).toBe('suggestions/alice/a.txt.json');
    const onDisk = JSON.parse(await readFile(join(root, 'suggestions', 'alice', 'a.txt.json'), 'utf8'));
    expect(onDisk).toEqual({
      formatVersion: 1,
      article: ID,
      layer: 'alice',
      rejected: [{ ...BP, sha256: SHA, rejectedAt: '2026-11-25T10:00:00.000Z' }],
      updatedAt: '2026-11-25T10:00:00.000Z',
    });
    // A fresh store (another process, a reopened project) reads the same decisions.
    expect(await new SuggestionStore(root).rejections(ID, 'alice')).toMatchObject([BP]);
    // Other layers are not affected; nothing is written under annotations/.
    expect(await new SuggestionStore(root).rejections(ID, 'bob')).toEqual([]);
    expect(await readdir(join(root, 'annotations')).catch(() => [])).toEqual([]);
  });

  it('does not record the same rejection twice, and concurrent rejections all land', async () => {
    const store = new SuggestionStore(root);
    const other = { ...BP, start: 104, end: 155, text: TEXT.slice(104, 155) };
    await Promise.all([store.reject(ID, 'alice', SHA, [BP]), store.reject(ID, 'alice', SHA, [other]), store.reject(ID, 'alice', SHA, [BP])]);
    const got = await new SuggestionStore(root).rejections(ID, 'alice');
    expect(got.map((r) => r.text).sort()).toEqual([BP.text, other.text].sort());
  });

  it('takes rejections back, one by key or all of an article', async () => {
    const store = new SuggestionStore(root);
    const other = { ...BP, label: 'CLAIM' };
    await store.reject(ID, 'alice', SHA, [BP, other]);
    expect(await store.unreject(ID, 'alice', SHA, [{ label: 'CLAIM', start: BP.start, end: BP.end, text: BP.text }])).toBe(1);
    expect((await store.rejections(ID, 'alice')).map((r) => r.label)).toEqual(['BOILERPLATE']);
    expect(await store.unreject(ID, 'alice', SHA)).toBe(1);
    expect(await new SuggestionStore(root).rejections(ID, 'alice')).toEqual([]);
  });

  it('refuses paths out of the project and names a corrupt file', async () => {
    const store = new SuggestionStore(root);
    expect(() => store.fileId('articles/../../x.txt', 'alice')).toThrow(ApiError);
    expect(() => store.fileId(ID, '../alice')).toThrow(ApiError);
    const outside = join(tmp, 'outside');
    await mkdir(outside);
    await mkdir(join(root, 'suggestions'), { recursive: true });
    await symlink(outside, join(root, 'suggestions', 'mallory'));
    await expect(store.reject(ID, 'mallory', SHA, [BP])).rejects.toMatchObject({ code: 'OUTSIDE' });
    expect(await readdir(outside)).toEqual([]);
    await mkdir(join(root, 'suggestions', 'carol'), { recursive: true });
    await writeFile(join(root, 'suggestions', 'carol', 'a.txt.json'), '{"formatVersion": 1, "article": "articles/a.txt", "layer": "carol",\n "rejected": [{"label": 3}], "updatedAt": ""}\n');
    await expect(store.rejections(ID, 'carol')).rejects.toMatchObject({ code: 'CORRUPT_FILE', file: 'suggestions/carol/a.txt.json', line: 2 });
  });
});

describe('rejections through the suggestion service', () => {
  it('a rejected suggestion stays rejected when the engines run again, also after the article moved its text', async () => {
    const project = await ProjectStore.open(root);
    const service = new SuggestionService(project);
    const first = await service.getSuggestions(ID, 'alice');
    const bp = first.suggestions.find((s) => s.label === 'BOILERPLATE' && s.text === BP.text);
    expect(bp).toBeDefined();
    await service.reject(ID, 'alice', [bp!]);

    const again = await new SuggestionService(await ProjectStore.open(root)).getSuggestions(ID, 'alice');
    expect(again.suggestions.some((s) => s.label === 'BOILERPLATE' && s.text === BP.text)).toBe(false);
    expect(again.rejected).toBe(1);
    expect(again.suggestions.some((s) => s.label === 'BOILERPLATE' && s.text.startsWith('©'))).toBe(true);

    // The article gains a line above: the rejected line moved, and it stays rejected (same label and text).
    await writeFile(join(root, 'articles', 'a.txt'), 'Breaking\n' + TEXT);
    const moved = await new SuggestionService(await ProjectStore.open(root)).getSuggestions(ID, 'alice');
    expect(moved.suggestions.some((s) => s.text === BP.text)).toBe(false);

    // Taking it back proposes it again.
    await service.unreject(ID, 'alice');
    const back = await new SuggestionService(await ProjectStore.open(root)).getSuggestions(ID, 'alice');
    expect(back.suggestions.some((s) => s.label === 'BOILERPLATE' && s.text === BP.text)).toBe(true);
  });

  it('rejections are never annotations: no export sees them', async () => {
    const project = await ProjectStore.open(root);
    const service = new SuggestionService(project);
    const { suggestions } = await service.getSuggestions(ID, 'alice');
    await service.reject(ID, 'alice', suggestions);
    const out = await exportToString(project, { format: 'native', layer: 'alice' });
    const record = JSON.parse(out.content.trim().split('\n')[0]);
    expect(record.spans).toEqual([]);
    expect(await project.listLayers()).toEqual([]);
    expect((await project.validate()).problems).toEqual([]);
  });
});
