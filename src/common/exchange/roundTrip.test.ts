import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LayerDoc, OffsetUnit, Relation, Span } from '../model';
import { defaultSchema, FORMAT_VERSION } from '../model';
import { OffsetMap } from '../offsets';
import { tokenize } from '../tokenize';
import { cleanText } from './cleanText';
import type { ExportArticle } from './exporter';
import { buildFixture } from './fixtures/fixtureSpans';
import { HUAWEI_FIXTURE } from './fixtures/huaweiFixture';
import { runExport } from './fixtures/runExport';
import { UNICODE_ARTICLES, UNICODE_FIXTURE } from './fixtures/unicodeFixture';
import { layerDocFromImport } from './layerDocFromImport';
import { matchImport } from './matchImport';
import { parseSpanRecords } from './parseSpanRecords';

const schema = defaultSchema();
const project = { name: 'round-trip', schema };
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function samplePairs() {
  const dir = join(import.meta.dirname, '../../../projects/huawei-5g/articles');
  const huawei: ExportArticle[] = readdirSync(dir).sort().map((name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    return { id: `articles/${name}`, text, sha256: sha(text) };
  });
  const unicode = Object.entries(UNICODE_ARTICLES).map(([id, text]) => ({ id, text, sha256: sha(text) }));
  return [...buildFixture(huawei, HUAWEI_FIXTURE), ...buildFixture(unicode, UNICODE_FIXTURE)];
}

/** Native export -> parse -> match -> layer documents -> native export, in the original order. */
function reexport(pairs: { article: ExportArticle; doc: LayerDoc }[], offsets: OffsetUnit, importOffsets?: OffsetUnit) {
  const first = runExport('native', { offsets }, project, pairs).content;
  const parsed = parseSpanRecords(first, 'export.jsonl', { offsets: importOffsets });
  expect(parsed.errors).toEqual([]);
  const articles = pairs.map((p) => p.article);
  const layers = [...new Set(pairs.map((p) => p.doc.layer))];
  const docs = new Map<string, LayerDoc>();
  for (const layer of layers) {
    const result = matchImport(parsed.records, articles, schema, { sourceLayer: layer, now: 'never used' });
    expect(result.problems).toEqual([]);
    for (const imported of result.articles) {
      const article = articles.find((a) => a.id === imported.article)!;
      docs.set(`${layer} ${imported.article}`, layerDocFromImport(imported, { layer, sha256: article.sha256, updatedAt: 'x' }));
    }
  }
  const again = runExport('native', { offsets }, project, pairs.map(({ article, doc }) => ({ article, doc: docs.get(`${doc.layer} ${article.id}`)! })));
  return { first, second: again.content };
}

describe('native round trip', () => {
  it('export -> import -> export gives identical records (code points)', () => {
    const { first, second } = reexport(samplePairs(), 'codepoint');
    expect(second).toBe(first);
  });

  it('gives identical records with UTF-16 offsets too, reading the unit from meta.offsets', () => {
    const { first, second } = reexport(samplePairs(), 'utf16', 'codepoint');
    expect(second).toBe(first);
    expect(first).toContain('"offsets":"utf16"');
  });
});

describe('other formats import back', () => {
  const pairs = samplePairs();
  const articles = pairs.map((p) => p.article);
  const expected = (layer: string) =>
    pairs.filter((p) => p.doc.layer === layer).map((p) => ({ article: p.article.id, spans: p.doc.spans.map((s) => `${s.label} ${s.start} ${s.end}`).sort() }));
  const got = (content: string, file: string, layer: string) => {
    const parsed = parseSpanRecords(content, file);
    expect(parsed.errors).toEqual([]);
    const result = matchImport(parsed.records, articles, schema, { sourceLayer: layer, now: '2026-01-01T00:00:00Z' });
    expect(result.problems).toEqual([]);
    return result;
  };

  it('Label Studio (UTF-16, one array, several layers per task) keeps ids, origins, attrs and relations', () => {
    const { content } = runExport('label-studio', {}, project, pairs);
    for (const layer of ['alice', 'gold']) {
      const result = got(content, 'ls.json', layer);
      expect(result.articles.map((a) => ({ article: a.article, spans: a.spans.map((s) => `${s.label} ${s.start} ${s.end}`).sort() }))).toEqual(expected(layer));
      for (const a of result.articles) {
        const doc = pairs.find((p) => p.article.id === a.article && p.doc.layer === layer)!.doc;
        expect(a.spans.map(({ id, origin, attrs, text }) => ({ id, origin, attrs, text }))).toEqual(
          [...doc.spans].sort((x, y) => x.start - y.start || y.end - x.end).map(({ id, origin, attrs, text }) => ({ id, origin, attrs, text })),
        );
        expect(a.relations).toEqual(doc.relations.map((r) => ({ ...r, id: `r${doc.relations.indexOf(r) + 1}` })));
      }
    }
  });

  it('doccano (both shapes) gives the same spans, origin import:<file>', () => {
    for (const relations of [true, false]) {
      const { content } = runExport('doccano', { relations, offsets: 'utf16' }, project, pairs);
      const result = got(content, 'some/dir/doccano.jsonl', 'alice');
      expect(result.articles.map((a) => ({ article: a.article, spans: a.spans.map((s) => `${s.label} ${s.start} ${s.end}`).sort() }))).toEqual(expected('alice'));
      expect(new Set(result.articles.flatMap((a) => a.spans.map((s) => s.origin)))).toEqual(new Set(['import:doccano.jsonl']));
      expect(result.articles.reduce((n, a) => n + a.relations.length, 0)).toBe(relations ? 6 : 0);
    }
  });

  it('Prodigy gives the spans expanded to whole tokens, with relations', () => {
    const { content } = runExport('prodigy', {}, project, pairs);
    const result = got(content, 'prodigy.jsonl', 'alice');
    const cjk = result.articles.find((a) => a.article === 'articles/cjk.txt')!;
    expect(cjk.spans.map((s) => s.text)).toContain('华为公司表示');
    expect(cjk.relations).toHaveLength(1);
  });
});

