// gloss add / import / export / stats, run as a user runs them: `node bin/gloss.mjs ...` in
// temp folders, checking stdout, stderr, exit codes and the files left behind.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildFixture } from '../common/exchange/fixtures/fixtureSpans';
import { HUAWEI_FIXTURE } from '../common/exchange/fixtures/huaweiFixture';
import { UNICODE_ARTICLES, UNICODE_FIXTURE } from '../common/exchange/fixtures/unicodeFixture';
import { ProjectStore } from '../node/projectStore';
import { glossSandbox, SAMPLE_PROJECT } from './runGloss.testkit';

const cli = glossSandbox('gloss-io-');
const { gloss } = cli;
/** The sample project plus four Unicode articles, with layers alice (every article) and gold (one). */
let annotated: string;
/** Every article file of `annotated`, to add to fresh projects. */
let articleFiles: string;

const hash = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const lines = (text: string) => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, any>);
const A2 = 'articles/002_9edfdb1c8f18fd6b.txt';
const QUOTE_2 = '“We engage with countries around the world about our concerns regarding cyberthreats in telecommunications infrastructure,”';

/** A fresh project with the same articles as `annotated`, named like it. */
async function freshProject(name: string): Promise<string> {
  const dir = join(cli.tmp, name);
  expect((await gloss('init', dir, '--name', 'huawei-5g')).code).toBe(0);
  const add = await gloss('add', dir, articleFiles);
  expect(add.code, add.stderr).toBe(0);
  return dir;
}

