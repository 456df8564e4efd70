import { describe, expect, it } from 'vitest';
import { defaultSchema, emptyLayerDoc } from '../model';
import type { Span } from '../model';
import { acceptSuggestion, acceptSuggestions, pendingSuggestions } from './pending';
import type { Rejection } from './pending';
import { suggestQuotes } from './suggestQuotes';
import { suggestBoilerplate } from './suggestBoilerplate';

const TEXT = 'Markets fell on Monday 🚀.\n“We comply with all laws,” said Ken Hu, the chairman.\nShare on Facebook Tweet\n';
const schema = defaultSchema();
const doc = () => emptyLayerDoc('articles/a.txt', 'alice', 'sha');

describe('pendingSuggestions', () => {
  it('gives each QUOTE its SPEAKER as a target and as a link into the merged list', () => {
    const { suggestions } = pendingSuggestions([suggestBoilerplate(TEXT), suggestQuotes(TEXT)], { spans: [], rejected: [], sha256: 'sha' });
    const quote = suggestions.find((s) => s.label === 'QUOTE')!;
    expect(quote.text).toBe('“We comply with all laws,”');
    expect(quote.targets).toEqual([{ type: 'ATTRIBUTED_TO', engine: 'quotes', label: 'SPEAKER', start: 58, end: 64, text: 'Ken Hu' }]);
    expect(suggestions[quote.links![0].to].text).toBe('Ken Hu');
    // Offsets are code points: the rocket before the quote counts one.
    expect([...TEXT].slice(quote.start, quote.end).join('')).toBe(quote.text);
    expect(suggestions.map((s) => s.start)).toEqual([...suggestions.map((s) => s.start)].sort((a, b) => a - b));
  });

  it('leaves out what the layer has, what it rejected, unknown labels, and suggestions inside its BOILERPLATE', () => {
    const all = pendingSuggestions([suggestBoilerplate(TEXT), suggestQuotes(TEXT)], { spans: [], rejected: [], sha256: 'sha' }).suggestions;
    const speaker = all.find((s) => s.label === 'SPEAKER')!;
    const bp = all.find((s) => s.label === 'BOILERPLATE' && s.text.startsWith('Share'))!;
    const asSpan = (s: { label: string; start: number; end: number; text: string }): Span => ({ id: 'x' + s.start, ...s, attrs: {}, origin: 'manual', createdAt: '', updatedAt: '' });
    const rejection: Rejection = { label: bp.label, start: bp.start, end: bp.end, text: bp.text, engine: 'boilerplate', sha256: 'sha', rejectedAt: '' };
    const r = pendingSuggestions([suggestBoilerplate(TEXT), suggestQuotes(TEXT)], { spans: [asSpan(speaker)], rejected: [rejection], sha256: 'sha' });
    expect(r.rejected).toBe(1);
    expect(r.suggestions.map((s) => s.text)).toEqual(['Markets fell on Monday 🚀.', '“We comply with all laws,”']);
    // The speaker is a span already: no index link, but the target stays for accepting.
    expect(r.suggestions[1].links).toBeUndefined();
    expect(r.suggestions[1].targets?.[0].text).toBe('Ken Hu');
    expect(pendingSuggestions([suggestQuotes(TEXT)], { spans: [], rejected: [], sha256: 'sha', labels: ['QUOTE'] }).suggestions.map((s) => s.label)).toEqual(['QUOTE']);
    const line = { label: 'BOILERPLATE', start: 26, end: 79, text: [...TEXT].slice(26, 79).join('') };
    expect(pendingSuggestions([suggestQuotes(TEXT)], { spans: [asSpan(line)], rejected: [], sha256: 'sha' }).suggestions).toEqual([]);
  });

  it('a rejection made on an older text covers the same label and text anywhere', () => {
    const bp = suggestBoilerplate(TEXT)[1];
    const old: Rejection = { label: bp.label, start: bp.start + 5, end: bp.end + 5, text: bp.text, engine: 'boilerplate', sha256: 'old', rejectedAt: '' };
    expect(pendingSuggestions([[bp]], { spans: [], rejected: [old], sha256: 'sha' }).suggestions).toEqual([]);
    expect(pendingSuggestions([[bp]], { spans: [], rejected: [old], sha256: 'old' }).suggestions).toHaveLength(1);
  });
});

describe('acceptSuggestion', () => {
  it('adds the QUOTE with origin suggestion:quotes, its SPEAKER and the ATTRIBUTED_TO link', () => {
    const { suggestions } = pendingSuggestions([suggestQuotes(TEXT)], { spans: [], rejected: [], sha256: 'sha' });
    const quote = suggestions.find((s) => s.label === 'QUOTE')!;
    const { doc: next, spanId } = acceptSuggestion(doc(), TEXT, schema, quote, '2026-11-25T10:00:00.000Z');
    const q = next.spans.find((s) => s.id === spanId)!;
    const sp = next.spans.find((s) => s.label === 'SPEAKER')!;
    expect(q).toMatchObject({ label: 'QUOTE', text: '“We comply with all laws,”', origin: 'suggestion:quotes', attrs: { kind: 'direct' } });
    expect(sp).toMatchObject({ text: 'Ken Hu', origin: 'suggestion:quotes' });
    expect(next.relations).toEqual([{ id: expect.any(String), type: 'ATTRIBUTED_TO', from: q.id, to: sp.id }]);
    expect(next.status).toBe('in_progress');
    // Accepting again, or accepting the speaker afterwards, adds nothing.
    const again = acceptSuggestions(next, TEXT, schema, suggestions);
    expect(again.spans).toHaveLength(2);
    expect(again.relations).toHaveLength(1);
  });

  it('links to a SPEAKER the layer already has instead of adding a second', () => {
    const { suggestions } = pendingSuggestions([suggestQuotes(TEXT)], { spans: [], rejected: [], sha256: 'sha' });
    const speaker = suggestions.find((s) => s.label === 'SPEAKER')!;
    const manual = acceptSuggestion(doc(), TEXT, schema, speaker).doc;
    const quote = suggestions.find((s) => s.label === 'QUOTE')!;
    const next = acceptSuggestion(manual, TEXT, schema, quote).doc;
    expect(next.spans.filter((s) => s.label === 'SPEAKER')).toHaveLength(1);
    expect(next.relations[0].to).toBe(manual.spans[0].id);
  });

  it('refuses a suggestion whose text no longer matches the article', () => {
    const quote = pendingSuggestions([suggestQuotes(TEXT)], { spans: [], rejected: [], sha256: 'sha' }).suggestions.find((s) => s.label === 'QUOTE')!;
    expect(() => acceptSuggestion(doc(), 'x' + TEXT, schema, quote)).toThrow(/no longer matches/);
  });
});
