import { describe, expect, it } from 'vitest';
import { defaultSchema } from '../model';
import { matchImport } from './matchImport';
import { parseSpanRecords } from './parseSpanRecords';

const schema = defaultSchema();
const articles = [
  { id: 'articles/a.txt', text: '😀 "Hi," said Bob. Huawei denies it.' },
  { id: 'articles/b.txt', text: 'Same text' },
  { id: 'articles/c.txt', text: 'Same text' },
  { id: 'articles/d.txt', text: 'Another one' },
];
const A = articles[0].text;
const NOW = '2026-11-22T12:00:00Z';

function run(lines: unknown[], opts = {}) {
  const parsed = parseSpanRecords(lines.map((l) => JSON.stringify(l)).join('\n'), '/home/me/imports/file.jsonl');
  expect(parsed.errors).toEqual([]);
  return matchImport(parsed.records, articles, schema, { now: NOW, ...opts });
}

describe('matchImport', () => {
  it('matches by id, else by identical text, and gives LayerDoc-ready spans', () => {
    const result = run([
      { text: A, label: [[2, 7, 'QUOTE'], [13, 16, 'SPEAKER']] },
      { id: 7, text: 'Another one', label: [[0, 7, 'CLAIM']] },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.articles.map((a) => a.article)).toEqual(['articles/a.txt', 'articles/d.txt']);
    expect(result.articles[0].spans).toEqual([
      { id: 's1', start: 2, end: 7, label: 'QUOTE', text: '"Hi,"', attrs: {}, origin: 'import:file.jsonl', createdAt: NOW, updatedAt: NOW },
      { id: 's2', start: 13, end: 16, label: 'SPEAKER', text: 'Bob', attrs: {}, origin: 'import:file.jsonl', createdAt: NOW, updatedAt: NOW },
    ]);
  });

  it('converts UTF-16 offsets of records without text against the article', () => {
    const result = run([
      { id: 'articles/a.txt', spans: [{ start: 14, end: 17, label: 'SPEAKER' }, { start: 1, end: 8, label: 'QUOTE' }], meta: { offsets: 'utf16' } },
    ]);
    expect(result.articles[0].spans.map((s) => s.text)).toEqual(['Bob']);
    expect(result.problems).toMatchObject([{ code: 'bad-offset', line: 1, article: 'articles/a.txt' }]);
    expect(result.problems[0].message).toMatch(/surrogate pair/);
  });

  it('reports offsets out of range, wrong span text, unknown labels and attributes, duplicate span ids', () => {
    const result = run([
      {
        id: 'articles/a.txt', text: A,
        spans: [
          { id: 'x1', start: 30, end: 99, label: 'CLAIM' },
          { id: 'x2', start: 13, end: 16, label: 'SPEAKER', text: 'Rob' },
          { id: 'x3', start: 13, end: 16, label: 'PERSON' },
          { id: 'x4', start: 13, end: 16, label: 'SPEAKER' },
          { id: 'x4', start: 2, end: 7, label: 'QUOTE', attrs: { kind: 'sarcastic', tone: 'dry' } },
          { id: 'x5', start: 2, end: 7, label: 'QUOTE', attrs: { kind: 'direct' } },
          { id: 'x6', start: 5, end: 5, label: 'CLAIM' },
        ],
      },
    ]);
    expect(result.problems.map((p) => [p.code, p.span])).toEqual([
      ['offset-out-of-range', 'x1'],
      ['text-mismatch', 'x2'],
      ['unknown-label', 'x3'],
      ['duplicate-id', 'x4'],
      ['bad-offset', 'x6'],
    ]);
    expect(result.articles[0].spans.map((s) => [s.id, s.attrs])).toEqual([['x4', {}], ['x5', { kind: 'direct' }]]);
    expect(result.problems.every((p) => p.fileName === '/home/me/imports/file.jsonl' && p.line === 1 && p.article === 'articles/a.txt')).toBe(true);
  });

  it('rejects ids that try to leave the project, without falling back to the text', () => {
    const bad = ['../secret.txt', '/etc/passwd', 'articles/../../x.txt', 'C:\\Windows\\win.ini', 'articles\\a.txt', 'file:///etc/passwd', './articles/a.txt', 'articles//a.txt', ''];
    const result = run(bad.map((id) => ({ id, text: A, label: [] })));
    expect(result.articles).toEqual([]);
    expect(result.problems.map((p) => p.code)).toEqual(bad.map(() => 'unsafe-id'));
    expect(result.problems.map((p) => p.line)).toEqual(bad.map((_, i) => i + 1));
  });

  it('reports missing articles, ambiguous text, changed text and duplicate records', () => {
    const result = run([
      { id: 'articles/zz.txt', text: 'Nowhere', label: [] },
      { text: 'Same text', label: [] },
      { id: 'articles/d.txt', text: 'Another one, edited', label: [] },
      { id: 'articles/zz.txt', spans: [] },
      { id: 'articles/d.txt', spans: [] },
      { id: 'articles/d.txt', spans: [] },
      { id: 'articles/b.txt', text: 'Same text', label: [[0, 4, 'CLAIM']] },
    ]);
    expect(result.problems.map((p) => [p.line, p.code])).toEqual([[1, 'no-article'], [2, 'ambiguous-text'], [3, 'text-mismatch'], [4, 'no-article'], [6, 'duplicate-id']]);
    expect(result.articles.map((a) => [a.line, a.article])).toEqual([[5, 'articles/d.txt'], [7, 'articles/b.txt']]);
  });

  it('checks relations against the schema and the imported spans', () => {
    const result = run([
      {
        text: A,
        entities: [{ id: 1, start_offset: 2, end_offset: 7, label: 'QUOTE' }, { id: 2, start_offset: 13, end_offset: 16, label: 'SPEAKER' }, { id: 3, start_offset: 0, end_offset: 1, label: 'NOPE' }],
        relations: [
          { id: 10, from_id: 1, to_id: 2, type: 'ATTRIBUTED_TO' },
          { id: 11, from_id: 2, to_id: 1, type: 'ATTRIBUTED_TO' },
          { id: 12, from_id: 1, to_id: 2, type: 'CONTRADICTS' },
          { id: 13, from_id: 1, to_id: 3, type: 'ATTRIBUTED_TO' },
          { id: 10, from_id: 1, to_id: 2, type: 'ATTRIBUTED_TO' },
        ],
      },
    ]);
    expect(result.problems.map((p) => [p.code, p.span])).toEqual([
      ['unknown-label', '3'],
      ['bad-relation', '11'],
      ['unknown-relation', '12'],
      ['bad-relation', '13'],
      ['duplicate-id', '10'],
    ]);
    expect(result.articles[0].relations).toEqual([{ id: '10', type: 'ATTRIBUTED_TO', from: '1', to: '2' }]);
  });

  it('takes only the source layer when asked, and keeps native origins and times', () => {
    const native = (layer: string) => ({
      id: 'articles/a.txt', text: A, layer, status: 'done',
      spans: [{ id: 'q', start: 13, end: 16, label: 'SPEAKER', text: 'Bob', attrs: {}, origin: 'suggestion:ner', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z' }],
      relations: [], meta: { offsets: 'codepoint', project: 'p' },
    });
    const result = run([native('alice'), native('gold')], { sourceLayer: 'gold' });
    expect(result.skippedOtherLayer).toBe(1);
    expect(result.articles).toHaveLength(1);
    expect(result.articles[0]).toMatchObject({ layer: 'gold', status: 'done', line: 2 });
    expect(result.articles[0].spans[0]).toMatchObject({ id: 'q', origin: 'suggestion:ner', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z' });
  });

  it('generates span ids that do not collide with the ids the record has', () => {
    const result = run([{ id: 'articles/a.txt', spans: [{ start: 13, end: 16, label: 'SPEAKER' }, { id: 's1', start: 2, end: 7, label: 'QUOTE' }] }]);
    expect(result.articles[0].spans.map((s) => s.id)).toEqual(['s2', 's1']);
  });
});
