import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LayerDoc, Span } from '../model';
import { OffsetMap, codePointLength, sliceCodePoints } from '../offsets';
import { quoteContext } from './quoteContext';
import type { QuoteContext } from './quoteContext';
import { reanchorLayer } from './reanchorLayer';

const T = '2026-11-25T10:00:00Z';

/** A span over the first occurrence (or the given one) of `quote` in `text`, code point offsets. */
function spanOf(text: string, quote: string, id: string, occurrence = 0): Span {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at === -1) throw new Error(`fixture: "${quote}" not in text`);
  const map = new OffsetMap(text);
  return { id, start: map.toCodePoint(at), end: map.toCodePoint(at + quote.length), label: 'QUOTE', text: quote, attrs: {}, origin: 'manual', createdAt: T, updatedAt: T };
}

function docOf(spans: Span[], orphans?: Span[]): LayerDoc {
  return { formatVersion: 1, article: 'articles/a.txt', layer: 'alice', sha256: 'old', status: 'in_progress', spans, relations: [{ id: 'r1', type: 'ATTRIBUTED_TO', from: spans[0]?.id ?? 'x', to: 'gone' }], updatedAt: T, ...(orphans ? { orphans } : {}) };
}

function contextsOf(text: string, spans: Span[]): Map<string, QuoteContext> {
  const map = new OffsetMap(text);
  return new Map(spans.map((s) => [s.id, quoteContext(text, s.start, s.end, map)]));
}

/** Every placed span covers exactly its text, in code points. */
function expectConsistent(text: string, doc: LayerDoc): void {
  const length = codePointLength(text);
  for (const s of doc.spans) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(length);
    expect(s.start).toBeLessThanOrEqual(s.end);
    expect(sliceCodePoints(text, s.start, s.end)).toBe(s.text);
  }
}

const OLD = 'Huawei denies the report.\r\n“We comply with all laws,” said Ken Hu, the chairman.\r\nThe company declined further comment. 🚀 Shares fell 3%.\r\n';

