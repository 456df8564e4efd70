import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LayerDoc } from '../common/model';
import { SuggestionStore } from '../node/suggestionStore';
import { sha256 } from '../node/projectStore';
import { glossSandbox } from './runGloss.testkit';

const A2 = 'articles/002_9edfdb1c8f18fd6b.txt';

const cli = glossSandbox('gloss-suggest-cli-');
const { gloss } = cli;

const jsonLines = (text: string) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
const article = async (dir: string, id: string) => (await readFile(join(dir, id), 'utf8')).replace(/^\uFEFF/, '');

let project: string;

beforeAll(async () => {
  project = await cli.copyProject('project');
});

describe('gloss suggest', () => {
  it('prints JSON lines with code point offsets and the exact text; a QUOTE names its speaker', async () => {
    const run = await gloss('suggest', project, '--engines', 'quotes,boilerplate', '--json');
    expect(run.code, run.stderr).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(new Set(lines.map((l) => l.engine))).toEqual(new Set(['quotes', 'boilerplate']));
    for (const l of lines) {
      const text = await article(project, l.article);
      expect(Array.from(text).slice(l.start, l.end).join('')).toBe(l.text);
      expect(l.offsets).toBe('codepoint');
    }
    const quote = lines.find((l) => l.article === A2 && l.label === 'QUOTE' && l.text.startsWith('“We engage'));
    expect(quote?.attributed_to).toMatchObject({ label: 'SPEAKER', text: 'an unnamed US official' });
    // Printing writes nothing.
    expect((await gloss('stats', project)).stdout).not.toMatch(/suggest/);
  });

  it('--into writes a layer (origin suggestion:<engine>, quote->speaker relations) that exports and agreement read; a second run adds nothing', async () => {
    // A rejection in the target layer is respected.
    const text2 = await article(project, A2);
    const goTo = Array.from(text2).join('').indexOf('Go to Source');
    await new SuggestionStore(project).reject(A2, 'auto', sha256(text2), [{ label: 'BOILERPLATE', start: goTo, end: goTo + 12, text: 'Go to Source', engine: 'boilerplate' }]);

    const run = await gloss('suggest', project, '--engines', 'boilerplate,quotes', '--into', 'auto');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Wrote \d+ span\(s\) \(BOILERPLATE \d+, QUOTE 10, SPEAKER 7\) and 8 relation\(s\) into layer auto for 5 article\(s\)/);

    const doc = JSON.parse(await readFile(join(project, 'annotations', 'auto', '002_9edfdb1c8f18fd6b.txt.json'), 'utf8')) as LayerDoc;
    expect(doc.spans.some((s) => s.text === 'Go to Source')).toBe(false);
    expect(doc.spans.some((s) => s.text === 'Leave a Reply' && s.origin === 'suggestion:boilerplate')).toBe(true);
    const q = doc.spans.find((s) => s.text.startsWith('“We engage'))!;
    expect(q.origin).toBe('suggestion:quotes');
    const link = doc.relations.find((r) => r.from === q.id)!;
    expect(doc.spans.find((s) => s.id === link.to)).toMatchObject({ label: 'SPEAKER', text: 'an unnamed US official', origin: 'suggestion:quotes' });

    const exported = await gloss('export', project, '--format', 'native', '--layer', 'auto');
    expect(exported.code, exported.stderr).toBe(0);
    const records = jsonLines(exported.stdout);
    expect(records).toHaveLength(5);
    for (const r of records) for (const s of r.spans) expect(s.origin).toMatch(/^suggestion:(boilerplate|quotes)$/);

    const agreement = await gloss('agreement', project, '--layers', 'reference,auto', '--labels', 'QUOTE,SPEAKER', '--json');
    expect(agreement.code, agreement.stderr).toBe(0);
    expect(JSON.parse(agreement.stdout).layers).toEqual(['reference', 'auto']);

    const again = await gloss('suggest', project, '--engines', 'boilerplate,quotes', '--into', 'auto', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ layer: 'auto', spans: 0, relations: 0, articles: 0 });
    expect((await gloss('validate', project)).code).toBe(0);
  });

  it('the clean-text export of a boilerplate layer is the extracted article', async () => {
    const run = await gloss('suggest', project, '--engines', 'boilerplate', '--into', 'extracted', '--article', 'articles/003_9563d52e9be91989.txt');
    expect(run.code, run.stderr).toBe(0);
    const clean = await gloss('export', project, '--format', 'clean-text', '--layer', 'extracted');
    expect(clean.code, clean.stderr).toBe(0);
    const rec = jsonLines(clean.stdout).find((r) => r.id === 'articles/003_9563d52e9be91989.txt')!;
    rec.text = rec.text.replace(/\u00a0/g, ' ');
    expect(rec.text).toContain('The US government is trying to persuade wireless and internet providers');
    expect(rec.text).toContain('A US Department of Commerce spokesman said in a statement');
    for (const gone of ['Share on Facebook Tweet', 'TRENDING', 'Advertisement', '© Copyright', 'Xiaomi Redmi Note 6 Pro Review', 'Further reading']) expect(rec.text).not.toContain(gone);
  });

  it('exits 2 with a message for an unknown engine or a bad option', async () => {
    const bad = await gloss('suggest', project, '--engines', 'quotes,magic');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--engines: magic; choose from boilerplate, quotes, claims, repeats/);
    expect((await gloss('suggest', project, '--min-score', '2')).code).toBe(2);
    expect((await gloss('suggest', project, '--article', 'articles/nope.txt')).code).toBe(2);
    expect((await gloss('suggest', project, '--into', '../x')).code).toBe(2);
  });
});
