// In-process checks of the streaming export and of the import's reading and rollback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXPORT_FORMATS } from '../common/exchange';
import { buildFixture } from '../common/exchange/fixtures/fixtureSpans';
import { HUAWEI_FIXTURE } from '../common/exchange/fixtures/huaweiFixture';
import { UNICODE_ARTICLES, UNICODE_FIXTURE } from '../common/exchange/fixtures/unicodeFixture';
import { ApiError } from '../common/api';
import { exportProjectToFile } from './exportProject';
import { exportToString } from './exportProject.testkit';
import { importSpans, importSpansContent } from './importSpans';
import { ProjectStore } from './projectStore';
import { GlossService } from './glossService';
import { SettingsStore } from './settingsStore';

const SAMPLE = resolve(import.meta.dirname, '..', '..', 'projects', 'huawei-5g');
let tmp: string;
let project: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gloss-exim-'));
  project = join(tmp, 'project');
  await cp(SAMPLE, project, { recursive: true, filter: (src) => !src.startsWith(join(SAMPLE, 'annotations')) });
  for (const [id, text] of Object.entries(UNICODE_ARTICLES)) await writeFile(join(project, id), text);
  const store = await ProjectStore.open(project);
  const articles = [];
  for (const entry of (await store.scanArticles()).articles) articles.push(await store.readArticle(entry.id));
  for (const { doc } of [...buildFixture(articles, HUAWEI_FIXTURE), ...buildFixture(articles, UNICODE_FIXTURE)]) await store.writeLayer(doc.article, doc.layer, doc);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

describe("the app's Export", () => {
  const service = async (chooseSaveFile?: (name: string) => Promise<string | null>) => {
    const api = new GlossService({ settings: new SettingsStore(join(tmp, 'config')), transport: chooseSaveFile ? 'electron' : 'http', chooseSaveFile });
    await api.openProject(project);
    return api;
  };

  it('desktop: offers the export\'s name, writes the file streamed with its manifest where the user chose', async () => {
    const offered: string[] = [];
    const target = join(tmp, 'chosen', 'my-export.jsonl');
    const api = await service(async (name) => {
      offered.push(name);
      return target;
    });
    const saved = await api.exportToFile({ format: 'doccano', layer: 'alice' });
    expect(offered).toEqual(['huawei-5g-alice-doccano.jsonl']);
    const expected = await exportToString(api.project, { format: 'doccano', layer: 'alice' });
    expect(saved).toEqual({ file: target, filename: 'huawei-5g-alice-doccano.jsonl', bytes: Buffer.byteLength(expected.content), warnings: expected.warnings });
    expect(await readFile(target, 'utf8')).toBe(expected.content);
    expect(JSON.parse(await readFile(`${target}.manifest.json`, 'utf8'))).toMatchObject({ exportFormat: 'doccano', sha256: expected.sha256 });
    api.close();
  });

  it('desktop: a cancelled dialog writes nothing; bad options fail before the dialog opens', async () => {
    let asked = 0;
    const api = await service(async () => {
      asked++;
      return null;
    });
    expect(await api.exportToFile({ format: 'native', layer: 'alice' })).toBeNull();
    await expect(api.exportToFile({ format: 'csv', layer: 'alice' })).rejects.toMatchObject({ code: 'BAD_FORMAT' });
    expect(asked).toBe(1);
    api.close();
  });

  it('browser mode has no save dialog: it says the export downloads instead', async () => {
    const api = await service();
    await expect(api.exportToFile({ format: 'native', layer: 'alice' })).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('browser mode downloads') });
    api.close();
  });
});