describe('reanchorLayer', () => {
  it('keeps every span of an unchanged text as it is, with the new sha256', () => {
    const spans = [spanOf(OLD, '“We comply with all laws,”', 's1'), spanOf(OLD, 'Ken Hu', 's2'), spanOf(OLD, 'Shares fell 3%', 's3')];
    const { doc, outcome } = reanchorLayer(docOf(spans), OLD, 'new');
    expect(doc.spans).toEqual(spans);
    expect(doc.sha256).toBe('new');
    expect(doc.orphans).toBeUndefined();
    expect(doc.updatedAt).toBe(T);
    expect(doc.relations).toEqual(docOf(spans).relations);
    expect(outcome).toEqual({ kept: 3, moved: 0, changed: 0, restored: 0, orphaned: 0 });
  });

  it('moves spans after text inserted before them, and flags them', () => {
    const spans = [spanOf(OLD, 'Huawei denies', 's0'), spanOf(OLD, 'Ken Hu', 's1'), spanOf(OLD, 'Shares fell 3%', 's2')];
    const changed = OLD.replace('the report.', 'the report 🌍🌍 published on Monday by the Wall Street Journal.');
    const { doc, outcome } = reanchorLayer(docOf(spans), changed, 'new');
    expect(outcome).toMatchObject({ kept: 1, moved: 2, orphaned: 0 });
    expect(doc.spans[0]).toEqual(spans[0]);
    for (const s of doc.spans.slice(1)) {
      expect(s.flagged).toMatch(/^Moved after the article changed: the same text is now at \d+–\d+ \(was \d+–\d+\)$/);
    }
    expect(doc.spans[1].start).toBe(spans[1].start + codePointLength(' 🌍🌍 published on Monday by the Wall Street Journal'));
    expectConsistent(changed, doc);
  });

  it('chooses among repeated text by the stored context, not only by distance', () => {
    const text = 'Chen said: “No.” Then Li arrived.\nLi said: “No.” Then the meeting ended.\n';
    const span = spanOf(text, '“No.”', 's1', 1);
    const contexts = contextsOf(text, [span]);
    // The first paragraph grows so that the old offset now lies on the first “No.”.
    const changed = 'Chen said: “No.” Then Li arrived, late, and sat down.\nLi said: “No.” Then the meeting ended.\n';
    const withContext = reanchorLayer(docOf([span]), changed, 'new', { contexts }).doc.spans[0];
    expect(withContext.start).toBe(changed.indexOf('Li said: “No.”') + 'Li said: '.length);
    expectConsistent(changed, reanchorLayer(docOf([span]), changed, 'new', { contexts }).doc);
  });

  it('places a span whose text was edited approximately, updates its text and flags the old one', () => {
    const span = spanOf(OLD, '“We comply with all laws,”', 's1');
    const changed = OLD.replace('comply with all laws', 'comply with all the laws');
    const { doc, outcome } = reanchorLayer(docOf([span]), changed, 'new');
    expect(outcome).toMatchObject({ changed: 1, orphaned: 0 });
    expect(doc.spans[0].text).toBe('“We comply with all the laws,”');
    expect(doc.spans[0].flagged).toMatch(/Re-placed approximately \(4 edits\).*its text was ““We comply with all laws,””/);
    expectConsistent(changed, doc);
  });

  it('places a span between its unchanged surroundings when its own text was rewritten', () => {
    const span = spanOf(OLD, 'Ken Hu', 's1');
    const contexts = contextsOf(OLD, [span]);
    const changed = OLD.replace('Ken Hu', 'Guo Ping');
    const { doc, outcome } = reanchorLayer(docOf([span]), changed, 'new', { contexts });
    expect(outcome).toMatchObject({ changed: 1 });
    expect(doc.spans[0].text).toBe('Guo Ping');
    expect(doc.spans[0].flagged).toMatch(/between its surrounding text/);
    expectConsistent(changed, doc);
  });

  it('places a long span whose middle changed by its own head and tail', () => {
    const quote = '“We comply with all laws and regulations in every country where we operate, and we always have,”';
    const text = `Intro line.\n${quote} said Ken Hu.\n`;
    const span = spanOf(text, quote, 's1');
    const changed = text.replace('in every country where we operate', 'in each of the 170 countries and regions we serve today');
    const { doc, outcome } = reanchorLayer(docOf([span]), changed, 'new');
    expect(outcome).toMatchObject({ changed: 1 });
    expect(doc.spans[0].text.startsWith('“We comply with all')).toBe(true);
    expect(doc.spans[0].text.endsWith('we always have,”')).toBe(true);
    expectConsistent(changed, doc);
  });

  it('moves a span that cannot be placed to orphans with its text, and keeps the rest', () => {
    const spans = [spanOf(OLD, 'The company declined further comment.', 's1'), spanOf(OLD, 'Ken Hu', 's2')];
    const changed = OLD.replace('The company declined further comment. ', '');
    const { doc, outcome } = reanchorLayer(docOf(spans), changed, 'new');
    expect(outcome).toMatchObject({ kept: 1, orphaned: 1 });
    expect(doc.spans.map((s) => s.id)).toEqual(['s2']);
    expect(doc.orphans).toHaveLength(1);
    expect(doc.orphans![0]).toMatchObject({ id: 's1', text: 'The company declined further comment.', start: spans[0].start });
    expect(doc.orphans![0].flagged).toMatch(/^Not found after the article changed/);
    expect(doc.relations).toHaveLength(1);
  });

  it('places earlier orphans again when their text comes back', () => {
    const orphan = { ...spanOf(OLD, 'The company declined further comment.', 's9'), flagged: 'Not found…' };
    const { doc, outcome } = reanchorLayer(docOf([spanOf(OLD, 'Ken Hu', 's1')], [orphan]), OLD, 'new');
    expect(outcome).toMatchObject({ kept: 1, restored: 1, orphaned: 0 });
    expect(doc.orphans).toBeUndefined();
    expect(doc.spans.map((s) => s.id)).toEqual(['s1', 's9']);
    expect(doc.spans[1].flagged).toMatch(/^Placed again after the article changed/);
  });

  it('never splits an emoji or leaves a span outside a shorter text', () => {
    const text = 'ab🚀cd🚀ef';
    const span: Span = { id: 's1', start: 2, end: 5, label: 'X', text: '🚀cd', attrs: {}, origin: 'manual', createdAt: T, updatedAt: T };
    const { doc } = reanchorLayer(docOf([span]), 'xyz🚀cd🚀ef', 'new');
    expect(doc.spans[0]).toMatchObject({ start: 3, end: 6, text: '🚀cd' });
    const short = reanchorLayer(docOf([{ ...span, start: 90, end: 95 }]), text, 'new').doc;
    expectConsistent(text, short);
  });

  it('gives up on approximate matching beyond its budget instead of taking long', () => {
    const text = 'lorem ipsum dolor sit amet '.repeat(20_000);
    const spans = Array.from({ length: 50 }, (_, i): Span => ({ id: `s${i}`, start: i * 100, end: i * 100 + 40, label: 'X', text: `a sentence that is nowhere in the text ${i}`, attrs: {}, origin: 'manual', createdAt: T, updatedAt: T }));
    const { outcome } = reanchorLayer(docOf(spans), text, 'new', { approximateBudget: 50_000_000 });
    expect(outcome.orphaned).toBe(50);
    // Speed is not asserted (shared machines are noisy); the test timeout catches a runaway search.
  });
});