// Random spans on random Unicode text: native survives export and import, and every format
// writes exact slices.
const pieces = fc.constantFrom('a', 'b', ' ', '\r\n', '\n', '\r', 'é', 'e\u0301', '😀', '👩‍👩‍👧', '中文', 'שלום', '\ud800', '“', '”', '\t', '.', '\u2028', '\u00a0');
const unicodeText = fc.array(pieces, { minLength: 1, maxLength: 30 }).map((p) => p.join(''));
const labels = ['CLAIM', 'QUOTE', 'SPEAKER', 'BOILERPLATE'];

const docArb = unicodeText.chain((text) => {
  const len = new OffsetMap(text).codePointLength;
  const span = fc.tuple(fc.nat(len - 1), fc.nat(len - 1), fc.constantFrom(...labels), fc.boolean());
  return fc.tuple(fc.constant(text), fc.array(span, { maxLength: 8 }));
});

function makeDoc(text: string, raw: [number, number, string, boolean][]): { article: ExportArticle; doc: LayerDoc } {
  const map = new OffsetMap(text);
  const spans: Span[] = raw.map(([a, b, label, attr], i): Span => {
    const start = Math.min(a, b);
    const end = Math.max(a, b) + 1;
    return {
      id: `s${i + 1}`, start, end, label, text: text.slice(map.toUtf16(start), map.toUtf16(end)),
      attrs: attr && label === 'QUOTE' ? { kind: 'direct' } : ({} as Record<string, string>),
      origin: i % 2 ? 'manual' : 'suggestion:test', createdAt: `2026-01-0${(i % 9) + 1}T00:00:00Z`, updatedAt: '2026-02-01T00:00:00Z',
    };
  });
  const quote = spans.find((s) => s.label === 'QUOTE');
  const speaker = spans.find((s) => s.label === 'SPEAKER');
  const relations: Relation[] = quote && speaker ? [{ id: 'r1', type: 'ATTRIBUTED_TO', from: quote.id, to: speaker.id }] : [];
  const article = { id: 'articles/random.txt', text, sha256: 'h' };
  return { article, doc: { formatVersion: FORMAT_VERSION, article: article.id, layer: 'alice', sha256: 'h', status: 'done', spans, relations, updatedAt: '' } };
}

describe('property: random spans on random Unicode text', () => {
  it('survive native export and import, in both offset units', () => {
    fc.assert(fc.property(docArb, ([text, raw]) => {
      const pair = makeDoc(text, raw);
      for (const unit of ['codepoint', 'utf16'] as const) {
        const { first, second } = reexport([pair], unit);
        expect(second).toBe(first);
      }
    }), { seed: 20261122, numRuns: 300 });
  });

  it('give exact slices in every format', () => {
    fc.assert(fc.property(docArb, ([text, raw]) => {
      const pair = makeDoc(text, raw);
      const { spans } = pair.doc;
      const chars = Array.from(text);
      const cp = (s: number, e: number) => chars.slice(s, e).join('');
      const units = (s: number, e: number) => text.slice(s, e);

      const doccano = JSON.parse(runExport('doccano', { relations: false }, project, [pair]).content);
      expect(doccano.label.map(([s, e, l]: [number, number, string]) => `${l}:${cp(s, e)}`).sort()).toEqual(spans.map((s) => `${s.label}:${s.text}`).sort());

      const ls = JSON.parse(runExport('label-studio', {}, project, [pair]).content);
      for (const r of ls[0].annotations[0].result) if (r.type === 'labels') expect(units(r.value.start, r.value.end)).toBe(r.value.text);

      for (const line of runExport('w3c', {}, project, [pair]).content.split('\n').filter(Boolean)) {
        const a = JSON.parse(line);
        if (a.motivation !== 'tagging') continue;
        const [quote, pos] = a.target.selector;
        expect(cp(pos.start, pos.end)).toBe(quote.exact);
        expect(cp(Math.max(0, pos.start - 32), pos.start)).toBe(quote.prefix);
      }

      for (const unit of ['codepoint', 'utf16'] as const) {
        const p = JSON.parse(runExport('prodigy', { offsets: unit }, project, [pair]).content);
        const cut = unit === 'codepoint' ? cp : units;
        for (const t of p.tokens) expect(cut(t.start, t.end)).toBe(t.text);
        for (const s of p.spans) {
          expect(s.start).toBe(p.tokens[s.token_start].start);
          expect(s.end).toBe(p.tokens[s.token_end].end);
        }
      }

      const hf = JSON.parse(runExport('hf', {}, project, [pair]).content);
      expect(hf.tokens).toEqual(tokenize(text).map((t) => t.text));

      const clean = JSON.parse(runExport('clean-text', {}, project, [pair]).content);
      expect(clean.text).toBe(cleanText(text, spans.filter((s) => s.label === 'BOILERPLATE')));
    }), { seed: 1122, numRuns: 300 });
  });
});
