import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSpanRecords } from './parseSpanRecords';
import { parseArticleJsonl } from './parseArticleJsonl';
import { matchImport } from './matchImport';
import { defaultSchema } from '../model';

// Property-based fuzzing of every importer: whatever bytes a user hands Gloss, parsing never
// throws, every problem names a line, and no span that is accepted points outside its article or
// disagrees with its text. GLOSS_FUZZ_RUNS raises the case count on demand.
const runs = Number(process.env.GLOSS_FUZZ_RUNS ?? 2000);

const article = { id: 'articles/a.txt', text: 'Huawei said “we agree” 😀 today.\r\nSecond line.' };

/** JSON-ish lines: real shapes with random fields, broken JSON, and random text. */
const spanish = fc.record({
  start: fc.oneof(fc.integer({ min: -5, max: 60 }), fc.constant('3'), fc.constant(null)),
  end: fc.oneof(fc.integer({ min: -5, max: 60 }), fc.constant(1e20)),
  label: fc.oneof(fc.constantFrom('QUOTE', 'CLAIM', 'NOPE', ''), fc.string()),
  text: fc.oneof(fc.string(), fc.constant('we agree')),
});
const line = fc.oneof(
  fc.record({ id: fc.oneof(fc.constant(article.id), fc.constant('../etc/passwd'), fc.constant('/abs'), fc.string()), text: fc.oneof(fc.constant(article.text), fc.string()), spans: fc.array(spanish, { maxLength: 4 }) }).map((r) => JSON.stringify(r)),
  fc.record({ text: fc.constant(article.text), label: fc.array(fc.tuple(fc.integer({ min: -3, max: 60 }), fc.integer({ min: -3, max: 60 }), fc.string()), { maxLength: 3 }) }).map((r) => JSON.stringify(r)),
  fc.record({ text: fc.constant(article.text), tokens: fc.constant([]), spans: fc.array(spanish, { maxLength: 3 }) }).map((r) => JSON.stringify({ ...r, _input_hash: 1 })),
  fc.json(),
  fc.string(),
  fc.constantFrom('{', '[', '[]', 'null', '{"id": 1}', '\u2028', '{"text": 5}'),
);
const file = fc.array(line, { maxLength: 8 }).map((lines) => lines.join('\n'));

describe('importers under fuzzing', () => {
  it('parseSpanRecords and matchImport never throw, and accept only exact spans', () => {
    fc.assert(fc.property(file, fc.constantFrom('codepoint', 'utf16') as fc.Arbitrary<'codepoint' | 'utf16'>, (content, offsets) => {
      const parsed = parseSpanRecords(content, 'fuzz.jsonl', { offsets });
      for (const e of parsed.errors) expect(e.line).toBeGreaterThanOrEqual(1);
      const matched = matchImport(parsed.records, [article], defaultSchema());
      const chars = Array.from(article.text);
      for (const a of matched.articles) {
        expect(a.article).toBe(article.id);
        for (const s of a.spans) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(chars.length);
          expect(chars.slice(s.start, s.end).join('')).toBe(s.text);
        }
      }
    }), { seed: 20261125, numRuns: runs });
  });

  it('parseArticleJsonl never throws and names the line of every error', () => {
    fc.assert(fc.property(file, (content) => {
      const parsed = parseArticleJsonl(content, 'fuzz.jsonl');
      for (const e of parsed.errors) expect(e.line).toBeGreaterThanOrEqual(1);
      for (const a of parsed.articles) expect(typeof a.text).toBe('string');
    }), { seed: 7, numRuns: runs });
  });
});
