import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { acceptSuggestion } from '../common/suggest/pending';
import { GlossService } from './glossService';
import { SettingsStore } from './settingsStore';

const SAMPLE = resolve(import.meta.dirname, '..', '..', 'projects', 'huawei-5g');
const A0 = 'articles/000_d60caff024a14a5b.txt';
const A2 = 'articles/002_9edfdb1c8f18fd6b.txt';
const A3 = 'articles/003_9563d52e9be91989.txt';
const A4 = 'articles/004_8898504a670454c0.txt';

let tmp: string;
let service: GlossService;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gloss-suggest-'));
  await cp(SAMPLE, join(tmp, 'project'), { recursive: true });
  service = new GlossService({ settings: new SettingsStore(join(tmp, 'config')), transport: 'http' });
  await service.openProject(join(tmp, 'project'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('getSuggestions on the sample project', () => {
  it('proposes the quotes of an article with their speakers, and nothing is written', async () => {
    const { suggestions, sha256 } = await service.getSuggestions(A2, 'alice');
    const article = await service.getArticle(A2);
    expect(sha256).toBe(article.sha256);
    const quote = suggestions.find((s) => s.label === 'QUOTE' && s.text.startsWith('“We engage'))!;
    expect(quote.targets?.map((t) => t.text)).toEqual(['an unnamed US official']);
    expect(suggestions[quote.links![0].to]).toMatchObject({ label: 'SPEAKER', text: 'an unnamed US official' });
    expect(suggestions.filter((s) => s.label === 'BOILERPLATE').map((s) => s.text)).toEqual(expect.arrayContaining(['Go to Source', 'Leave a Reply']));
    for (const s of suggestions) expect([...article.text].slice(s.start, s.end).join('')).toBe(s.text);
    expect((await service.refreshProject()).layers).toEqual(['reference']);
  });

  it('an accepted quote is no longer proposed; saved spans of one article are proposed as repeats in another', async () => {
    const article = await service.getArticle(A3);
    const layer = await service.getLayer(A3, 'alice');
    const { suggestions } = await service.getSuggestions(A3, 'alice', ['claims']);
    const claim = suggestions.find((s) => s.text === 'Huawei has come under scrutiny in the United States recently.')!;
    expect(claim).toBeDefined();
    const accepted = acceptSuggestion(layer, article.text, (await service.refreshProject()).schema, claim).doc;
    await service.saveLayer(A3, 'alice', accepted);
    const after = await service.getSuggestions(A3, 'alice', ['claims']);
    expect(after.suggestions.some((s) => s.id === claim.id)).toBe(false);
    const elsewhere = await service.getSuggestions(A4, 'alice', ['repeats']);
    expect(elsewhere.suggestions).toEqual([expect.objectContaining({ label: 'CLAIM', text: claim.text, engine: 'repeats' })]);
  });

  it('rejects an unknown engine, and takes a rejection back', async () => {
    await expect(service.getSuggestions(A0, 'alice', ['nope' as 'quotes'])).rejects.toMatchObject({ code: 'BAD_OPTIONS' });
    const { suggestions } = await service.getSuggestions(A0, 'alice', ['boilerplate']);
    const n = suggestions.length;
    expect(await service.rejectSuggestions(A0, 'alice', [{ label: suggestions[0].label, start: suggestions[0].start, end: suggestions[0].end, text: suggestions[0].text, engine: 'boilerplate' }])).toEqual({ rejected: 1 });
    expect((await service.getSuggestions(A0, 'alice', ['boilerplate'])).suggestions).toHaveLength(n - 1);
    expect(await service.unrejectSuggestions(A0, 'alice')).toEqual({ restored: 1 });
    expect((await service.getSuggestions(A0, 'alice', ['boilerplate'])).suggestions).toHaveLength(n);
  });

  it('returns the guidelines as text', async () => {
    const text = await service.getGuidelines();
    expect(text).toMatch(/^# huawei-5g: annotation guidelines/);
  });

  it('prints the time per article once the project evidence exists', async () => {
    await service.suggestions.warm('alice');
    const ms: number[] = [];
    for (const id of [A0, A2, A3, A4]) ms.push((await service.getSuggestions(id, 'alice')).ms);
    console.log(`getSuggestions (all engines) per article on the sample: ${ms.map((m) => m.toFixed(1)).join(', ')} ms`);
    expect(ms.every((m) => m >= 0)).toBe(true);
  });
});