/** Every file under a folder with its sha256, to prove that nothing changed. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const item of await readdir(d, { withFileTypes: true })) {
      const abs = join(d, item.name);
      if (item.isDirectory()) await walk(abs);
      else out[abs.slice(dir.length + 1)] = hash(await readFile(abs));
    }
  };
  await walk(dir);
  return out;
}

beforeAll(async () => {
  annotated = await cli.copyProject('annotated', SAMPLE_PROJECT, (src) => !src.includes(`${join(SAMPLE_PROJECT, 'annotations')}`));
  for (const [id, text] of Object.entries(UNICODE_ARTICLES)) await writeFile(join(annotated, id), text);
  const store = await ProjectStore.open(annotated);
  const articles = [];
  for (const entry of (await store.scanArticles()).articles) {
    const a = await store.readArticle(entry.id);
    articles.push({ id: a.id, text: a.text, sha256: a.sha256 });
  }
  for (const { doc } of [...buildFixture(articles, HUAWEI_FIXTURE), ...buildFixture(articles, UNICODE_FIXTURE)]) await store.writeLayer(doc.article, doc.layer, doc);
  articleFiles = join(annotated, 'articles');
}, 120_000);

describe('native round trip through the CLI', () => {
  it('export -> init + add the same articles + import per layer -> export gives the same file', async () => {
    const first = join(cli.tmp, 'round-1.jsonl');
    const exported = await gloss('export', annotated, '--format', 'native', '--layer', 'all', '--out', first);
    expect(exported.code, exported.stderr).toBe(0);
    const records = lines(await readFile(first, 'utf8'));
    expect(new Set(records.map((r) => r.layer))).toEqual(new Set(['alice', 'gold']));
    expect(records.reduce((n, r) => n + r.spans.length, 0)).toBeGreaterThan(20);

    const fresh = await freshProject('round-fresh');
    const several = await gloss('import', fresh, first, '--layer', 'alice');
    expect(several.code).toBe(2);
    expect(several.stderr).toMatch(/holds the layers alice, gold; choose the one to import with --from-layer/);
    for (const layer of ['alice', 'gold']) {
      const run = await gloss('import', fresh, first, '--layer', layer, '--from-layer', layer);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Imported \\d+ span\\(s\\) and \\d+ relation\\(s\\) for \\d+ article\\(s\\) \\(\\d+ created\\) in layer ${layer}`));
    }
    const second = join(cli.tmp, 'round-2.jsonl');
    expect((await gloss('export', fresh, '--format', 'native', '--layer', 'all', '--out', second)).code).toBe(0);
    // Identical bytes: ids, offsets, text, attrs, origin, createdAt/updatedAt, status, relations, meta.
    expect(await readFile(second, 'utf8')).toBe(await readFile(first, 'utf8'));
    const m1 = JSON.parse(await readFile(`${first}.manifest.json`, 'utf8'));
    const m2 = JSON.parse(await readFile(`${second}.manifest.json`, 'utf8'));
    expect(m2.sha256).toBe(m1.sha256);
  });

  it('imports doccano, Prodigy and Label Studio exports back into a fresh layer', async () => {
    const fresh = await freshProject('shapes-fresh');
    for (const [format, ext] of [['doccano', 'jsonl'], ['prodigy', 'jsonl'], ['label-studio', 'json']] as const) {
      const file = join(cli.tmp, `shape.${format}.${ext}`);
      expect((await gloss('export', annotated, '--format', format, '--layer', 'alice', '--out', file)).code).toBe(0);
      const run = await gloss('import', fresh, file, '--layer', `from-${format}`, '--json');
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report).toMatchObject({ ok: true, written: true, layer: `from-${format}`, problems: [] });
      expect(report.spans).toBeGreaterThan(20);
    }
    const stats = JSON.parse((await gloss('stats', fresh, '--json')).stdout);
    // Prodigy widens spans to whole tokens, so its texts differ, never its counts.
    expect(stats.layers['from-doccano'].labels).toEqual(stats.layers['from-label-studio'].labels);
    expect(stats.layers['from-prodigy'].labels).toEqual(stats.layers['from-doccano'].labels);
    const aliceRelations = [...HUAWEI_FIXTURE, ...UNICODE_FIXTURE].filter((d) => d.layer === 'alice').reduce((n, d) => n + (d.relations?.length ?? 0), 0);
    for (const format of ['doccano', 'prodigy', 'label-studio']) expect(stats.layers[`from-${format}`].relations).toBe(aliceRelations);
  });
});

describe('gloss import refuses bad input and changes nothing', () => {
  const record = (spans: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ id: A2, spans, ...extra });
  const quoteStart = async () => {
    const text = await readFile(join(annotated, A2), 'utf8');
    return Array.from(text.slice(0, text.indexOf(QUOTE_2))).length;
  };

  it.each([
    ['offsets out of range', async () => [record([{ start: 5, end: 999_999, label: 'CLAIM' }])], /:1: .*offsets 5\.\.999999 are outside the article \(0\.\.\d+ code points\)/],
    ['span text mismatching the article', async () => [record([{ start: await quoteStart(), end: (await quoteStart()) + 5, label: 'QUOTE', text: 'Hello' }])], /:1: .*its text "Hello" is not the article's text at \d+\.\.\d+/],
    ['an unknown label', async () => ['', record([{ start: 0, end: 3, label: 'PERSON' }])], /:2: .*label PERSON is not in the schema/],
    ['two records for one article', async () => [record([{ start: 0, end: 3, label: 'CLAIM' }]), record([{ start: 4, end: 10, label: 'CLAIM' }])], /:2: .*article .* was already imported from line 1/],
    ['duplicate span ids', async () => [record([{ id: 'x', start: 0, end: 3, label: 'CLAIM' }, { id: 'x', start: 4, end: 9, label: 'CLAIM' }])], /:1: .*span x skipped: the record has another span with this id/],
    ['an id leaving the project', async () => [JSON.stringify({ id: '../../etc/passwd', text: 'root', spans: [] })], /:1: .*tries to leave the project/],
    ['an absolute id', async () => [JSON.stringify({ id: '/etc/passwd', spans: [{ start: 0, end: 1, label: 'CLAIM' }] })], /:1: .*tries to leave the project/],
    ['malformed JSON', async () => [record([{ start: 0, end: 3, label: 'CLAIM' }]), '{"id": "x", "spans": [', record([])], /:2: malformed JSON/],
    ['a record for no article', async () => [JSON.stringify({ text: 'Not an article of this project.', spans: [{ start: 0, end: 3, label: 'CLAIM' }] })], /:1: .*no article with this text/],
  ])('%s: names the line, exits 1, writes nothing', async (_name, make, message) => {
    const project = await freshProject(`bad-${_name.replace(/\W+/g, '-')}`);
    const file = join(cli.tmp, `bad-${_name.replace(/\W+/g, '-')}.jsonl`);
    await writeFile(file, (await make()).join('\n') + '\n');
    const before = await snapshot(project);
    const run = await gloss('import', project, file, '--layer', 'alice');
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/nothing was imported/);
    expect(run.stdout).toBe('');
    expect(await snapshot(project)).toEqual(before);
    const json = await gloss('import', project, file, '--layer', 'alice', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, written: false, problems: expect.arrayContaining([expect.objectContaining({ line: expect.any(Number) })]) });
  });

  it('--skip-invalid imports the valid spans and lists what it skipped', async () => {
    const project = await freshProject('skip-invalid');
    const file = join(cli.tmp, 'skip-invalid.jsonl');
    const start = await quoteStart();
    await writeFile(file, [
      record([{ start, end: start + Array.from(QUOTE_2).length, label: 'QUOTE' }, { start: 0, end: 3, label: 'PERSON' }]),
      'not json',
    ].join('\n'));
    const run = await gloss('import', project, file, '--layer', 'alice', '--skip-invalid');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Imported 1 span\(s\) and 0 relation\(s\) for 1 article\(s\).*2 problem\(s\) skipped/);
    expect(run.stderr).toMatch(/skipped: .*:1: .*label PERSON/);
    expect(run.stderr).toMatch(/skipped: .*:2: malformed JSON/);
    const doc = JSON.parse(await readFile(join(project, 'annotations', 'alice', '002_9edfdb1c8f18fd6b.txt.json'), 'utf8'));
    expect(doc.spans).toMatchObject([{ id: 's1', label: 'QUOTE', text: QUOTE_2, origin: 'import:skip-invalid.jsonl' }]);
  });

  it('refuses to touch a layer that already has spans unless --replace or --merge', async () => {
    const project = await freshProject('existing');
    const start = await quoteStart();
    const end = start + Array.from(QUOTE_2).length;
    const file1 = join(cli.tmp, 'existing-1.jsonl');
    await writeFile(file1, JSON.stringify({ id: A2, label: [[start, end, 'QUOTE']] }) + '\n');
    expect((await gloss('import', project, file1, '--layer', 'bob')).code).toBe(0);
    const file2 = join(cli.tmp, 'existing-2.jsonl');
    await writeFile(file2, JSON.stringify({ id: A2, label: [[start, end, 'QUOTE'], [0, 3, 'CLAIM']] }) + '\n');
    const layerFile = join(project, 'annotations', 'bob', '002_9edfdb1c8f18fd6b.txt.json');
    const before = await readFile(layerFile, 'utf8');

    const refused = await gloss('import', project, file2, '--layer', 'bob');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/:1: .*layer bob already has 1 span\(s\) for articles\/002_9edfdb1c8f18fd6b\.txt; use --replace .* or --merge/);
    expect(await readFile(layerFile, 'utf8')).toBe(before);

    const merged = await gloss('import', project, file2, '--layer', 'bob', '--merge', '--json');
    expect(merged.code, merged.stdout).toBe(0);
    expect(JSON.parse(merged.stdout).articles).toEqual([{ article: A2, line: 1, action: 'merged', spans: 1, relations: 0, duplicates: 1 }]);
    const afterMerge = JSON.parse(await readFile(layerFile, 'utf8'));
    expect(afterMerge.spans.map((s: { label: string }) => s.label)).toEqual(['CLAIM', 'QUOTE']);
    expect(new Set(afterMerge.spans.map((s: { id: string }) => s.id)).size).toBe(2);

    const file3 = join(cli.tmp, 'existing-3.jsonl');
    await writeFile(file3, JSON.stringify({ id: A2, label: [[0, 3, 'BOILERPLATE']] }) + '\n');
    const replaced = await gloss('import', project, file3, '--layer', 'bob', '--replace');
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toMatch(/1 replaced/);
    expect(JSON.parse(await readFile(layerFile, 'utf8')).spans.map((s: { label: string }) => s.label)).toEqual(['BOILERPLATE']);
    // The replaced version is kept as the layer's backup.
    const backup = JSON.parse(await readFile(join(project, 'annotations', '.backup', 'bob', '002_9edfdb1c8f18fd6b.txt.json'), 'utf8'));
    expect(backup.spans.map((s: { label: string }) => s.label)).toEqual(['CLAIM', 'QUOTE']);
    expect((await gloss('import', project, file3, '--layer', 'bob', '--replace', '--merge')).code).toBe(2);
  });

  it('--dry-run checks and writes nothing; usage errors exit 2', async () => {
    const project = await freshProject('dry-run');
    const file = join(cli.tmp, 'dry.jsonl');
    await writeFile(file, JSON.stringify({ id: A2, label: [[0, 3, 'CLAIM']] }) + '\n');
    const before = await snapshot(project);
    const run = await gloss('import', project, file, '--layer', 'alice', '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Would import 1 span/);
    expect(await snapshot(project)).toEqual(before);
    expect((await gloss('import', project, file)).code).toBe(2);
    expect((await gloss('import', project, file, '--layer', '../x')).code).toBe(2);
    expect((await gloss('import', project, file, '--layer', 'all')).code).toBe(2);
    expect((await gloss('import', project, file, '--layer', 'a', '--offsets', 'bytes')).code).toBe(2);
    const missing = await gloss('import', project, join(cli.tmp, 'no-such.jsonl'), '--layer', 'a');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no-such\.jsonl does not exist/);
  });
});

describe('gloss add', () => {
  it('adds an HTML page as its visible text (no scripts, styles or hidden parts) and keeps the original', async () => {
    const project = join(cli.tmp, 'html');
    expect((await gloss('init', project)).code).toBe(0);
    const page = join(cli.tmp, 'Story page.html');
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>The  Title</title><style>p { color: red }</style>
      <script>document.write("injected")</script></head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
      <h1>Huawei “banned”</h1><p>First paragraph, café 😀.</p><p hidden>hidden text</p><div style="display:none">invisible</div>
      <script>var secret = 1;</script><noscript>Enable JavaScript</noscript><p>Second<br>line</p><footer>© 2026 Paper</footer></body></html>`;
    await writeFile(page, html);
    const run = await gloss('add', project, page, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, added: ['articles/Story page.txt'], failed: [] });
    const text = await readFile(join(project, 'articles', 'Story page.txt'), 'utf8');
    expect(text).toBe('Home | World\nHuawei “banned”\nFirst paragraph, café 😀.\nSecond\nline\n© 2026 Paper\n');
    for (const never of ['injected', 'secret', 'hidden text', 'invisible', 'Enable JavaScript', 'color: red', 'The Title']) expect(text).not.toContain(never);
    expect(await readFile(join(project, 'sources', 'Story page.html'), 'utf8')).toBe(html);
    expect(JSON.parse(await readFile(join(project, 'sources', 'Story page.txt.meta.json'), 'utf8'))).toEqual({ title: 'The Title', source: 'sources/Story page.html' });
    expect((await gloss('validate', project)).code).toBe(0);
    const again = await gloss('add', project, page);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/articles\/Story page\.txt already exists \(not overwritten\)/);
  });

  it('adds nothing from a JSONL file with a malformed line; --skip-invalid adds the good ones and counts the rest', async () => {
    const project = join(cli.tmp, 'jsonl');
    expect((await gloss('init', project)).code).toBe(0);
    const file = join(cli.tmp, 'batch.jsonl');
    await writeFile(file, [
      JSON.stringify({ id: 'reuters/0001', text: 'First article.\nSecond line 😀.', meta: { url: 'https://example.com/1', date: '2026-01-01' } }),
      '{"id": "broken", "text": ',
      JSON.stringify({ text: 'An article without id.' }),
      JSON.stringify({ id: '../escape', text: 'Trying to leave.' }),
      JSON.stringify({ id: 'reuters/0001', text: 'Same id again.' }),
      JSON.stringify({ id: 'articles/native.txt', text: 'Id from a Gloss export.' }),
      JSON.stringify({ id: 'bad:name?', text: 'Characters some systems forbid.' }),
      JSON.stringify({ id: 'empty', text: '' }),
      '',
    ].join('\n'));
    const refused = await gloss('add', project, file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/batch\.jsonl: 4 invalid line\(s\), nothing added from this file/);
    expect(refused.stderr).toMatch(/batch\.jsonl:2: malformed JSON/);
    expect(refused.stderr).toMatch(/batch\.jsonl:4: id "\.\.\/escape" tries to leave the project/);
    expect(refused.stderr).toMatch(/batch\.jsonl:5: duplicate id "reuters\/0001" \(first on line 1\)/);
    expect(refused.stderr).toMatch(/batch\.jsonl:8: "text" must be a non-empty string/);
    expect(await readdir(join(project, 'articles'))).toEqual([]);

    const run = await gloss('add', project, file, '--skip-invalid', '--json');
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.added).toEqual(['articles/reuters/0001.txt', 'articles/batch-3.txt', 'articles/native.txt', 'articles/bad_name_.txt']);
    expect(result.skipped.map((s: { line: number }) => s.line)).toEqual([2, 4, 5, 8]);
    expect(await readFile(join(project, 'articles', 'reuters', '0001.txt'), 'utf8')).toBe('First article.\nSecond line 😀.');
    expect(JSON.parse(await readFile(join(project, 'sources', 'reuters', '0001.txt.meta.json'), 'utf8'))).toEqual({ url: 'https://example.com/1', date: '2026-01-01' });

    // The same ids again: reported as duplicates, nothing overwritten.
    const again = await gloss('add', project, file, '--skip-invalid');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Added 0 article\(s\), skipped 8 invalid line\(s\)/);
    expect(again.stderr).toMatch(/batch\.jsonl:1: duplicate id: articles\/reuters\/0001\.txt is already in the project/);

    // The metadata travels into the exports that have a meta field.
    const prodigy = lines((await gloss('export', project, '--format', 'prodigy', '--layer', 'x')).stdout);
    expect(prodigy.find((r) => r.meta.id === 'articles/reuters/0001.txt')!.meta).toMatchObject({ url: 'https://example.com/1', date: '2026-01-01', layer: 'x' });
  });
});

describe('gloss export', () => {
  it('--out writes the file, a manifest with its sha256, counts and schema, and the hf sidecar', async () => {
    const out = join(cli.tmp, 'exports', 'train.jsonl');
    const run = await gloss('export', annotated, '--format', 'hf', '--layer', 'alice', '--out', out, '--json');
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    const bytes = await readFile(out);
    expect(summary).toMatchObject({ ok: true, file: out, manifest: `${out}.manifest.json`, sidecars: [`${out}.labels.json`], bytes: bytes.length, sha256: hash(bytes) });
    const manifest = JSON.parse(await readFile(`${out}.manifest.json`, 'utf8'));
    expect(manifest).toMatchObject({
      format: 'gloss-export', exportFormat: 'hf', file: 'train.jsonl', sha256: hash(bytes), offsets: null, glossVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
      project: 'huawei-5g', options: { layer: 'alice', layers: ['alice'] }, sidecars: ['train.jsonl.labels.json'], records: 9,
    });
    expect(manifest.schema.labels.map((l: { name: string }) => l.name)).toEqual(['CLAIM', 'QUOTE', 'SPEAKER', 'BOILERPLATE']);
    expect(Object.keys(manifest.countsByLabel).sort()).toEqual(['BOILERPLATE', 'CLAIM', 'QUOTE', 'SPEAKER']);
    expect(manifest.countsByLayer).toEqual({ alice: manifest.spans });
    const labels = JSON.parse(await readFile(`${out}.labels.json`, 'utf8'));
    expect(labels.names[0]).toBe('O');
    // No temp files left beside the export.
    expect((await readdir(join(cli.tmp, 'exports'))).sort()).toEqual(['train.jsonl', 'train.jsonl.labels.json', 'train.jsonl.manifest.json']);
  });

  it('--offsets defaults per format: utf16 for Label Studio, code points otherwise; the help says so', async () => {
    const help = await gloss('export', '--help');
    expect(help.stdout).toMatch(/codepoint[\s\S]*for native, doccano, prodigy and w3c; utf16\s+for\s+label-studio/);
    const ls = join(cli.tmp, 'ls.json');
    expect((await gloss('export', annotated, '--format', 'label-studio', '--layer', 'alice', '--out', ls)).code).toBe(0);
    expect(JSON.parse(await readFile(`${ls}.manifest.json`, 'utf8')).offsets).toBe('utf16');
    const tasks = JSON.parse(await readFile(ls, 'utf8'));
    const emoji = tasks.find((t: { data: { gloss_id: string } }) => t.data.gloss_id === 'articles/emoji.txt');
    for (const r of emoji.annotations[0].result.filter((x: { type: string }) => x.type === 'labels')) {
      expect(emoji.data.text.slice(r.value.start, r.value.end)).toBe(r.value.text); // UTF-16, as JavaScript and Label Studio count
    }
    const cp = join(cli.tmp, 'ls-cp.json');
    expect((await gloss('export', annotated, '--format', 'label-studio', '--layer', 'alice', '--offsets', 'codepoint', '--out', cp)).code).toBe(0);
    expect(JSON.parse(await readFile(`${cp}.manifest.json`, 'utf8')).offsets).toBe('codepoint');
  });

  it('--status and --labels filter; --no-relations drops relations', async () => {
    const done = lines((await gloss('export', annotated, '--format', 'native', '--layer', 'alice', '--status', 'done', '--labels', 'QUOTE,SPEAKER', '--no-relations')).stdout);
    expect(done.length).toBeGreaterThan(0);
    expect(done.every((r) => r.status === 'done')).toBe(true);
    expect(new Set(done.flatMap((r) => r.spans.map((s: { label: string }) => s.label)))).toEqual(new Set(['QUOTE', 'SPEAKER']));
    expect(done.every((r) => r.relations.length === 0)).toBe(true);
  });

  it.each([
    [['--format', 'w3c', '--offsets', 'utf16'], /w3c offsets are code points/],
    [['--format', 'native', '--labels', 'PERSON'], /--labels: PERSON not in the project's schema/],
    [['--format', 'native', '--status', 'finished'], /Unknown status "finished"/],
    [['--format', 'native', '--layer', '../x'], /is not a layer name/],
    [['--format', 'native', '--json'], /--json needs --out/],
  ])('exits 2 for %j', async (args, message) => {
    const run = await gloss('export', annotated, ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('exits 1 naming an annotation file it cannot read, and still writes the rest', async () => {
    const project = await cli.copyProject('corrupt-export', annotated);
    await writeFile(join(project, 'annotations', 'alice', 'emoji.txt.json'), '{"formatVersion": 1,,}');
    const out = join(cli.tmp, 'corrupt.jsonl');
    const run = await gloss('export', project, '--format', 'native', '--layer', 'alice', '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/articles\/emoji\.txt \(layer alice\) not exported: annotations\/alice\/emoji\.txt\.json: not valid JSON at line 1/);
    expect(lines(await readFile(out, 'utf8'))).toHaveLength(8);
    expect(JSON.parse(await readFile(`${out}.manifest.json`, 'utf8')).warnings.join('\n')).toMatch(/emoji\.txt \(layer alice\) not exported/);
  });
});

describe('gloss stats', () => {
  it('counts articles, statuses per layer and spans per label per layer', async () => {
    const run = await gloss('stats', annotated, '--json');
    expect(run.code, run.stderr).toBe(0);
    const s = JSON.parse(run.stdout);
    expect(s.articles).toBe(9);
    expect(Object.keys(s.layers)).toEqual(['alice', 'gold']);
    expect(s.layers.gold).toMatchObject({ files: 1, status: { todo: 8, in_progress: 0, done: 1, skipped: 0 }, relations: 1 });
    const alice = HUAWEI_FIXTURE.concat(UNICODE_FIXTURE).filter((d) => d.layer === 'alice');
    expect(s.layers.alice.files).toBe(alice.length);
    const expected: Record<string, number> = {};
    for (const d of alice) for (const span of d.spans) expected[span.label] = (expected[span.label] ?? 0) + 1;
    expect(s.layers.alice.labels).toEqual(expected);
    expect(s.layers.alice.spans).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    const text = await gloss('stats', annotated);
    expect(text.stdout).toMatch(/^huawei-5g: 9 article\(s\)/);
    expect(text.stdout).toMatch(/layer gold: 1 annotated file\(s\), 3 span\(s\), 1 relation\(s\)\n  status: todo 8, in_progress 0, done 1, skipped 0\n/);
    expect(text.stdout).toMatch(/\n  QUOTE +\d+\n/);
  });

  it('exits 1 listing an annotation file it cannot read', async () => {
    const project = await cli.copyProject('corrupt-stats', annotated);
    await mkdir(join(project, 'annotations', 'bob'), { recursive: true });
    await writeFile(join(project, 'annotations', 'bob', 'cjk.txt.json'), '<<<<<<< HEAD\n');
    const run = await gloss('stats', project, '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).problems).toMatchObject([{ file: 'annotations/bob/cjk.txt.json', line: 1 }]);
    expect((await stat(join(project, 'annotations', 'bob', 'cjk.txt.json'))).size).toBe(13);
  });
});
