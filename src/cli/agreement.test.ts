import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { formatScore } from '../common/review/formatAgreement';
import type { ProjectStore } from '../node/projectStore';
import { seedReviewProject } from '../node/reviewProject.testkit';
import { projectAgreement } from '../node/projectAgreement';
import { glossSandbox } from './runGloss.testkit';

const cli = glossSandbox('gloss-cli-agreement-');
const { gloss } = cli;
let dir: string;
let store: ProjectStore;

beforeAll(async () => {
  dir = join(cli.tmp, 'project');
  ({ store } = await seedReviewProject(dir));
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
