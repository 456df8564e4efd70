import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultSchema } from '../model';
import type { ExportArticle, ExportFormat, ExportOptions } from './exporter';
import { buildFixture } from './fixtures/fixtureSpans';
import { HUAWEI_FIXTURE } from './fixtures/huaweiFixture';
import { runExport } from './fixtures/runExport';
import { UNICODE_ARTICLES, UNICODE_FIXTURE } from './fixtures/unicodeFixture';

// Every format, written to disk and read back by a Python consumer (check_export.py) that
// checks offsets, tokens, hashes and policies with Python's own string semantics.
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function pairs() {
  const dir = join(import.meta.dirname, '../../../projects/huawei-5g/articles');
  const huawei: ExportArticle[] = readdirSync(dir).sort().map((name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    return { id: `articles/${name}`, text, sha256: sha(text) };
  });
  const unicode: ExportArticle[] = Object.entries(UNICODE_ARTICLES).map(([id, text]) => ({ id, text, sha256: sha(text) }));
  return [...buildFixture(huawei, HUAWEI_FIXTURE), ...buildFixture(unicode, UNICODE_FIXTURE)];
}

const FILES: { file: string; format: ExportFormat; options: ExportOptions }[] = [
  { file: 'native.jsonl', format: 'native', options: {} },
  { file: 'native-utf16.jsonl', format: 'native', options: { offsets: 'utf16' } },
  { file: 'doccano.jsonl', format: 'doccano', options: {} },
  { file: 'doccano-utf16-labels.jsonl', format: 'doccano', options: { offsets: 'utf16', relations: false } },
  { file: 'prodigy.jsonl', format: 'prodigy', options: {} },
  { file: 'prodigy-utf16.jsonl', format: 'prodigy', options: { offsets: 'utf16' } },
  { file: 'hf.jsonl', format: 'hf', options: {} },
  { file: 'label-studio.json', format: 'label-studio', options: {} },
  { file: 'label-studio-codepoint.json', format: 'label-studio', options: { offsets: 'codepoint' } },
  { file: 'w3c.jsonl', format: 'w3c', options: {} },
  { file: 'clean-text.jsonl', format: 'clean-text', options: {} },
];

describe('exports read by a Python consumer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-export-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('give text[start:end] == span text, token offsets == token texts, and follow the documented policies', () => {
    const project = { name: 'fixtures', schema: defaultSchema() };
    const all = pairs();
    for (const f of FILES) {
      const { content, sidecars } = runExport(f.format, f.options, project, all);
      writeFileSync(join(dir, f.file), content, 'utf8');
      for (const [suffix, text] of Object.entries(sidecars)) writeFileSync(join(dir, f.file + suffix), text, 'utf8');
    }
    writeFileSync(join(dir, 'exports.json'), JSON.stringify({ native: 'native.jsonl', files: FILES.map(({ file, format }) => ({ file, format })) }));
    const run = spawnSync('python3', [join(import.meta.dirname, 'check_export.py'), dir], { encoding: 'utf8' });
    if (run.error) throw run.error;
    const report = JSON.parse(run.stdout || '{}') as { ok: boolean; checked: Record<string, number>; errors: string[] };
    expect(run.stderr).toBe('');
    expect(report.errors).toEqual([]);
    expect(run.status).toBe(0);
    for (const f of FILES) expect(report.checked[f.file], f.file).toBeGreaterThan(0);
  });
});