describe('exportProjectToFile', () => {
  it.each(EXPORT_FORMATS.map((f) => [f]))('%s: the file holds what the stream (stdout) carries, with its sha256 in the manifest', async (format) => {
    const store = await ProjectStore.open(project);
    const request = { format, layer: 'all' };
    const streamed = await exportToString(store, request);
    const out = join(tmp, 'exports', `${format}.out`);
    const progress: number[] = [];
    const result = await exportProjectToFile(await ProjectStore.open(project), request, out, (done) => progress.push(done));
    const bytes = await readFile(out);
    expect(bytes.toString('utf8')).toBe(streamed.content);
    expect(result.sha256).toBe(sha(bytes));
    expect(result.bytes).toBe(bytes.length);
    expect(streamed.sha256).toBe(result.sha256);
    const manifest = JSON.parse(await readFile(`${out}.manifest.json`, 'utf8'));
    expect(manifest).toMatchObject({ sha256: sha(bytes), file: `${format}.out`, exportFormat: format });
    const sidecarNames = Object.keys(streamed.sidecars).map((suffix) => `${format}.out${suffix}`);
    expect(manifest).toEqual(JSON.parse(JSON.stringify(streamed.manifestFor(`${format}.out`, sidecarNames))));
    for (const [suffix, content] of Object.entries(streamed.sidecars)) expect(await readFile(out + suffix, 'utf8')).toBe(content);
    expect(progress).toEqual(Array.from({ length: 9 }, (_, i) => i + 1));
  });

  it('maps bad options to ApiErrors with clear messages and leaves an earlier export intact', async () => {
    const store = await ProjectStore.open(project);
    const out = join(tmp, 'keep.jsonl');
    await writeFile(out, 'earlier export\n');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ format: 'excel', layer: 'all' }, /Unknown export format "excel"/],
      [{ format: 'w3c', layer: 'all', offsets: 'utf16' }, /Cannot export as w3c: .*code points/],
      [{ format: 'native', layer: 'all', offsets: 'bytes' }, /Cannot export as native: unknown offset unit "bytes"/],
      [{ format: 'native', layer: '../x' }, /"\.\.\/x" is not a layer name/],
      [{ format: 'native', layer: 'all', status: ['finished'] }, /Unknown status "finished"/],
    ];
    for (const [request, message] of cases) {
      const error = await exportProjectToFile(store, request as never, out).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as Error).message).toMatch(message);
    }
    // An export that cannot be written (the target is a folder) fails and leaves no temp file.
    await mkdir(join(tmp, 'a-folder.jsonl'), { recursive: true });
    await expect(exportProjectToFile(store, { format: 'native', layer: 'all' }, join(tmp, 'a-folder.jsonl'))).rejects.toThrow(/Cannot write the export to .*a-folder\.jsonl/);
    expect(await readFile(out, 'utf8')).toBe('earlier export\n');
    expect((await readdir(tmp)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('importSpans', () => {
  it('reads a large JSONL file in pieces with the same records and line numbers as whole', async () => {
    const store = await ProjectStore.open(project);
    const native = (await exportToString(store, { format: 'native', layer: 'alice' })).content.split('\n').filter(Boolean);
    // Bad lines at known places, blank lines and CRLF between records.
    const content = [native[0], '', '{"broken": ', ...native.slice(1, 4), '[1, 2]', ...native.slice(4)].join('\r\n') + '\r\n';
    const file = join(tmp, 'pieces.jsonl');
    await writeFile(file, content);
    const fresh = join(tmp, 'pieces-project');
    await cp(project, fresh, { recursive: true, filter: (src) => !src.startsWith(join(project, 'annotations')) });
    const target = await ProjectStore.open(fresh);
    const whole = await importSpans(target, file, { layer: 'x', dryRun: true, now: 't' });
    const pieces = await importSpans(target, file, { layer: 'x', dryRun: true, now: 't', pieceBytes: 2000 });
    expect(pieces).toEqual(whole);
    expect(whole.problems.map((p) => p.line)).toEqual([3, 7, 7]); // '[1, 2]': two items that are not records
    expect(whole.records).toBe(native.length);
    expect(whole.spans).toBeGreaterThan(20);
  });

  it('reads a JSON array (Label Studio) whole however large, and content from the app the same as a file', async () => {
    const store = await ProjectStore.open(project);
    const ls = (await exportToString(store, { format: 'label-studio', layer: 'alice' })).content;
    const file = join(tmp, 'tasks.json');
    await writeFile(file, ls);
    const fromFile = await importSpans(store, file, { layer: 'y', dryRun: true, now: 't', pieceBytes: 100 });
    expect(fromFile.problems).toEqual([]);
    expect(fromFile.articles.length + fromFile.emptyRecords).toBe(9);
    expect(fromFile.articles.length).toBeGreaterThan(5);
    const fromContent = await importSpansContent(store, 'C:\\Users\\me\\tasks.json', ls, { layer: 'y', dryRun: true, now: 't' });
    expect({ ...fromContent, file: '' }).toEqual({ ...fromFile, file: '' });
    expect(fromContent.file).toBe('tasks.json');
  });

  it('matches a record by text when its id names an article with another text', async () => {
    const store = await ProjectStore.open(project);
    const a3 = await store.readArticle('articles/003_9563d52e9be91989.txt');
    const content = JSON.stringify({ id: 'articles/002_9edfdb1c8f18fd6b.txt', text: a3.text, label: [[0, 3, 'CLAIM']] }) + '\n';
    const report = await importSpansContent(store, 'moved.jsonl', content, { layer: 'z', dryRun: true });
    expect(report.problems).toEqual([]);
    expect(report.articles.map((a) => a.article)).toEqual(['articles/003_9563d52e9be91989.txt']);
  });

  it('rolls back every file it wrote when a write fails half way', async () => {
    const fresh = join(tmp, 'rollback');
    await cp(project, fresh, { recursive: true });
    const store = await ProjectStore.open(fresh);
    const content = (await exportToString(store, { format: 'doccano', layer: 'alice' })).content;
    const aliceFiles = async () => {
      const out: Record<string, string> = {};
      for (const name of await readdir(join(fresh, 'annotations', 'alice'))) out[name] = await readFile(join(fresh, 'annotations', 'alice', name), 'utf8');
      return out;
    };
    const before = await aliceFiles();
    let writes = 0;
    const original = store.writeLayer.bind(store);
    store.writeLayer = async (...args) => {
      if (++writes === 4) throw new Error('disk full');
      return original(...args);
    };
    await expect(importSpansContent(store, 'd.jsonl', content, { layer: 'carol' })).rejects.toThrow(/Import stopped and rolled back: disk full/);
    expect(await readdir(join(fresh, 'annotations', 'carol')).catch(() => [])).toEqual([]);
    writes = 0;
    await expect(importSpansContent(store, 'd.jsonl', content, { layer: 'alice', existing: 'replace' })).rejects.toThrow(/rolled back/);
    expect(await aliceFiles()).toEqual(before);
    expect(writes).toBeGreaterThanOrEqual(4); // writes run 16 at a time: some start before the failure is seen
  });
});
