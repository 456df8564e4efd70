import { beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testDoc } from '../common/agreement/testDocs';
import { formatScore } from '../common/review/formatAgreement';
import { ProjectStore, sha256 } from '../node/projectStore';
import { projectAgreement } from '../node/projectAgreement';
import { glossSandbox } from './runGloss.testkit';

const A = 'Huawei said “5G is safe,” the minister said.';
const B = 'Officials said the ban would stay. Huawei denied it.';

const cli = glossSandbox('gloss-cli-agreement-');
const { gloss } = cli;
let dir: string;
let store: ProjectStore;

beforeAll(async () => {
  dir = join(cli.tmp, 'project');
  store = await ProjectStore.init(dir, 'review');
  await writeFile(join(dir, 'articles', 'a.txt'), A);
  await writeFile(join(dir, 'articles', 'b.txt'), B);
  const put = (id: string, text: string, layer: string, specs: Parameters<typeof testDoc>[3], rel: [string, string][] = []) =>
    store.writeLayer(id, layer, { ...testDoc(id, layer, text, specs, rel), sha256: sha256(text) });
  await put('articles/a.txt', A, 'alice', [[12, 25, 'QUOTE', 'aq'], [0, 6, 'SPEAKER', 'as'], [26, 44, 'CLAIM', 'ac']], [['aq', 'as']]);
  await put('articles/a.txt', A, 'bob', [[12, 25, 'QUOTE', 'bq'], [0, 6, 'SPEAKER', 'bs'], [26, 38, 'CLAIM', 'bc']], [['bq', 'bs']]);
  await put('articles/b.txt', B, 'alice', [[0, 34, 'CLAIM', 'a1']]);
  await put('articles/b.txt', B, 'carol', [[0, 34, 'CLAIM', 'c1'], [35, 41, 'SPEAKER', 'c2']]);
});

describe('gloss agreement', () => {
  it('prints computeAgreement\'s report with --json: its keys, null where undefined', async () => {
    const run = await gloss('agreement', dir, '--layers', 'alice,bob', '--json');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['layers', 'by_label', 'overall', 'by_article', 'pairs']);
    expect(report).toEqual((await projectAgreement(store, { layers: ['alice', 'bob'] })).report);
    expect(report.layers).toEqual(['alice', 'bob']);
    expect(Object.keys(report.by_label)).toEqual(['CLAIM', 'QUOTE', 'SPEAKER']);
    expect(report.by_label.QUOTE).toEqual({ f1_exact: 1, f1_overlap: 1, kappa: 1, alpha_u: 1 });
    expect(report.by_label.CLAIM.f1_exact).toBe(0);
    expect(report.overall.attribution).toBe(1);
    expect(report.by_article).toHaveLength(2);
    expect(report.pairs).toHaveLength(1);
  });

  it('gives null for measures undefined on the chosen labels', async () => {
    const run = await gloss('agreement', dir, '--layers', 'alice,bob', '--labels', 'BOILERPLATE', '--json');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.by_label.BOILERPLATE).toEqual({ f1_exact: null, f1_overlap: null, kappa: null, alpha_u: null });
    expect(run.stdout).toContain('"f1_exact":null');
  });

  it('prints a readable table with the same figures (three decimals, n/a for undefined)', async () => {
    const run = await gloss('agreement', dir, '--layers', 'alice,bob,carol');
    expect(run.code, run.stderr).toBe(0);
    const { report } = await projectAgreement(store, { layers: ['alice', 'bob', 'carol'] });
    expect(run.stdout).toMatch(/^Agreement of alice, bob, carol over 2 articles \(kappa: Fleiss' kappa; F1 and attribution: mean over pairs\)/);
    const row = (name: string) => run.stdout.split('\n').find((l) => l.startsWith(name + ' '))!.trim().split(/\s+/).slice(-4);
    for (const label of Object.keys(report.by_label)) {
      const s = report.by_label[label];
      expect(row(label)).toEqual([s.f1_exact, s.f1_overlap, s.kappa, s.alpha_u].map(formatScore));
    }
    expect(run.stdout).toContain('alice / carol');
    expect(run.stdout).toMatch(/Articles by disagreement/);
    expect(run.stdout).toContain('n/a');
  });

  it.each([
    [['--layers', 'alice'], /at least two layers/],
    [['--layers', 'alice,alice'], /chosen twice/],
    [['--layers', 'alice,dave'], /Unknown layer "dave"; the project has alice, bob, carol/],
    [[], /needs --layers/],
    [['--layers', 'alice,bob', '--format', 'x'], /Unknown option/],
  ])('exits 2 on a usage error (%j)', async (args, message) => {
    const run = await gloss('agreement', dir, ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('exits 1 when the folder is not a project', async () => {
    const run = await gloss('agreement', join(cli.tmp, 'nothing'), '--layers', 'a,b');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/does not exist/);
  });
});
