import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, readdir, rm, symlink, writeFile, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { expectApiError } from '../common/expectApiError.testkit';
import { FORMAT_VERSION, emptyLayerDoc } from '../common/model';
import type { LayerDoc } from '../common/model';
import { ProjectStore, sha256 } from './projectStore';

let tmp: string;

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gloss-store-'));
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A project in the temp dir with the given articles (path below articles/ -> content). */
async function makeProject(articles: Record<string, string | Uint8Array> = {}): Promise<ProjectStore> {
  const dir = join(tmp, 'project');
  const store = await ProjectStore.init(dir, 'test');
  for (const [name, content] of Object.entries(articles)) {
    const abs = join(dir, 'articles', ...name.split('/'));
    await mkdir(join(abs, '..'), { recursive: true });
    await writeFile(abs, content);
  }
  return store;
}

/** The pid of a process that has exited (so no running writer owns it). */
async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

function docWithSpan(article: string, layer: string, text: string, quote: string): LayerDoc {
  const start = [...text].length - [...text.slice(text.indexOf(quote))].length;
  const end = start + [...quote].length;
  return {
    ...emptyLayerDoc(article, layer, sha256(text)),
    status: 'in_progress',
    spans: [{ id: 's1', start, end, label: 'QUOTE', text: quote, attrs: {}, origin: 'manual', createdAt: '2026-11-25T10:00:00Z', updatedAt: '2026-11-25T10:00:00Z' }],
    updatedAt: '2026-11-25T10:00:00Z',
  };
}

async function walkFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const abs = join(dir, item.name);
    if (item.isDirectory()) out.push(...(await walkFiles(abs)));
    else out.push(abs);
  }
  return out;
}

describe('ProjectStore.open', () => {
  it('says a missing folder does not exist', async () => {
    const error = await expectApiError(ProjectStore.open(join(tmp, 'nope')));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/does not exist/);
  });

  it('says a file is not a project folder', async () => {
    const file = join(tmp, 'file.txt');
    await writeFile(file, 'hello');
    const error = await expectApiError(ProjectStore.open(file));
    expect(error.code).toBe('NOT_A_FOLDER');
    expect(error.message).toMatch(/is a file, not a project folder/);
  });

  it('offers to initialise a folder without gloss.json', async () => {
    const error = await expectApiError(ProjectStore.open(tmp));
    expect(error.code).toBe('NO_MANIFEST');
    expect(error.file).toBe('gloss.json');
    expect(error.message).toMatch(/no gloss\.json/);
    expect(error.message).toMatch(/Initialise it \(gloss init\)/);
  });

  it('names the line of an invalid gloss.json', async () => {
    await writeFile(join(tmp, 'gloss.json'), '{\n  "format": "gloss-project",\n  "name": oops\n}\n');
    const error = await expectApiError(ProjectStore.open(tmp));
    expect(error.code).toBe('CORRUPT_FILE');
    expect(error.file).toBe('gloss.json');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/gloss\.json: not valid JSON at line 3/);
  });

  it('names the field of a gloss.json that is JSON but not a manifest', async () => {
    await writeFile(join(tmp, 'gloss.json'), JSON.stringify({ format: 'gloss-project', formatVersion: 1, name: 'x' }));
    const error = await expectApiError(ProjectStore.open(tmp));
    expect(error.code).toBe('BAD_MANIFEST');
    expect(error.message).toMatch(/^gloss\.json: line 1: schema:/);
    expect(error.line).toBe(1);
  });

  it('refuses a manifest of a newer format version', async () => {
    const store = await makeProject();
    await writeFile(join(store.root, 'gloss.json'), JSON.stringify({ ...store.manifest, formatVersion: FORMAT_VERSION + 1 }));
    const error = await expectApiError(ProjectStore.open(store.root));
    expect(error.code).toBe('NEWER_FORMAT');
  });

  it('init refuses to overwrite an existing project', async () => {
    const store = await makeProject();
    const error = await expectApiError(ProjectStore.init(store.root));
    expect(error.code).toBe('EXISTS');
  });
});

