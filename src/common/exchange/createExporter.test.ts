import { describe, expect, it } from 'vitest';
import type { LabelSchema, LayerDoc } from '../model';
import { defaultSchema, FORMAT_VERSION } from '../model';
import { buildExportManifest } from './buildExportManifest';
import { createExporter, resolveExportOptions } from './createExporter';
import type { ExportArticle } from './exporter';
import { buildFixture, FIXTURE_TIME } from './fixtures/fixtureSpans';
import type { FixtureSpan } from './fixtures/fixtureSpans';
import { runExport } from './fixtures/runExport';
import { shouldExport } from './shouldExport';

const schema = defaultSchema();
const project = { name: 'p', schema };
const TEXT = '"We are surprised," said Huawei spokesman Joe Kelly.\nShare this\n';
const article: ExportArticle = { id: 'articles/a.txt', text: TEXT, sha256: 'abc' };

function pair(spans: FixtureSpan[], layer = 'alice', relations: LayerDoc['relations'] = []) {
  return buildFixture([article], [{ article: article.id, layer, status: 'done', spans, relations }])[0];
}

const QUOTE: FixtureSpan = { id: 'q', label: 'QUOTE', find: '"We are surprised,"' };
const SPEAKER: FixtureSpan = { id: 'p', label: 'SPEAKER', find: 'Huawei spokesman Joe Kelly' };
const REL = [{ id: 'r1', type: 'ATTRIBUTED_TO', from: 'q', to: 'p' }];

describe('resolveExportOptions', () => {
  it('defaults offsets per format and relations by schema', () => {
    expect(resolveExportOptions('native', {}, project)).toEqual({ offsets: 'codepoint', labels: null, relations: true });
    expect(resolveExportOptions('label-studio', {}, project).offsets).toBe('utf16');
    expect(resolveExportOptions('label-studio', { offsets: 'codepoint' }, project).offsets).toBe('codepoint');
    expect(resolveExportOptions('hf', { offsets: 'utf16' }, project)).toEqual({ offsets: null, labels: null, relations: false });
    expect(resolveExportOptions('clean-text', {}, project)).toEqual({ offsets: null, labels: ['BOILERPLATE'], relations: false });
    const flat: LabelSchema = { ...schema, relations: [] };
    expect(resolveExportOptions('doccano', {}, { name: 'p', schema: flat }).relations).toBe(false);
    expect(resolveExportOptions('doccano', { relations: false }, project).relations).toBe(false);
  });

  it('refuses what cannot be honoured', () => {
    expect(() => resolveExportOptions('w3c', { offsets: 'utf16' }, project)).toThrow(/code points by specification/);
    expect(() => resolveExportOptions('csv' as never, {}, project)).toThrow(/unknown export format/);
    expect(() => resolveExportOptions('native', { offsets: 'bytes' as never }, project)).toThrow(/unknown offset unit/);
  });
});

