import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError, validateArgs } from '../common/api';
import { expectApiError } from '../common/expectApiError.testkit';
import { computeAgreement } from '../common/agreement';
import { testDoc } from '../common/agreement/testDocs';
import type { LayerDoc } from '../common/model';
import { acceptAgreedInProject, projectAgreement } from './projectAgreement';
import type { ProjectStore } from './projectStore';
import { REVIEW_A as A, REVIEW_B as B, seedReviewProject } from './reviewProject.testkit';
import { GlossService } from './glossService';
import type { SettingsStore } from './settingsStore';

const NOW = '2026-11-25T10:00:00Z';

let tmp: string;
let store: ProjectStore;
let docs: Record<string, Record<string, LayerDoc>>;

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gloss-agreement-'));
  ({ store, docs } = await seedReviewProject(join(tmp, 'project')));
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('projectAgreement', () => {
  it('gives computeAgreement over every article, a missing file counting as an empty layer', async () => {
    const { report, warnings } = await projectAgreement(store, { layers: ['alice', 'bob'] });
    expect(warnings).toEqual([]);
    const expected = computeAgreement({ articles: [{ id: 'articles/a.txt', text: A }, { id: 'articles/b.txt', text: B }], layers: docs }, { layers: ['alice', 'bob'] });
    expect(report).toEqual(expected);
    expect(report.by_article.map((a) => [a.id, a.disagreements])).toEqual([['articles/a.txt', 1], ['articles/b.txt', 1]]);
    expect(report.overall.attribution).toBe(1);
    expect(report.by_label.QUOTE.f1_exact).toBe(1);
  });

  it('takes labels and articles, and three layers', async () => {
    const { report } = await projectAgreement(store, { layers: ['alice', 'bob', 'carol'], labels: ['CLAIM'], articles: ['articles/b.txt'] });
    expect(Object.keys(report.by_label)).toEqual(['CLAIM']);
    expect(report.by_article.map((a) => a.id)).toEqual(['articles/b.txt']);
    expect(report.pairs.map((p) => `${p.a}/${p.b}`)).toEqual(['alice/bob', 'alice/carol', 'bob/carol']);
    expect(report.pairs[1].overall.f1_exact).toBe(1);
  });

  it('refuses fewer than two layers, a layer twice, an unknown layer and an unknown article', async () => {
    expect((await expectApiError(projectAgreement(store, { layers: ['alice'] }))).code).toBe('BAD_LAYERS');
    expect((await expectApiError(projectAgreement(store, { layers: ['alice', 'alice'] }))).code).toBe('BAD_LAYERS');
    const unknown = await expectApiError(projectAgreement(store, { layers: ['alice', 'dave'] }));
    expect(unknown.code).toBe('UNKNOWN_LAYER');
    expect(unknown.message).toMatch(/"dave".*alice, bob, carol/);
    expect((await expectApiError(projectAgreement(store, { layers: ['alice', 'bob'], articles: ['articles/zzz.txt'] }))).code).toBe('NOT_FOUND');
  });
});

describe('acceptAgreedInProject', () => {
  it('writes the agreed spans and links into gold for every article, once', async () => {
    const first = await acceptAgreedInProject(store, { layers: ['alice', 'bob'] }, NOW);
    expect(first).toEqual({ articles: 1, spans: 2, relations: 1, warnings: [] });
    const gold = await store.readLayer('articles/a.txt', 'gold');
    expect(gold.spans.map((s) => [s.text, s.origin, s.sources])).toEqual([
      ['Huawei', 'adjudicated:alice+bob', ['alice', 'bob']],
      ['“5G is safe,”', 'adjudicated:alice+bob', ['alice', 'bob']],
    ]);
    expect(gold.relations).toHaveLength(1);
    expect(await store.readLayerFile('articles/b.txt', 'gold')).toBeNull();
    expect(await acceptAgreedInProject(store, { layers: ['alice', 'bob'] }, NOW)).toEqual({ articles: 0, spans: 0, relations: 0, warnings: [] });
    const carol = await acceptAgreedInProject(store, { layers: ['alice', 'carol'], articles: ['articles/b.txt'] }, NOW);
    expect(carol).toMatchObject({ articles: 1, spans: 1 });
    expect((await store.listLayers())).toContain('gold');
  });

  it('refuses gold as a layer to adjudicate from', async () => {
    await acceptAgreedInProject(store, { layers: ['alice', 'bob'] }, NOW);
    expect((await expectApiError(acceptAgreedInProject(store, { layers: ['alice', 'gold'] }, NOW))).code).toBe('BAD_LAYERS');
  });
});