describe('reanchorLayer properties', () => {
  const unit = fc.constantFrom('a', 'b', 'c', ' ', 'the ', 'said ', '\r\n', '\n', 'é', 'e\u0301', '🚀', '“', '”', '.');
  const textArb = fc.array(unit, { minLength: 1, maxLength: 80 }).map((parts) => parts.join(''));

  /** Random spans over a text, in code points. */
  const withSpans = textArb.chain((text) => {
    const length = codePointLength(text);
    const range = fc.tuple(fc.nat(length), fc.nat(length)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
    return fc.tuple(fc.constant(text), fc.array(range, { minLength: 1, maxLength: 6 }));
  }).map(([text, ranges]) => ({
    text,
    spans: ranges.map(([start, end], i): Span => ({ id: `s${i}`, start, end, label: 'X', text: sliceCodePoints(text, start, end), attrs: {}, origin: 'manual', createdAt: T, updatedAt: T })),
  }));

  it('keeps every span of the same text in place (property)', () => {
    fc.assert(fc.property(withSpans, fc.boolean(), ({ text, spans }, useContext) => {
      const { doc, outcome } = reanchorLayer(docOf(spans), text, 'new', { contexts: useContext ? contextsOf(text, spans) : undefined });
      expect(doc.spans).toEqual(spans);
      expect(outcome.kept).toBe(spans.length);
    }), { seed: 7, numRuns: 500 });
  });

  it('finds every span again after insertions outside them, at its true place when its text is unique (property)', () => {
    const edit = fc.tuple(fc.nat(), fc.array(unit, { minLength: 1, maxLength: 6 }).map((p) => p.join('')));
    fc.assert(fc.property(withSpans, fc.array(edit, { minLength: 1, maxLength: 4 }), ({ text, spans }, edits) => {
      const chars = [...text];
      // Insertion points that fall strictly inside no span.
      const free = Array.from({ length: chars.length + 1 }, (_, i) => i).filter((i) => spans.every((s) => i <= s.start || i >= s.end));
      const inserts = edits.map(([at, piece]) => [free[at % free.length], piece] as const).sort((a, b) => b[0] - a[0]);
      const next = [...chars];
      for (const [at, piece] of inserts) next.splice(at, 0, piece);
      const changed = next.join('');
      const shiftOf = (cp: number) => inserts.filter(([at]) => at <= cp).reduce((sum, [, piece]) => sum + codePointLength(piece), 0);
      const { doc } = reanchorLayer(docOf(spans), changed, 'new', { contexts: contextsOf(text, spans) });
      expect(doc.orphans ?? []).toEqual([]);
      expectConsistent(changed, doc);
      for (const [i, s] of doc.spans.entries()) {
        expect(s.text).toBe(spans[i].text);
        const occurrences = changed.split(s.text).length - 1;
        if (s.text.length >= 1 && occurrences === 1) {
          expect(s.start).toBe(spans[i].start + shiftOf(spans[i].start));
        }
      }
    }), { seed: 11, numRuns: 500 });
  });

  it('after arbitrary edits, accounts for every span and keeps each placed one exact (property)', () => {
    const edit = fc.tuple(fc.nat(), fc.nat(8), fc.array(unit, { maxLength: 5 }).map((p) => p.join('')));
    fc.assert(fc.property(withSpans, fc.array(edit, { minLength: 1, maxLength: 5 }), fc.boolean(), ({ text, spans }, edits, useContext) => {
      const chars = [...text];
      for (const [at, remove, piece] of edits) chars.splice(at % (chars.length + 1), remove, ...[...piece]);
      const changed = chars.join('');
      const { doc, outcome } = reanchorLayer(docOf(spans), changed, 'new', { contexts: useContext ? contextsOf(text, spans) : undefined });
      expectConsistent(changed, doc);
      const ids = [...doc.spans, ...(doc.orphans ?? [])].map((s) => s.id).sort();
      expect(ids).toEqual(spans.map((s) => s.id).sort());
      expect(outcome.kept + outcome.moved + outcome.changed + outcome.orphaned).toBe(spans.length);
      for (const o of doc.orphans ?? []) expect(o.text).toBe(spans.find((s) => s.id === o.id)!.text);
      for (const s of doc.spans) if (s.start !== spans.find((x) => x.id === s.id)!.start || s.text !== spans.find((x) => x.id === s.id)!.text) expect(s.flagged).toMatch(/\S/);
    }), { seed: 13, numRuns: 1000 });
  });
});