describe('createExporter', () => {
  it('leaves out (with a warning) spans whose text is not the article slice, and names changed articles and orphans', () => {
    const p = pair([QUOTE, SPEAKER], 'alice', REL);
    p.doc.spans[1] = { ...p.doc.spans[1], text: 'Joe Kelly' };
    p.doc.sha256 = 'other';
    p.doc.orphans = [{ ...p.doc.spans[0], id: 'gone' }];
    const { content, summary } = runExport('native', {}, project, [p]);
    const record = JSON.parse(content);
    expect(record.spans.map((s: { id: string }) => s.id)).toEqual(['q']);
    expect(record.relations).toEqual([]);
    expect(summary.warnings).toEqual([
      'native: articles/a.txt (layer alice): annotations were made on another version of the article (sha256 differs); spans whose text no longer matches are left out',
      'native: articles/a.txt (layer alice): 1 orphaned span(s) without a place in the text left out: gone',
      'native: articles/a.txt (layer alice): span p (SPEAKER) left out: its text does not match the article at its offsets',
      'native: articles/a.txt (layer alice): relation r1 (ATTRIBUTED_TO) left out: span p was left out',
    ]);
  });

  it('exports only the chosen labels, and relations only when both ends are exported', () => {
    const p = pair([QUOTE, SPEAKER], 'alice', REL);
    const quotes = JSON.parse(runExport('doccano', { labels: ['QUOTE'] }, project, [p]).content);
    expect(quotes.entities.map((e: { label: string }) => e.label)).toEqual(['QUOTE']);
    expect(quotes.relations).toEqual([]);
    const both = JSON.parse(runExport('doccano', { labels: ['QUOTE', 'SPEAKER', 'PERSON'] }, project, [p]).content);
    expect(both.relations).toEqual([{ id: 0, from_id: 0, to_id: 1, type: 'ATTRIBUTED_TO' }]);
    expect(runExport('doccano', { labels: ['PERSON'] }, project, [p]).summary.warnings).toEqual(['doccano: label PERSON is not in the project schema']);
  });

  it('hf keeps the earlier-starting (then longer) span of an overlap and names every dropped one', () => {
    const p = pair([
      { id: 'c', label: 'CLAIM', find: 'said Huawei spokesman' },
      SPEAKER,
      { id: 'c2', label: 'CLAIM', find: 'Joe Kelly.' },
      { id: 'q1', label: 'QUOTE', find: '"We are' },
      { id: 'q2', label: 'QUOTE', find: '"We are surprised,"' },
      { id: 'w', label: 'CLAIM', find: ' ', occurrence: 0 },
    ]);
    const { content, summary, sidecars } = runExport('hf', {}, project, [p]);
    const record = JSON.parse(content);
    expect(record.tokens.slice(0, 12)).toEqual(['"', 'We', 'are', 'surprised', ',', '"', 'said', 'Huawei', 'spokesman', 'Joe', 'Kelly', '.']);
    expect(record.ner_tags.slice(0, 12)).toEqual(['B-QUOTE', 'I-QUOTE', 'I-QUOTE', 'I-QUOTE', 'I-QUOTE', 'I-QUOTE', 'B-CLAIM', 'I-CLAIM', 'I-CLAIM', 'B-CLAIM', 'I-CLAIM', 'I-CLAIM']);
    expect(summary.warnings).toEqual([
      'hf: articles/a.txt (layer alice): span q1 (QUOTE 0-7) dropped: it overlaps span q2 (QUOTE), which starts earlier or is longer',
      'hf: articles/a.txt (layer alice): span w (CLAIM) left out: it holds no token (whitespace only)',
      'hf: articles/a.txt (layer alice): span p (SPEAKER 25-51) dropped: it overlaps span c (CLAIM), which starts earlier or is longer',
    ]);
    expect(JSON.parse(sidecars['.labels.json']).names).toEqual(['O', 'B-CLAIM', 'I-CLAIM', 'B-QUOTE', 'I-QUOTE', 'B-SPEAKER', 'I-SPEAKER', 'B-BOILERPLATE', 'I-BOILERPLATE']);
    const subset = runExport('hf', { labels: ['SPEAKER'] }, project, [p]);
    expect(JSON.parse(subset.content).ner_tags.slice(7, 11)).toEqual(['B-SPEAKER', 'I-SPEAKER', 'I-SPEAKER', 'I-SPEAKER']);
    expect(JSON.parse(subset.sidecars['.labels.json']).names).toEqual(['O', 'B-SPEAKER', 'I-SPEAKER']);
  });

  it('prodigy expands spans to whole tokens, counts them, and hashes deterministically', () => {
    const p = pair([{ id: 'x', label: 'SPEAKER', find: 'uawei spokes' }, QUOTE]);
    const a = runExport('prodigy', {}, project, [p]);
    const task = JSON.parse(a.content);
    expect(task.spans).toEqual([
      { start: 0, end: 19, token_start: 0, token_end: 5, label: 'QUOTE' },
      { start: 25, end: 41, token_start: 7, token_end: 8, label: 'SPEAKER' },
    ]);
    expect(a.summary.warnings).toEqual(['prodigy: 1 span(s) did not fall on token boundaries and were expanded to whole tokens: articles/a.txt (layer alice) x']);
    const b = JSON.parse(runExport('prodigy', {}, project, [pair([QUOTE])]).content);
    expect(b._input_hash).toBe(task._input_hash);
    expect(b._task_hash).not.toBe(task._task_hash);
    expect(JSON.parse(runExport('prodigy', {}, project, [p]).content)._task_hash).toBe(task._task_hash);
  });

  it('label-studio merges consecutive layers of one article into one task', () => {
    const alice = pair([QUOTE], 'alice');
    const gold = pair([SPEAKER], 'gold');
    const other = { article: { ...article, id: 'articles/b.txt' }, doc: { ...alice.doc, article: 'articles/b.txt' } };
    const exporter = createExporter('label-studio', {}, project);
    const chunks = [exporter.begin(), exporter.add(alice.article, alice.doc), exporter.add(gold.article, gold.doc), exporter.add(other.article, other.doc), exporter.end()];
    expect(chunks[0]).toBe('[');
    expect(chunks[2]).toBe('');
    expect(chunks[4].endsWith('}\n]\n')).toBe(true);
    const tasks = JSON.parse(chunks.join(''));
    expect(tasks.map((t: { id: number; annotations: { gloss_layer: string; ground_truth: boolean }[] }) => [t.id, t.annotations.map((a) => [a.gloss_layer, a.ground_truth])])).toEqual([
      [1, [['alice', false], ['gold', true]]],
      [2, [['alice', false]]],
    ]);
    expect(exporter.summary().records).toBe(2);
    expect(runExport('label-studio', {}, project, []).content).toBe('[]\n');
  });

  it('writes U+2028, U+2029 and U+0085 as escapes so lines never break inside a record', () => {
    const text = 'a\u2028b\u2029c\u0085d';
    const { content } = runExport('native', {}, project, [{ article: { id: 'x.txt', text, sha256: '' }, doc: { ...pair([]).doc, article: 'x.txt' } }]);
    expect(content.split('\n')).toHaveLength(2);
    expect(content).toContain('a\\u2028b\\u2029c\\u0085d');
    expect(JSON.parse(content).text).toBe(text);
  });

  it('w3c writes one annotation per span and per relation, each with the text it indexes', () => {
    const lines = runExport('w3c', {}, project, [pair([QUOTE, SPEAKER], 'alice', REL)]).content.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.motivation)).toEqual(['tagging', 'tagging', 'linking']);
    expect(lines[0].target['gloss:text']).toBe(TEXT);
    expect(lines[1].target.selector[0]).toEqual({ type: 'TextQuoteSelector', exact: 'Huawei spokesman Joe Kelly', prefix: '"We are surprised," said ', suffix: '.\nShare this\n' });
    expect(lines[2].target).toEqual([lines[0].id, lines[1].id]);
    expect(lines[0].id).toBe('urn:gloss:p:alice:articles%2Fa.txt:span:q');
  });

  it('clean-text removes the chosen labels', () => {
    const p = pair([QUOTE, { id: 'b', label: 'BOILERPLATE', find: 'Share this' }]);
    expect(JSON.parse(runExport('clean-text', {}, project, [p]).content)).toEqual({ id: 'articles/a.txt', layer: 'alice', text: TEXT.replace('Share this\n', ''), removed: 1 });
    expect(JSON.parse(runExport('clean-text', { labels: ['QUOTE'] }, project, [p]).content).text).toBe(TEXT.replace('"We are surprised,"', ''));
  });

  it('refuses add() after end()', () => {
    const exporter = createExporter('native', {}, project);
    exporter.end();
    const p = pair([]);
    expect(() => exporter.add(p.article, p.doc)).toThrow(/after end/);
  });
});

describe('shouldExport', () => {
  const doc: LayerDoc = { formatVersion: FORMAT_VERSION, article: 'a', layer: 'x', sha256: '', status: 'in_progress', spans: [], relations: [], updatedAt: FIXTURE_TIME };
  it('filters by status', () => {
    expect(shouldExport(doc)).toBe(true);
    expect(shouldExport(doc, { status: [] })).toBe(true);
    expect(shouldExport(doc, { status: ['done'] })).toBe(false);
    expect(shouldExport(doc, { status: ['done', 'in_progress'] })).toBe(true);
  });
});

describe('buildExportManifest', () => {
  it('records the offset unit the format actually used', () => {
    const { summary } = runExport('label-studio', {}, project, [pair([QUOTE])]);
    const manifest = buildExportManifest({ format: 'label-studio', options: { layer: 'alice', offsets: null }, summary, schema, glossVersion: '1.2.3', sha256: 'f00', outputFile: 'out.json' });
    expect(manifest).toMatchObject({ format: 'gloss-export', exportFormat: 'label-studio', offsets: 'utf16', file: 'out.json', sha256: 'f00', records: 1, spans: 1, countsByLabel: { QUOTE: 1 } });
    expect(manifest).not.toHaveProperty('createdAt');
  });
});
