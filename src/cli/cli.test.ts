import { describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { COMMAND_SUMMARIES } from './commands';
import { glossSandbox } from './runGloss.testkit';

const SAMPLE = 'projects/huawei-5g';
const cli = glossSandbox('gloss-cli-');
const { gloss } = cli;

describe('gloss export', () => {
  it('prints one native JSON line per article, with empty spans for a layer nobody annotated', async () => {
    const run = await gloss('export', SAMPLE, '--format', 'native', '--layer', 'demo');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    const lines = run.stdout.slice(0, -1).split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      const record = JSON.parse(line);
      expect(record).toMatchObject({ layer: 'demo', spans: [] });
      expect(record.id).toMatch(/^articles\/00\d_[0-9a-f]{16}\.txt$/);
      expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(record.meta.offsets).toBe('codepoint');
    }
  });

  it('exits 2 with a message on stderr for an unknown format', async () => {
    const run = await gloss('export', SAMPLE, '--format', 'excel');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown format "excel"/);
    expect(run.stdout).toBe('');
  });
});

describe('gloss usage', () => {
  it('prints the overview with --help and exits 0', async () => {
    const run = await gloss('--help');
    expect(run.code).toBe(0);
    for (const name of Object.keys(COMMAND_SUMMARIES)) expect(run.stdout).toContain(name);
  });

  it.each(Object.keys(COMMAND_SUMMARIES))('prints help for %s with --help and exits 0', async (name) => {
    const run = await gloss(name, '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: gloss ${name}`));
    expect(run.stderr).toBe('');
  });

  it('exits 2 with a message on stderr for an unknown flag', async () => {
    const run = await gloss('validate', SAMPLE, '--frobnicate');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--frobnicate/);
    expect(run.stderr).toMatch(/--help/);
  });

  it('exits 2 for an unknown command', async () => {
    const run = await gloss('frobnicate');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown command "frobnicate"/);
  });
});

describe('gloss validate', () => {
  it('exits 0 on the sample project', async () => {
    const run = await gloss('validate', SAMPLE);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/OK: 5 articles, no problems/);
  });

  it('exits 1 naming a corrupt annotation file and its line', async () => {
    const project = await cli.copyProject('corrupt');
    await mkdir(join(project, 'annotations', 'alice'), { recursive: true });
    await writeFile(join(project, 'annotations', 'alice', '000_d60caff024a14a5b.txt.json'), '{\n  "formatVersion": 1,\n  "spans": [,\n}\n');
    const run = await gloss('validate', project);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/annotations\/alice\/000_d60caff024a14a5b\.txt\.json: not valid JSON at line 3/);
    const json = await gloss('validate', project, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, problems: [{ file: 'annotations/alice/000_d60caff024a14a5b.txt.json', line: 3 }] });
  });
});

describe('gloss validate lists every problem', () => {
  it('names each broken file (conflict markers, newer format, bad JSON) and exits 1', async () => {
    const project = await cli.copyProject('many-problems');
    const dir = join(project, 'annotations', 'alice');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, '000_d60caff024a14a5b.txt.json'), '{\n<<<<<<< HEAD\n  "status": "done"\n=======\n  "status": "todo"\n>>>>>>> bob\n}\n');
    await writeFile(join(dir, '001_60324c60597a4f74.txt.json'), JSON.stringify({ formatVersion: 99, article: 'articles/001_60324c60597a4f74.txt' }));
    await writeFile(join(dir, '002_9edfdb1c8f18fd6b.txt.json'), '{"formatVersion": 1,,}');
    const run = await gloss('validate', project);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/problem: annotations\/alice\/000_d60caff024a14a5b\.txt\.json: git conflict markers at line 2/);
    expect(run.stdout).toMatch(/problem: annotations\/alice\/001_60324c60597a4f74\.txt\.json: format version 99 \(line 1\) is newer/);
    expect(run.stdout).toMatch(/problem: annotations\/alice\/002_9edfdb1c8f18fd6b\.txt\.json: not valid JSON at line 1, column 21/);
    expect(run.stdout).toMatch(/3 problem\(s\) found/);
    const json = JSON.parse((await gloss('validate', project, '--json')).stdout);
    expect(json.problems.map((p: { file: string }) => p.file)).toEqual([
      'annotations/alice/000_d60caff024a14a5b.txt.json',
      'annotations/alice/001_60324c60597a4f74.txt.json',
      'annotations/alice/002_9edfdb1c8f18fd6b.txt.json',
    ]);
  });

  it('names a missing gloss.json and exits 1', async () => {
    const folder = join(cli.tmp, 'not-a-project');
    await mkdir(folder, { recursive: true });
    const run = await gloss('validate', folder, '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, problems: [{ file: 'gloss.json', message: expect.stringMatching(/has no gloss\.json/) }] });
  });
});

describe('gloss init and add', () => {
  it('copies a .txt article byte for byte and refuses to overwrite it', async () => {
    const project = join(cli.tmp, 'fresh project');
    const init = await gloss('init', project, '--name', 'Fresh');
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(await readFile(join(project, 'gloss.json'), 'utf8'))).toMatchObject({ format: 'gloss-project', name: 'Fresh' });

    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Headline “quoted” 🚀\r\n\r\nBody line\twith tab  \r\nlast line without newline', 'utf8')]);
    const source = join(cli.tmp, 'Ünïcode name.txt');
    await writeFile(source, bytes);
    const add = await gloss('add', project, source);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/Added 1 article/);
    expect(Buffer.compare(await readFile(join(project, 'articles', 'Ünïcode name.txt')), bytes)).toBe(0);

    await writeFile(source, 'changed');
    const again = await gloss('add', project, source);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists \(not overwritten\)/);
    expect(Buffer.compare(await readFile(join(project, 'articles', 'Ünïcode name.txt')), bytes)).toBe(0);

    const reinit = await gloss('init', project);
    expect(reinit.code).toBe(1);
    expect(reinit.stderr).toMatch(/already a Gloss project/);
  });
});

describe('gloss on a missing project folder', () => {
  it.each([['validate'], ['export', '--format', 'native'], ['add', 'x.txt']])('%s says the folder does not exist and exits 1', async (command, ...rest) => {
    const missing = join(cli.tmp, 'no-such-project');
    const run = await gloss(command, missing, ...rest);
    expect(run.code).toBe(1);
    expect(run.stderr + run.stdout).toContain(`${missing} does not exist`);
    expect(run.stderr).not.toMatch(/at .*\.(ts|mjs):\d+/);
  });

  it('says a folder without gloss.json is not a project yet and how to start one', async () => {
    const run = await gloss('export', cli.tmp, '--format', 'native');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/has no gloss\.json: it is not a Gloss project yet/);
    expect(run.stderr).toMatch(/gloss init/);
  });
});