describe('ProjectStore annotation files', () => {
  const text = 'Huawei said “we comply with all laws”.\r\nThe end.\n';

  it('writes a layer durably and reads it back, leaving no temp files', async () => {
    const store = await makeProject({ 'a.txt': text, 'b.txt': 'other' });
    const doc = docWithSpan('articles/a.txt', 'alice', text, '“we comply with all laws”');
    for (let i = 0; i < 5; i++) await store.writeLayer('articles/a.txt', 'alice', { ...doc, updatedAt: `t${i}` });
    await Promise.all([1, 2, 3].map((i) => store.writeLayer('articles/a.txt', 'alice', { ...doc, updatedAt: `p${i}` })));
    const reopened = await ProjectStore.open(store.root);
    expect(await reopened.readLayer('articles/a.txt', 'alice')).toEqual({ ...doc, updatedAt: 'p3' });
    const files = await walkFiles(store.root);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files.map((f) => f.slice(store.root.length + 1)).filter((f) => f.startsWith('annotations/alice/'))).toEqual(['annotations/alice/a.txt.json']);
  });

  it('clears the temp files a killed writer left in a folder on the first write there, and only those', async () => {
    const store = await makeProject({ 'a.txt': text, 'b.txt': 'other' });
    const dir = join(store.root, 'annotations', 'alice');
    await mkdir(dir, { recursive: true });
    const dead = await exitedPid();
    const names = {
      deadOther: `.b.txt.json.${dead}.0badc0de.tmp`, // another article's file, writer gone
      deadSame: `.a.txt.json.${dead}.12345678.tmp`,
      live: `.b.txt.json.${process.pid}.abcdef01.tmp`, // a writer still running (this one)
      notOurs: 'notes.tmp',
    };
    for (const name of Object.values(names)) await writeFile(join(dir, name), '{"half": ');
    await store.writeLayer('articles/a.txt', 'alice', docWithSpan('articles/a.txt', 'alice', text, '“we comply with all laws”'));
    expect((await readdir(dir)).sort()).toEqual([names.live, 'a.txt.json', names.notOurs].sort());
  });

  it('reads an unannotated article as an empty layer with the article sha256', async () => {
    const store = await makeProject({ 'a.txt': text });
    const doc = await store.readLayer('articles/a.txt', 'bob');
    expect(doc).toEqual(emptyLayerDoc('articles/a.txt', 'bob', sha256(text)));
  });

  it('names file and line of an annotation file with invalid JSON, never overwrites it, and keeps other articles working', async () => {
    const store = await makeProject({ 'a.txt': text, 'b.txt': 'Second article' });
    await store.writeLayer('articles/a.txt', 'alice', docWithSpan('articles/a.txt', 'alice', text, 'Huawei'));
    const corruptPath = join(store.root, 'annotations', 'alice', 'a.txt.json');
    const corrupt = (await readFile(corruptPath, 'utf8')).replace('"status"', '"status" oops');
    await writeFile(corruptPath, corrupt);
    const lineOfDamage = corrupt.split('\n').findIndex((l) => l.includes('oops')) + 1;

    const fresh = await ProjectStore.open(store.root);
    const readError = await expectApiError(fresh.readLayer('articles/a.txt', 'alice'));
    expect(readError.code).toBe('CORRUPT_FILE');
    expect(readError.file).toBe('annotations/alice/a.txt.json');
    expect(readError.line).toBe(lineOfDamage);
    expect(readError.message).toContain(`annotations/alice/a.txt.json: not valid JSON at line ${lineOfDamage}`);

    const writeError = await expectApiError(fresh.writeLayer('articles/a.txt', 'alice', emptyLayerDoc('articles/a.txt', 'alice', sha256(text))));
    expect(writeError.code).toBe('CORRUPT_FILE');
    expect(await readFile(corruptPath, 'utf8')).toBe(corrupt);

    const other = docWithSpan('articles/b.txt', 'alice', 'Second article', 'article');
    await fresh.writeLayer('articles/b.txt', 'alice', other);
    expect(await fresh.readLayer('articles/b.txt', 'alice')).toEqual(other);

    const info = await fresh.info();
    expect(info.problems).toEqual([expect.objectContaining({ file: 'annotations/alice/a.txt.json', line: lineOfDamage })]);
    expect(info.articles.map((a) => a.id)).toEqual(['articles/a.txt', 'articles/b.txt']);
    expect(info.articles[1].layers.alice).toEqual({ status: 'in_progress', spans: 1, labels: { QUOTE: 1 } });
  });

  it('never overwrites an annotation file of a newer format version or with conflict markers', async () => {
    const store = await makeProject({ 'a.txt': text, 'b.txt': text });
    const empty = (id: string) => emptyLayerDoc(id, 'alice', sha256(text));
    await store.writeLayer('articles/a.txt', 'alice', empty('articles/a.txt'));
    await store.writeLayer('articles/b.txt', 'alice', empty('articles/b.txt'));
    const newer = JSON.stringify({ ...empty('articles/a.txt'), formatVersion: FORMAT_VERSION + 1, future: true });
    await writeFile(join(store.root, 'annotations/alice/a.txt.json'), newer);
    const conflict = '{\n<<<<<<< HEAD\n  "status": "done",\n=======\n  "status": "todo",\n>>>>>>> theirs\n}\n';
    await writeFile(join(store.root, 'annotations/alice/b.txt.json'), conflict);

    const newerError = await expectApiError(store.writeLayer('articles/a.txt', 'alice', empty('articles/a.txt')));
    expect(newerError.code).toBe('NEWER_FORMAT');
    expect(newerError.message).toContain('annotations/alice/a.txt.json');
    expect(await readFile(join(store.root, 'annotations/alice/a.txt.json'), 'utf8')).toBe(newer);

    const conflictError = await expectApiError(store.writeLayer('articles/b.txt', 'alice', empty('articles/b.txt')));
    expect(conflictError).toMatchObject({ code: 'CORRUPT_FILE', file: 'annotations/alice/b.txt.json', line: 2 });
    expect(conflictError.message).toMatch(/git conflict markers at line 2/);
    expect(await readFile(join(store.root, 'annotations/alice/b.txt.json'), 'utf8')).toBe(conflict);
  });

  it('names the line of a field that breaks the format, on read and on write', async () => {
    const store = await makeProject({ 'a.txt': text });
    await store.writeLayer('articles/a.txt', 'alice', docWithSpan('articles/a.txt', 'alice', text, 'Huawei'));
    const path = join(store.root, 'annotations', 'alice', 'a.txt.json');
    const broken = (await readFile(path, 'utf8')).replace('"start": 0', '"start": -5');
    await writeFile(path, broken);
    const line = broken.split('\n').findIndex((l) => l.includes('"start": -5')) + 1;
    const fresh = await ProjectStore.open(store.root);
    const readError = await expectApiError(fresh.readLayer('articles/a.txt', 'alice'));
    expect(readError).toMatchObject({ code: 'CORRUPT_FILE', file: 'annotations/alice/a.txt.json', line });
    expect(readError.message).toContain(`annotations/alice/a.txt.json: line ${line}: spans.0.start:`);
    const writeError = await expectApiError(fresh.writeLayer('articles/a.txt', 'alice', emptyLayerDoc('articles/a.txt', 'alice', sha256(text))));
    expect(writeError).toMatchObject({ code: 'CORRUPT_FILE', line });
    expect(await readFile(path, 'utf8')).toBe(broken);
  });

  it('refuses a document for another article or layer', async () => {
    const store = await makeProject({ 'a.txt': text });
    const error = await expectApiError(store.writeLayer('articles/a.txt', 'alice', emptyLayerDoc('articles/a.txt', 'bob', '')));
    expect(error.code).toBe('MISMATCH');
  });
});

