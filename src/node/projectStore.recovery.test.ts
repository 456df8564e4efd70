import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectApiError } from '../common/expectApiError.testkit';
import { FORMAT_VERSION, emptyLayerDoc } from '../common/model';
import type { LayerDoc, Span } from '../common/model';
import { OffsetMap } from '../common/offsets';
import { ProjectStore, sha256 } from './projectStore';

const T = '2026-11-25T10:00:00Z';
const TEXT = 'Huawei denies the report.\r\n“We comply with all laws,” said Ken Hu, the chairman.\r\nThe company declined further comment. 🚀\r\n';
const ID = 'articles/a.txt';

let tmp: string;
let store: ProjectStore;

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gloss-recovery-'));
  store = await ProjectStore.init(join(tmp, 'project'), 'test');
  await writeFile(join(store.root, 'articles', 'a.txt'), TEXT);
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function span(text: string, quote: string, id: string, occurrence = 0): Span {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  const map = new OffsetMap(text);
  return { id, start: map.toCodePoint(at), end: map.toCodePoint(at + quote.length), label: 'QUOTE', text: quote, attrs: {}, origin: 'manual', createdAt: T, updatedAt: T };
}

function doc(spans: Span[], text = TEXT, layer = 'alice'): LayerDoc {
  return { ...emptyLayerDoc(ID, layer, sha256(text)), status: 'in_progress', spans, updatedAt: T };
}

const file = (...parts: string[]) => join(store.root, ...parts);

describe('re-anchoring on read', () => {
  it('re-places spans when the article changed, flags them, keeps orphans, and writes nothing until saved', async () => {
    const spans = [span(TEXT, 'Huawei denies', 's1'), span(TEXT, 'Ken Hu', 's2'), span(TEXT, 'The company declined further comment.', 's3')];
    await store.writeLayer(ID, 'alice', doc(spans));
    const before = await readFile(file('annotations', 'alice', 'a.txt.json'), 'utf8');

    const changed = TEXT.replace('the report.', 'the report by the Wall Street Journal.').replace('The company declined further comment. ', '');
    await writeFile(file('articles', 'a.txt'), changed);
    const read = await store.readLayer(ID, 'alice');
    expect(read.sha256).toBe(sha256(changed));
    expect(read.spans.map((s) => [s.id, s.flagged === undefined])).toEqual([['s1', true], ['s2', false]]);
    expect(read.spans[1].flagged).toMatch(/^Moved after the article changed/);
    expect(read.spans[1].start).toBe(span(changed, 'Ken Hu', 'x').start);
    expect(read.orphans?.map((s) => [s.id, s.text])).toEqual([['s3', 'The company declined further comment.']]);
    expect(await readFile(file('annotations', 'alice', 'a.txt.json'), 'utf8')).toBe(before);

    await store.writeLayer(ID, 'alice', read);
    const saved = await store.readLayer(ID, 'alice');
    expect(saved).toEqual(read);
  });

  it('stores the text around each span, and uses it to tell repeated text apart', async () => {
    const text = 'Chen said: “No.” Then Li arrived.\nLi said: “No.” Then the meeting ended.\n';
    await writeFile(file('articles', 'a.txt'), text);
    const s = span(text, '“No.”', 's1', 1);
    await store.writeLayer(ID, 'alice', doc([s], text));
    const raw = JSON.parse(await readFile(file('annotations', 'alice', 'a.txt.json'), 'utf8'));
    expect(raw.spans[0]).toMatchObject({ prefix: text.slice(s.start - 32, s.start), suffix: text.slice(s.end, s.end + 32) });
    expect(raw.spans[0].prefix).toMatch(/Then Li arrived\.\nLi said: $/);
    expect(await store.readLayer(ID, 'alice')).toEqual(doc([s], text));

    const changed = 'Chen said: “No.” Then Li arrived, late, and sat down.\nLi said: “No.” Then the meeting ended.\n';
    await writeFile(file('articles', 'a.txt'), changed);
    const read = await store.readLayer(ID, 'alice');
    expect(read.spans[0].start).toBe(span(changed, '“No.”', 'x', 1).start);
  });

  it('re-anchors what it exports, with the export reading the current text', async () => {
    await store.writeLayer(ID, 'alice', doc([span(TEXT, 'Ken Hu', 's1')]));
    const changed = 'New first line.\n' + TEXT;
    await writeFile(file('articles', 'a.txt'), changed);
    const read = await store.readLayer(ID, 'alice', sha256(changed));
    expect([...changed].slice(read.spans[0].start, read.spans[0].end).join('')).toBe('Ken Hu');
  });
});

