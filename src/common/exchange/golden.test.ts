import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectManifest } from '../model';
import { buildExportManifest } from './buildExportManifest';
import type { ExportArticle, ExportFormat, ExportOptions } from './exporter';
import { buildFixture } from './fixtures/fixtureSpans';
import { HUAWEI_FIXTURE } from './fixtures/huaweiFixture';
import { runExport } from './fixtures/runExport';

// Golden files fix the exact output of every format on the sample project. They are written
// only on purpose: GLOSS_UPDATE_GOLDEN=1 npx vitest run src/common/exchange/golden
const UPDATE = process.env.GLOSS_UPDATE_GOLDEN === '1';
const ROOT = join(import.meta.dirname, '../../..');
const PROJECT = join(ROOT, 'projects/huawei-5g');
const GOLDEN = join(import.meta.dirname, 'golden');

function loadProject() {
  const manifest = JSON.parse(readFileSync(join(PROJECT, 'gloss.json'), 'utf8')) as ProjectManifest;
  const articles: ExportArticle[] = readdirSync(join(PROJECT, 'articles')).sort().map((name) => {
    const text = readFileSync(join(PROJECT, 'articles', name), 'utf8');
    return { id: `articles/${name}`, text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
  });
  return { project: { name: manifest.name, schema: manifest.schema }, pairs: buildFixture(articles, HUAWEI_FIXTURE) };
}

const CASES: { file: string; format: ExportFormat; options: ExportOptions }[] = [
  { file: 'huawei-5g.native.jsonl', format: 'native', options: {} },
  { file: 'huawei-5g.doccano.jsonl', format: 'doccano', options: {} },
  { file: 'huawei-5g.doccano-labels.jsonl', format: 'doccano', options: { relations: false } },
  { file: 'huawei-5g.prodigy.jsonl', format: 'prodigy', options: {} },
  { file: 'huawei-5g.hf.jsonl', format: 'hf', options: {} },
  { file: 'huawei-5g.label-studio.json', format: 'label-studio', options: {} },
  { file: 'huawei-5g.w3c.jsonl', format: 'w3c', options: {} },
  { file: 'huawei-5g.clean-text.jsonl', format: 'clean-text', options: {} },
];

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (UPDATE) writeFileSync(path, actual, 'utf8');
  if (!existsSync(path)) throw new Error(`golden file ${name} is missing: run with GLOSS_UPDATE_GOLDEN=1 once, review it, commit it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('golden exports of projects/huawei-5g', () => {
  const { project, pairs } = loadProject();

  for (const c of CASES) {
    it(`${c.format} ${JSON.stringify(c.options)} -> ${c.file}`, () => {
      const { content, sidecars, summary } = runExport(c.format, c.options, project, pairs);
      golden(c.file, content);
      for (const [suffix, text] of Object.entries(sidecars)) golden(c.file + suffix, text);
      expect(summary.records).toBeGreaterThan(0);
    });
  }

  it('summaries (counts and warnings) of every export', () => {
    const summaries: Record<string, unknown> = {};
    for (const c of CASES) summaries[c.file] = runExport(c.format, c.options, project, pairs).summary;
    golden('huawei-5g.summaries.json', JSON.stringify(summaries, null, 2) + '\n');
  });

  it('the manifest of the HuggingFace export', () => {
    const { content, summary } = runExport('hf', {}, project, pairs);
    const manifest = buildExportManifest({
      format: 'hf',
      options: { layer: 'all', labels: null, offsets: null, status: null },
      summary,
      schema: project.schema,
      glossVersion: '0.1.0',
      sha256: createHash('sha256').update(content, 'utf8').digest('hex'),
      outputFile: 'huawei-5g-all-hf.jsonl',
      project: 'huawei-5g',
      sidecars: ['huawei-5g-all-hf.jsonl.labels.json'],
    });
    golden('huawei-5g.hf.jsonl.manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  });
});