describe('ProjectStore article listing', () => {
  it('lists unsupported and binary files as skipped, with reasons, without failing', async () => {
    const store = await makeProject({
      'good.txt': 'A fine article',
      'photo.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
      'disguised.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]),
      'notes.docx': 'PK',
      'mystery.txt': new Uint8Array([0x48, 0x69, 0x20, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x80, 0x81, 0xfe]),
    });
    const info = await store.info();
    expect(info.articles.map((a) => a.id)).toEqual(['articles/good.txt', 'articles/mystery.txt']);
    const mystery = info.articles[1];
    expect(mystery.loadable).toBe(false);
    expect(mystery.reason).toMatch(/not valid UTF-8/);
    const skipped = Object.fromEntries(info.skipped.map((s) => [s.path, s.reason]));
    expect(Object.keys(skipped).sort()).toEqual(['articles/disguised.txt', 'articles/notes.docx', 'articles/photo.jpg']);
    expect(skipped['articles/disguised.txt']).toMatch(/binary/);
    expect(skipped['articles/photo.jpg']).toMatch(/unsupported file type/);
  });

  it('ignores symbolic links that point outside the project, files and folders alike', async () => {
    const outside = join(tmp, 'outside');
    await mkdir(outside);
    await writeFile(join(outside, 'secret.txt'), 'top secret');
    const store = await makeProject({ 'inside.txt': 'inside' });
    await symlink(join(outside, 'secret.txt'), join(store.root, 'articles', 'link.txt'));
    await symlink(outside, join(store.root, 'articles', 'linkdir'));
    await symlink(join(store.root, 'articles', 'inside.txt'), join(store.root, 'articles', 'alias.txt'));

    const info = await store.info();
    expect(info.articles.map((a) => a.id)).toEqual(['articles/alias.txt', 'articles/inside.txt']);
    expect(info.skipped.map((s) => s.path).sort()).toEqual(['articles/link.txt', 'articles/linkdir']);
    expect(info.skipped[0].reason).toMatch(/outside the project/);
    expect((await expectApiError(store.readArticle('articles/link.txt'))).code).toBe('OUTSIDE');
    expect((await expectApiError(store.readArticle('articles/linkdir/secret.txt'))).code).toBe('OUTSIDE');
    expect((await store.readArticle('articles/alias.txt')).text).toBe('inside');
  });

  it('refuses to write annotations through a symlinked folder that leads outside', async () => {
    const outside = join(tmp, 'outside');
    await mkdir(outside);
    const store = await makeProject({ 'a.txt': 'text' });
    await mkdir(join(store.root, 'annotations'), { recursive: true });
    await symlink(outside, join(store.root, 'annotations', 'mallory'));
    const error = await expectApiError(store.writeLayer('articles/a.txt', 'mallory', emptyLayerDoc('articles/a.txt', 'mallory', '')));
    expect(error.code).toBe('OUTSIDE');
    expect(await readdir(outside)).toEqual([]);
  });

  it('handles names with spaces, Unicode and leading dots', async () => {
    const names = ['with space.txt', 'Übersicht – 東京 🚀.txt', '.hidden.txt', 'sub dir/.dotted name.md', 'ﬁle\u0301.txt'];
    const store = await makeProject(Object.fromEntries(names.map((n, i) => [n, `Article ${i}\n`])));
    const info = await store.info();
    const ids = names.map((n) => `articles/${n}`).sort();
    expect(info.articles.map((a) => a.id)).toEqual(ids);
    expect(info.skipped).toEqual([]);
    for (const id of ids) {
      const article = await store.readArticle(id);
      const doc = { ...emptyLayerDoc(id, 'alice', article.sha256), status: 'done' as const };
      await store.writeLayer(id, 'alice', doc);
      expect(await store.readLayer(id, 'alice')).toEqual(doc);
    }
    const again = await store.info();
    expect(again.articles.every((a) => a.layers.alice?.status === 'done')).toBe(true);
    expect(again.problems).toEqual([]);
  });

  it('says an article deleted from disk is gone, and keeps its annotations', async () => {
    const store = await makeProject({ 'a.txt': 'text' });
    await store.writeLayer('articles/a.txt', 'alice', emptyLayerDoc('articles/a.txt', 'alice', sha256('text')));
    await unlink(join(store.root, 'articles', 'a.txt'));
    const error = await expectApiError(store.readArticle('articles/a.txt'));
    expect(error.code).toBe('ARTICLE_GONE');
    expect(error.message).toMatch(/no longer exists/);
    expect(await store.readLayerFile('articles/a.txt', 'alice')).not.toBeNull();
  });

  it.each([
    'articles/../gloss.json',
    'articles/sub/../../gloss.json',
    '../outside.txt',
    '/etc/passwd',
    'articles\\..\\gloss.json',
    'articles//a.txt',
    'articles/./a.txt',
    'gloss.json',
    'annotations/alice/a.txt.json',
    'articles',
    'articles/a.txt\u0000.json',
  ])('refuses the id %j', async (id) => {
    const store = await makeProject({ 'a.txt': 'text' });
    expect((await expectApiError(store.readArticle(id))).code).toBe('BAD_ID');
    expect((await expectApiError(store.readLayer(id, 'alice'))).code).toBe('BAD_ID');
    expect((await expectApiError(store.writeLayer(id, 'alice', emptyLayerDoc(id, 'alice', '')))).code).toBe('BAD_ID');
  });

  it.each(['..', '.backup', '../x', 'a/b', ''])('refuses the layer name %j', async (layer) => {
    const store = await makeProject({ 'a.txt': 'text' });
    expect((await expectApiError(store.readLayer('articles/a.txt', layer))).code).toBe('BAD_LAYER');
  });
});