describe('backups, restore and fresh start', () => {
  it('keeps the previous version as the backup before each overwrite, and none for an identical rewrite', async () => {
    const first = doc([span(TEXT, 'Ken Hu', 's1')]);
    await store.writeLayer(ID, 'alice', first);
    expect(await store.readLayerBackup(ID, 'alice')).toBeNull();
    const second = { ...first, status: 'done' as const, updatedAt: '2026-11-25T11:00:00Z' };
    await store.writeLayer(ID, 'alice', second);
    expect(store.backupFileId(ID, 'alice')).toBe('annotations/.backup/alice/a.txt.json');
    expect(await store.readLayerBackup(ID, 'alice')).toEqual(first);
    await store.writeLayer(ID, 'alice', second);
    expect(await store.readLayerBackup(ID, 'alice')).toEqual(first);
    expect(await store.listLayers()).toEqual(['alice']);
    expect((await store.info()).layers).toEqual(['alice']);
  });

  it('offers the backup of a corrupt file, restores it, and keeps the corrupt file aside byte for byte', async () => {
    const good = doc([span(TEXT, 'Ken Hu', 's1')]);
    await store.writeLayer(ID, 'alice', good);
    await store.writeLayer(ID, 'alice', { ...good, status: 'done' });
    const corrupt = '{\n  "formatVersion": 1,\n<<<<<<< HEAD\n  "status": "done"\n=======\n  "status": "todo"\n>>>>>>> bob\n}\n';
    await writeFile(file('annotations', 'alice', 'a.txt.json'), corrupt);

    const error = await expectApiError(store.readLayer(ID, 'alice'));
    expect(error).toMatchObject({ code: 'CORRUPT_FILE', file: 'annotations/alice/a.txt.json', line: 3 });
    expect(error.message).toMatch(/A backup of the last good version \(last changed 2026-11-25T10:00:00Z\) can be restored/);

    const restored = await store.restoreLayerBackup(ID, 'alice');
    expect(restored.doc).toEqual(good);
    expect(restored.setAside).toMatch(/^annotations\/\.set-aside\/alice\/a\.txt\.\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
    expect(await readFile(file(...restored.setAside!.split('/')), 'utf8')).toBe(corrupt);
    expect(await store.readLayer(ID, 'alice')).toEqual(good);
    await store.writeLayer(ID, 'alice', { ...good, status: 'done' });
    expect((await store.readLayer(ID, 'alice')).status).toBe('done');
  });

  it('starts a layer fresh by moving the corrupt file aside, never deleting it', async () => {
    await mkdir(file('annotations', 'alice'), { recursive: true });
    await writeFile(file('annotations', 'alice', 'a.txt.json'), '{ not json');
    expect((await expectApiError(store.restoreLayerBackup(ID, 'alice'))).code).toBe('NO_BACKUP');
    expect(await readFile(file('annotations', 'alice', 'a.txt.json'), 'utf8')).toBe('{ not json');

    const fresh = await store.startLayerFresh(ID, 'alice');
    expect(fresh.doc).toEqual(emptyLayerDoc(ID, 'alice', sha256(TEXT)));
    expect(await readFile(file(...fresh.setAside!.split('/')), 'utf8')).toBe('{ not json');
    expect(await readdir(file('annotations', 'alice'))).toEqual([]);
    await store.writeLayer(ID, 'alice', doc([span(TEXT, 'Ken Hu', 's1')]));
    expect((await store.readLayer(ID, 'alice')).spans).toHaveLength(1);
  });

  it('refuses to restore a backup that is itself damaged', async () => {
    await store.writeLayer(ID, 'alice', doc([]));
    await mkdir(file('annotations', '.backup', 'alice'), { recursive: true });
    await writeFile(file('annotations', '.backup', 'alice', 'a.txt.json'), '{"formatVersion": 1');
    await writeFile(file('annotations', 'alice', 'a.txt.json'), 'garbage');
    const error = await expectApiError(store.restoreLayerBackup(ID, 'alice'));
    expect(error.file).toBe('annotations/.backup/alice/a.txt.json');
    expect(await readFile(file('annotations', 'alice', 'a.txt.json'), 'utf8')).toBe('garbage');
  });

  it('reads an annotation file renamed along with its article, and saves it in place', async () => {
    await store.writeLayer(ID, 'alice', doc([span(TEXT, 'Ken Hu', 's1')]));
    await rename(file('articles', 'a.txt'), file('articles', 'b.txt'));
    await rename(file('annotations', 'alice', 'a.txt.json'), file('annotations', 'alice', 'b.txt.json'));
    const read = await store.readLayer('articles/b.txt', 'alice');
    expect(read.article).toBe('articles/b.txt');
    expect(read.spans).toHaveLength(1);
    await store.writeLayer('articles/b.txt', 'alice', read);
    const check = await store.validate();
    expect(check.problems).toEqual([]);
  });
});

describe('validate', () => {
  it('lists every problem with file and line, and warnings apart', async () => {
    await writeFile(file('articles', 'b.txt'), 'Second article');
    await writeFile(file('articles', 'c.txt'), new Uint8Array([0x48, 0x69, 0x20, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x80, 0x81, 0xfe]));
    await store.writeLayer(ID, 'alice', doc([span(TEXT, 'Ken Hu', 's1')]));
    await store.writeLayer(ID, 'bob', doc([span(TEXT, 'Ken Hu', 's1')], TEXT, 'bob'));
    await store.writeLayer('articles/b.txt', 'alice', { ...emptyLayerDoc('articles/b.txt', 'alice', sha256('Second article')), spans: [{ ...span('Second article', 'Second', 's1'), text: 'Third' }] });
    await mkdir(file('annotations', 'carol'), { recursive: true });
    await writeFile(file('annotations', 'carol', 'a.txt.json'), '{\n<<<<<<< HEAD\n}\n');
    await writeFile(file('annotations', 'carol', 'b.txt.json'), JSON.stringify({ ...doc([]), formatVersion: FORMAT_VERSION + 1 }));
    await writeFile(file('annotations', 'carol', 'gone.txt.json'), '[');
    await writeFile(file('annotations', 'bob', '.a.txt.json.123.abcd.tmp'), '{"half": ');
    await writeFile(file('annotations', 'alice', 'deleted.txt.json'), JSON.stringify(emptyLayerDoc('articles/deleted.txt', 'alice', '')));
    await writeFile(file('articles', 'a.txt'), 'Intro.\n' + TEXT);

    const check = await store.validate();
    const problems = check.problems.map((p) => [p.file, p.line]);
    expect(problems).toEqual(expect.arrayContaining([
      ['articles/c.txt', undefined],
      ['annotations/alice/b.txt.json', undefined],
      ['annotations/carol/a.txt.json', 2],
      ['annotations/carol/b.txt.json', 1],
      ['annotations/carol/gone.txt.json', 1],
    ]));
    expect(problems).toHaveLength(5);
    expect(check.problems.find((p) => p.file === 'annotations/alice/b.txt.json')!.message).toMatch(/span s1 \(QUOTE\) at 0–6 does not match the text of articles\/b\.txt/);
    expect(check.problems.find((p) => p.file === 'annotations/carol/b.txt.json')!.message).toMatch(/newer than this Gloss reads/);
    const warnings = check.warnings.map((w) => w.message).join('\n');
    expect(warnings).toMatch(/annotations\/alice\/a\.txt\.json: articles\/a\.txt changed since this layer was saved; on opening, 0 span\(s\) stay, 1 move/);
    expect(warnings).toMatch(/annotations\/bob\/\.a\.txt\.json\.123\.abcd\.tmp: temporary file left by an interrupted save/);
    expect(warnings).toMatch(/annotations\/alice\/deleted\.txt\.json: annotations of articles\/deleted\.txt, which is not in articles\//);
    expect(check.articles).toBe(3);
  });
});
