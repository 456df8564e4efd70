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

describe('getSuggestions on an article imported from an HTML page', () => {
  it('uses the page’s main-content boundaries (readability) for boilerplate, as the HTML engine does', async () => {
    const { writeFile, mkdtemp: mk } = await import('node:fs/promises');
    const { importArticleFile } = await import('./importArticles');
    const { suggestHtmlPage } = await import('./html/suggestHtmlPage');
    const dir = await mk(join(tmpdir(), 'gloss-suggest-html-'));
    const page = `<html><head><title>Huawei asked to leave</title></head><body>
<nav><a href="/">Home</a> <a href="/tech">Tech</a> <a href="/world">World</a></nav>
<article><h1>Huawei asked to leave</h1>
<p>The United States government has asked its allies to stop using equipment made by the Chinese company Huawei, officials said on Friday.</p>
<p>“We engage with countries around the world about our concerns,” an unnamed US official told the newspaper, adding that the talks had gone on for months.</p>
<p>Huawei said it was surprised by the behaviour of the US government and that its customers would make their own choice based on their experience.</p>
<p>The company is one of the largest makers of telecommunications equipment, with customers in 170 countries, according to its annual report.</p>
</article>
<div class="sidebar related-stories comments"><p>The city council approved a new budget on Tuesday after a long debate about funding for schools, roads and the harbour, the mayor said in a statement.</p></div>
<footer><p>© 2026 Example News. All rights reserved.</p><p>Share on Facebook</p></footer>
</body></html>`;
    try {
      await cp(SAMPLE, join(dir, 'project'), { recursive: true });
      const html = join(dir, 'story.html');
      await writeFile(html, page);
      const svc = new GlossService({ settings: new SettingsStore(join(dir, 'config')), transport: 'http' });
      await svc.openProject(join(dir, 'project'));
      const store = (svc as unknown as { project: import('./projectStore').ProjectStore }).project;
      const added = await importArticleFile(store, html, 'story.html');
      expect(added.added).toEqual(['articles/story.txt']);
      const { suggestions } = await svc.getSuggestions('articles/story.txt', 'alice', ['boilerplate']);
      const expected = suggestHtmlPage(page).suggestions.map((s) => s.text).sort();
      expect(suggestions.map((s) => s.text).sort()).toEqual(expected);
      // The paragraph of another story, outside the page's main content, is proposed too.
      expect(expected).toEqual(expect.arrayContaining(['Share on Facebook', expect.stringMatching(/^The city council approved/)]));
      // The plain-text engine alone proposes something else here, so the page's boundaries were used.
      const { suggestBoilerplate } = await import('../common/suggest/suggestBoilerplate');
      const text = (await svc.getArticle('articles/story.txt')).text;
      expect(suggestBoilerplate(text).map((s) => s.text).sort()).not.toEqual(expected);
      svc.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
