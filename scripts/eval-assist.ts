/**
 * `npm run eval:assist`: precision, recall and F1 of every suggestion engine, and its speed.
 * 1. Boilerplate on the article extraction dev pages (../shared/data/article-extraction-dev, or
 *    GLOSS_EXTRACTION_DATA): HTML path, plain-text path, and baselines, scored as the benchmark does.
 * 2. Quotes, speakers, claims, boilerplate and repeats against projects/huawei-5g's `reference` layer.
 * 3. All engines over a generated 10,000-article project.
 * Prints a table and writes bench-results/eval-assist.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalExtraction } from './eval/evalExtraction';
import { evalReference } from './eval/evalReference';
import { evalSpeed } from './eval/evalSpeed';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.GLOSS_EXTRACTION_DATA ? resolve(process.env.GLOSS_EXTRACTION_DATA) : resolve(repo, '../shared/data/article-extraction-dev');
const project = resolve(repo, process.env.GLOSS_EVAL_PROJECT ?? 'projects/huawei-5g');
const articles = Number(process.env.GLOSS_EVAL_ARTICLES ?? 10_000);

const f3 = (x: number): string => x.toFixed(3);
const row = (cells: (string | number)[], widths: number[]): string => cells.map((c, i) => String(c).padEnd(widths[i])).join(' ');

const results: Record<string, unknown> = { generatedAt: new Date().toISOString(), node: process.version };

console.log('\n== Boilerplate on the article extraction dev pages');
const ex = evalExtraction(dataDir);
results.extraction = ex;
if ('missing' in ex) {
  console.log(`Data not found at ${ex.missing}: set GLOSS_EXTRACTION_DATA to the folder with ground-truth.json and html/. Skipped.`);
} else {
  const w = [44, 10, 8, 8];
  console.log(`${ex.pages} pages, 4-word shingles, P and R averaged over pages (benchmark evaluate.py)`);
  console.log(row(['engine', 'precision', 'recall', 'F1'], w));
  const lines: [string, { precision: number; recall: number; f1: number }][] = [
    ['(a) HTML: htmlToText + html-boilerplate', ex.html],
    ['(b) plain text: line classifier only', ex.plain],
    ['baseline: keep everything', ex.keepEverything],
    ['baseline: readability textContent', ex.readability],
    ['baseline: readability lines (extractHtml)', ex.readabilityLines],
  ];
  for (const [name, m] of lines) console.log(row([name, f3(m.precision), f3(m.recall), f3(m.f1)], w));
  console.log(`per page: extractHtml ${ex.msPerPage.extractHtml.toFixed(1)} ms, html engine ${ex.msPerPage.htmlEngine.toFixed(2)} ms, plain engine ${ex.msPerPage.plainEngine.toFixed(2)} ms`);
  console.log(`targets: HTML F1 >= 0.96 ${ex.html.f1 >= 0.96 ? 'met' : 'NOT met'}; plain-text F1 >= 0.90 ${ex.plain.f1 >= 0.9 ? 'met' : 'NOT met'}`);
}

console.log(`\n== Against the reference layer of ${project}`);
const ref = evalReference(project);
results.reference = ref;
if ('missing' in ref) {
  console.log(`Reference layer missing: ${ref.missing}. Skipped (annotate the sample project in a layer named "reference").`);
} else {
  const w = [34, 10, 10, 8, 8, 8];
  console.log(`${ref.articles} articles${ref.spansNotMatchingText ? `, ${ref.spansNotMatchingText} reference spans whose text does not match their offsets (ignored)` : ''}`);
  console.log(row(['engine', 'reference', 'suggested', 'P', 'R', 'F1'], w));
  console.log(row(['quotes (direct, IoU >= 0.5)', ref.quotes.reference, ref.quotes.suggested, f3(ref.quotes.precision), f3(ref.quotes.recall), f3(ref.quotes.f1)], w));
  console.log(row(['claims (overlap >= 0.6 of shorter)', ref.claims.reference, ref.claims.suggested, f3(ref.claims.precision), f3(ref.claims.recall), f3(ref.claims.f1)], w));
  console.log(row(['boilerplate lines', ref.boilerplateLines.reference, ref.boilerplateLines.suggested, f3(ref.boilerplateLines.precision), f3(ref.boilerplateLines.recall), f3(ref.boilerplateLines.f1)], w));
  console.log(`quotes matched exactly: ${ref.quotes.exact} of ${ref.quotes.matched}`);
  console.log(`speaker links correct: ${ref.speakers.correctLinks} of ${ref.speakers.matchedQuotesWithReferenceSpeaker} found quotes with a reference speaker (${f3(ref.speakers.share)})`);
  console.log(
    `repeats: ${ref.repeats.found} of ${ref.repeats.recurringReferenceSpans} reference spans whose text recurs with the same label elsewhere were proposed (recall ${f3(ref.repeats.recall)}); ${ref.repeats.agreeing} of ${ref.repeats.proposed} proposals agree with the reference (precision ${f3(ref.repeats.precision)})`,
  );
}

console.log(`\n== Speed: all engines over a generated ${articles.toLocaleString('en')}-article project`);
const speed = evalSpeed(articles);
results.speed = speed;
const w = [20, 10, 12];
console.log(`${speed.megabytes.toFixed(1)} MB of text`);
console.log(row(['engine', 'seconds', 'suggestions'], w));
for (const [name, s] of Object.entries(speed.seconds)) {
  const key = name === 'model predictions' ? 'predictions' : name;
  console.log(row([name, s.toFixed(2), speed.suggestions[key] ?? ''], w));
}
console.log(row(['total', speed.totalSeconds.toFixed(2), ''], w));
console.log(`per article: ${speed.msPerArticle.toFixed(2)} ms (all engines)`);

const out = join(repo, 'bench-results', 'eval-assist.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(`\nWrote ${out}`);