describe('GlossService review methods', () => {
  const settings = { get: async () => ({ annotator: 'rev', recentProjects: [] }), addRecent: async () => undefined, update: async () => ({ annotator: 'rev', recentProjects: [] }) } as unknown as SettingsStore;

  it('getLayers gives every layer of an article, empty where there is no file', async () => {
    const service = new GlossService({ settings, transport: 'http' });
    await service.openProject(join(tmp, 'project'));
    const all = await service.getLayers('articles/b.txt');
    expect(Object.keys(all)).toEqual(['alice', 'bob', 'carol']);
    expect(all.bob.spans).toEqual([]);
    expect(all.carol.spans.map((s) => s.text)).toEqual(['Officials said the ban would stay.', 'Huawei']);
    expect(Object.keys(await service.getLayers('articles/a.txt', ['bob', 'gold']))).toEqual(['bob', 'gold']);
    const { report } = await service.computeAgreement({ layers: ['alice', 'bob'] });
    expect(report).toEqual((await projectAgreement(store, { layers: ['alice', 'bob'] })).report);
    expect(await service.acceptAgreed({ layers: ['alice', 'bob'], articles: ['articles/a.txt'] })).toMatchObject({ articles: 1, spans: 2 });
  });
});

describe('argument validation of the review methods', () => {
  const bad = (method: string, args: unknown[]) => {
    try {
      validateArgs(method, args);
    } catch (error) {
      return (error as ApiError).message;
    }
    return null;
  };

  it('accepts well-formed requests and refuses the rest before they reach the disk', () => {
    expect(validateArgs('computeAgreement', [{ layers: ['alice', 'bob'], labels: ['CLAIM'], articles: ['articles/a.txt'] }])).toEqual([{ layers: ['alice', 'bob'], labels: ['CLAIM'], articles: ['articles/a.txt'] }]);
    expect(bad('computeAgreement', [{ layers: ['alice'] }])).toMatch(/layers: choose at least two layers/);
    expect(bad('acceptAgreed', [{ layers: ['alice', 'alice'] }])).toMatch(/chosen twice/);
    expect(bad('acceptAgreed', [{ layers: ['alice', '../x'] }])).toMatch(/Bad arguments for acceptAgreed/);
    expect(bad('computeAgreement', [{ layers: ['alice', 'bob'], articles: ['articles/../../etc/passwd'] }])).toMatch(/inside the project/);
    expect(bad('computeAgreement', [{ layers: ['alice', 'bob'], extra: 1 }])).toMatch(/Bad arguments/);
    expect(validateArgs('getLayers', ['articles/a.txt'])).toEqual(['articles/a.txt']);
    expect(bad('getLayers', ['articles/a.txt', ['.hidden']])).toMatch(/Bad arguments for getLayers/);
    expect(bad('saveLayer', ['articles/a.txt', 'gold', { ...testDoc('articles/a.txt', 'gold', A, [[0, 6, 'SPEAKER']]), spans: [{ ...testDoc('articles/a.txt', 'gold', A, [[0, 6, 'SPEAKER']]).spans[0], sources: ['../bob'] }] }])).toMatch(/sources/);
  });
});
