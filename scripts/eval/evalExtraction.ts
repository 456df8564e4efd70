/**
 * Boilerplate engines on the article extraction benchmark's development half: each page through
 * htmlToText, then (a) the HTML engine (readability + line classifier), (b) the plain-text line
 * classifier alone; the article is the text without the suggested BOILERPLATE lines. Baselines:
 * the whole text, readability's own textContent, and readability's lines as mapped by extractHtml.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { OffsetMap } from '../../src/common/offsets';
import { suggestBoilerplate } from '../../src/common/suggest/suggestBoilerplate';
import { suggestHtmlBoilerplate } from '../../src/common/suggest/suggestHtmlBoilerplate';
import type { Suggestion } from '../../src/common/suggest/Suggestion';
import { textLines } from '../../src/common/suggest/textLines';
import { extractHtml } from '../../src/node/html/extractHtml';
import { parseHtmlDocument } from '../../src/node/html/htmlToText';
import { shingleMatch, shingleMetrics } from './shingleScore';

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface ExtractionResult {
  data: string;
  pages: number;
  html: PRF;
  plain: PRF;
  keepEverything: PRF;
  readability: PRF;
  readabilityLines: PRF;
  msPerPage: { extractHtml: number; htmlEngine: number; plainEngine: number };
}

/** Removes the lines covered by BOILERPLATE suggestions; what is left is the extracted article. */
export function withoutBoilerplate(text: string, suggestions: Suggestion[]): string {
  const map = new OffsetMap(text);
  const marked = new Set(suggestions.filter((s) => s.label === 'BOILERPLATE').map((s) => s.start));
  return textLines(text, map)
    .filter((l) => l.text !== '' && !marked.has(l.start))
    .map((l) => l.text)
    .join('\n');
}

export function evalExtraction(dir: string): ExtractionResult | { missing: string } {
  const truthPath = join(dir, 'ground-truth.json');
  if (!existsSync(truthPath)) return { missing: dir };
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { articleBody?: string }>;
  const html: [number, number, number][] = [];
  const plain: [number, number, number][] = [];
  const all: [number, number, number][] = [];
  const rd: [number, number, number][] = [];
  const rdLines: [number, number, number][] = [];
  let tExtract = 0;
  let tHtml = 0;
  let tPlain = 0;
  const ids = Object.keys(truth).sort();
  for (const id of ids) {
    const gold = truth[id].articleBody ?? '';
    const page = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8');
    let t = performance.now();
    const ex = extractHtml(page);
    tExtract += performance.now() - t;
    t = performance.now();
    const h = suggestHtmlBoilerplate(ex.text, { contentShare: ex.contentShare, title: ex.title });
    tHtml += performance.now() - t;
    t = performance.now();
    const p = suggestBoilerplate(ex.text);
    tPlain += performance.now() - t;
    html.push(shingleMatch(gold, withoutBoilerplate(ex.text, h)));
    plain.push(shingleMatch(gold, withoutBoilerplate(ex.text, p)));
    all.push(shingleMatch(gold, ex.text));
    rdLines.push(shingleMatch(gold, ex.lines.filter((_, i) => ex.contentLines.has(i)).join('\n')));
    let own = '';
    try {
      own = new Readability(parseHtmlDocument(page) as unknown as ConstructorParameters<typeof Readability>[0]).parse()?.textContent ?? '';
    } catch {
      own = '';
    }
    rd.push(shingleMatch(gold, own));
  }
  const n = ids.length;
  return {
    data: dir,
    pages: n,
    html: shingleMetrics(html),
    plain: shingleMetrics(plain),
    keepEverything: shingleMetrics(all),
    readability: shingleMetrics(rd),
    readabilityLines: shingleMetrics(rdLines),
    msPerPage: { extractHtml: tExtract / n, htmlEngine: tHtml / n, plainEngine: tPlain / n },
  };
}
