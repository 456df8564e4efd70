/**
 * Writes the `reference` layer of projects/huawei-5g: the five sample articles annotated by
 * projects/huawei-5g/guidelines.md. The passages below were chosen by reading each article; this
 * script only finds their exact code point offsets, so every span's text is its slice.
 *
 *   npx tsx scripts/build-reference.ts [--check]
 *
 * --check verifies that the files on disk are what the script would write (exit 1 otherwise).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LayerDoc, Relation, Span } from '../src/common/model';
import { FORMAT_VERSION } from '../src/common/model';
import { OffsetMap } from '../src/common/offsets';
import { quoteContext } from '../src/common/anchoring/quoteContext';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const project = join(repo, 'projects', 'huawei-5g');
const LAYER = 'reference';
const STAMP = '2026-11-25T12:00:00.000Z';

interface QuoteSpec {
  /** The quotation with its marks, exactly as in the text. */
  quote: string;
  /** The speaker phrase (its occurrence nearest the quote is used), or none when the text does not say. */
  speaker?: string;
}

interface ArticleSpec {
  file: string;
  /** Line numbers (1-based, as `cat -n` prints them) of the BOILERPLATE lines. */
  boilerplate: number[];
  quotes: QuoteSpec[];
  /** Each claim's exact sentence or clause; it must occur once in the article, or say which occurrence (0-based). */
  claims: (string | { text: string; occurrence: number })[];
}

const ARTICLES: ArticleSpec[] = [
  {
    file: '000_d60caff024a14a5b.txt',
    // 3, 5: a related story's headline with "Posted", twice; 15-16: a sanctions story pulled in;
    // 24: "Recommended News"; 26-28: comment prompts.
    boilerplate: [3, 5, 15, 16, 24, 26, 27, 28],
    quotes: [
      { quote: `"If a government's behavior extends beyond its jurisdiction, such activity should not be encouraged"`, speaker: 'a Huawei spokesperson' },
    ],
    claims: [
      'Some of those familiar with the conversations added that the USA would be willing to boost aid for advanced telecoms equipment if a nation did decide to shun the Chinese company.',
      "According to the Wall Street Journal's sources, U.S. officials have communicated with their government counterparts and telecom executives in allied countries where Huawei's equipment are already being used on a wide scale.",
      'The United States is also considering increasing financial assistance for telecom development to those nations that would abandon Huawei products in the public and commercial sectors.',
      'For those who came in late, the U.S. government is convinced that the Chinese government is using Huawei gear to spy on its networks.',
      'Huawei equipment is widely used in Germany, Italy, and Japan, and those countries were warned about the potential security threat.',
      "The Chinese telecom giant said that it was unhappy with the U.S. government's purported move.",
      "The US is reportedly particularly anxious about the use of Huawei equipment in countries with American military bases, since most nonsensitive communication travels via commercial networks, and it's concerned about Chinese meddling.",
      "Huawei - one of the world's largest telecommunications equipment and services providers - has been under scrutiny in some countries, including the United States and Australia, over its alleged close links to Beijing.",
    ],
  },
  {
    file: '001_60324c60597a4f74.txt',
    // 1: "Date" label; 4: the caption printed again; 32-38: contact line, initials, newsletter.
    boilerplate: [1, 4, 32, 34, 36, 38],
    quotes: [],
    claims: [
      // The photo caption (line 3; line 4 is its second copy).
      { text: 'After largely shutting out Huawei from the American market, the United States is now said to be trying to get its allies to shun the Chinese telecoms equipment firm.', occurrence: 0 },
      'The US is trying to get its allies to persuade wireless carriers and internet providers in their countries to avoid equipment from China’s Huawei Technologies, according to the Wall Street Journal.',
      'Citing sources familiar with the matter, the paper reported Thursday that American officials have reached out to their counterparts and telecom executives in friendly countries to warn them of cyber-security risks in relation to Huawei equipment.',
      'Germany, Italy and Japan are among the countries that have already been approached, as per the report.',
      'One US concern centers on the use of Chinese telecom equipment in countries that host American military bases, according to the report.',
      'The advice to friendly countries comes as wireless and internet providers around the world prepare to buy new hardware for 5G networks.',
      'Huawei had been labeled a security risk because of long-held suspicions that the firm may have links to the Chinese government.',
      'The company has been largely shut out from the US market, and has been barred by Australia from supplying 5G network equipment.',
      'Also, it is facing increased scrutiny in some European markets.',
      'Huawei has repeatedly denied engaging in intelligence work for any government.',
      'The US briefings to allies are said to be aimed at dissuading governments and telecom executives from using Huawei components in both government and commercially operated networks.',
      'Washington has circulated its notes to national-security officials as well as to embassies, with the idea that they can deliver the message to foreign officials and telecom executives, the report said.',
    ],
  },
  {
    file: '002_9edfdb1c8f18fd6b.txt',
    boilerplate: [11, 13, 15],
    quotes: [
      { quote: '“We engage with countries around the world about our concerns regarding cyberthreats in telecommunications infrastructure,”', speaker: 'an unnamed US official' },
      { quote: '“As they’re looking to move to 5G, we remind them of those concerns. There are additional complexities to 5G networks that make them more vulnerable to cyberattacks.”', speaker: 'an unnamed US official' },
      {
        quote: '“Huawei is surprised by the behaviors of the US government detailed in the article. If a government’s behavior extends beyond its jurisdiction, such activity should not be encouraged. Huawei firmly believes that our partners and customers will make the right choice based on their own judgment and experience of working with Huawei.”',
        speaker: 'A Huawei spokesperson',
      },
    ],
    claims: [
      'The United States government has reportedly asked foreign allies to stop using Huawei telecommunications products.',
      'The government is said to be concerned over security threats that the Chinese company poses.',
      'According to The Wall Street Journal report (via CNN Business), people familiar with the discussions have suggested that US officials are pushing countries that host American military bases to ban the use of Huawei equipment from their wireless and internet networks.',
      'Reportedly, the US government officials have had meetings with executives of other countries to urge them to exclude Huawei equipment from government and commercial networks.',
      'As per WSJ, US is concerned that much of its traffic still moves over commercial networks in countries such as Germany, Italy and Japan, even though its military uses secure networks for its most sensitive communications.',
      'Huawei, which is betting on 5G infrastructure, is apparently surprised by the behavior of the US government.',
      'Huawei is one of the biggest telecommunications companies in the world.',
      'Its equipments are used by customers in 170 countries and by 46 of the world’s 50 largest telecommunications companies.',
      'Last month, US Senators reportedly sent a letter to Canadian Prime Minister, Justin Trudeau, suggesting that he should prevent any Huawei technology from being used in the Canada’s 5G network.',
    ],
  },
  {
    file: '003_9563d52e9be91989.txt',
    // 6: share bar; 7: the headline again; 23-61: comments, follow prompt, teasers, menus,
    // advertisements, the trending list and the copyright (blank and space-only lines left out).
    boilerplate: [6, 7, 23, 25, 27, 28, 29, 30, 31, 32, 36, 39, 40, 41, 42, 43, 44, 45, 47, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61],
    quotes: [],
    claims: [
      "The US government is trying to persuade wireless and internet providers in allied countries to avoid telecommunications equipment from China's Huawei Technologies, the Wall Street Journal reported on Thursday.",
      'US officials have reached out to their government counterparts and telecom executives in friendly countries where Huawei equipment is already in wide use about what they see as cyber-security risks, according to the WSJ report, which cited unnamed people familiar with the situation.',
      'Huawei has come under scrutiny in the United States recently.',
      'Intelligence agency leaders and others have said they are concerned that Huawei and other Chinese companies may be beholden to the Chinese government or ruling Communist Party, raising the risk of espionage.',
      'Washington has been considering increasing financial aid for telecommunications development in countries that shun Chinese-made equipment, the WSJ reported.',
      "One of the government's concerns is based on the use of Chinese telecom equipment in countries that host US military bases, such as Germany, Italy and Japan, the report added.",
      'A US Department of Commerce spokesman said in a statement that the department would remain vigilant against any threat to US national security.',
    ],
  },
  {
    file: '004_8898504a670454c0.txt',
    // 5: the caption again; 17-18: a Brexit story pulled in; 28: "Latest News".
    boilerplate: [5, 17, 18, 28],
    quotes: [
      { quote: '"We engage with countries around the world about our concerns regarding cyberthreats in telecommunications infrastructure"', speaker: 'a USA official' },
      { quote: '"Huawei is surprised by the behaviours of the U.S. government detailed in the article"', speaker: 'a Huawei spokesperson' },
      // The text does not say who said these two.
      { quote: '"There are additional complexities to 5G networks that make them more vulnerable to cyberattacks"' },
      { quote: `"If a government's behaviour extends beyond its jurisdiction, such activity should not be encouraged"` },
    ],
    claims: [
      // The photo caption (line 3; line 5 is its second copy).
      { text: "Huawei is one of the world's largest telecommunications equipment and services providers", occurrence: 0 },
      'As if it wasn\'t enough, Washington is reportedly trying to dissuade wireless and internet providers based in its allied countries including Germany, Italy, and Japan from using Huawei-built telecommunications equipment.',
      'Officials from the USA have reached out to counterparts and executives in countries including Germany, Italy and Japan about perceived cybersecurity risks, the Journal said, citing unidentified people familiar with the matter.',
      'The US maintains many military bases overseas, in Japan and Germany for example, in countries where Huawei equipment is popular.',
      "People familiar with the matter have, also, mentioned about the government's potential plans to provide financial aid to help these countries developed their telecommunications in the event when they choose to drop Chinese-made equipment.",
      'United States intelligence officials have expressed concern about the safety of products made by Huawei and another Chinese tech firm, ZTE.',
      'USA has been warning its allies including Italy, Germany, and Japan to not to use Huawei products.',
      'Huawei has come under scrutiny in the United States recently.',
      "Officials working for President Donald Trump's administration have briefed key allies about the national security concerns posed by Huawei, which was founded by a former People's Liberation Army major.",
      "The tough times began in 2012 when the U.S. House of Representatives' Intelligence Committee recommended keeping the firm, along with ZTE, out of the U.S. market.",
      'Huawei has repeatedly denied such accusations, pointing out that it works with security agencies around the world and that it sells products to more than 500 operators in 170 countries without issue.',
    ],
  },
];

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Every UTF-16 index where `needle` occurs in `text`; a space in the needle also matches a
 * no-break space (the scraped pages have some), which keeps the spans' text exact.
 */
function occurrences(text: string, needle: string): number[] {
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \u00a0]'), 'g');
  return [...text.matchAll(pattern)].map((m) => m.index!);
}

function build(spec: ArticleSpec): { doc: LayerDoc; text: string } {
  const id = `articles/${spec.file}`;
  const text = readFileSync(join(project, id), 'utf8').replace(/^\uFEFF/, '');
  const map = new OffsetMap(text);
  const spans: Span[] = [];
  const relations: Relation[] = [];
  const add = (label: string, s16: number, e16: number, attrs: Record<string, string> = {}): Span => {
    const start = map.toCodePoint(s16);
    const end = map.toCodePoint(e16);
    const existing = spans.find((s) => s.label === label && s.start === start && s.end === end);
    if (existing) return existing;
    const span: Span = { id: '', start, end, label, text: text.slice(s16, e16), attrs, origin: 'manual', createdAt: STAMP, updatedAt: STAMP };
    spans.push(span);
    return span;
  };
  const unique = (needle: string, what: string): number => {
    const at = occurrences(text, needle);
    if (at.length !== 1) throw new Error(`${spec.file}: ${what} ${JSON.stringify(needle.slice(0, 60))} occurs ${at.length} times`);
    return at[0];
  };

  const lines = text.split('\n');
  let lineStart = 0;
  const starts = lines.map((l) => {
    const s = lineStart;
    lineStart += l.length + 1;
    return s;
  });
  for (const n of spec.boilerplate) {
    const line = lines[n - 1];
    if (line === undefined || line.trim() === '') throw new Error(`${spec.file}: line ${n} is empty or missing`);
    const lead = line.length - line.trimStart().length;
    const s16 = starts[n - 1] + lead;
    add('BOILERPLATE', s16, s16 + line.trim().length);
  }

  const quoteSpans: { quote: Span; speaker: Span | null }[] = [];
  for (const q of spec.quotes) {
    const q16 = unique(q.quote, 'quote');
    const quote = add('QUOTE', q16, q16 + q.quote.length, { kind: 'direct' });
    let speaker: Span | null = null;
    if (q.speaker) {
      const at = occurrences(text, q.speaker);
      if (at.length === 0) throw new Error(`${spec.file}: speaker ${q.speaker} not found`);
      const distance = (s: number) => (s >= q16 + q.quote.length ? s - (q16 + q.quote.length) : q16 - (s + q.speaker!.length));
      const s16 = at.reduce((best, s) => (distance(s) < distance(best) ? s : best));
      speaker = add('SPEAKER', s16, s16 + q.speaker.length);
    }
    quoteSpans.push({ quote, speaker });
  }

  for (const c of spec.claims) {
    if (typeof c === 'string') {
      const s16 = unique(c, 'claim');
      add('CLAIM', s16, s16 + c.length);
    } else {
      const s16 = occurrences(text, c.text)[c.occurrence];
      if (s16 === undefined) throw new Error(`${spec.file}: claim ${c.text.slice(0, 60)} has no occurrence ${c.occurrence}`);
      add('CLAIM', s16, s16 + c.text.length);
    }
  }

  spans.sort((a, b) => a.start - b.start || b.end - a.end || a.label.localeCompare(b.label));
  spans.forEach((s, i) => (s.id = `ref${String(i + 1).padStart(3, '0')}`));
  for (const { quote, speaker } of quoteSpans) {
    if (speaker) relations.push({ id: `rel${String(relations.length + 1).padStart(3, '0')}`, type: 'ATTRIBUTED_TO', from: quote.id, to: speaker.id });
  }
  for (const s of spans) if (map.toCodePoint(text.length) < s.end) throw new Error('offset out of range');
  const doc: LayerDoc = { formatVersion: FORMAT_VERSION, article: id, layer: LAYER, sha256: sha256(text), status: 'done', spans, relations, updatedAt: STAMP };
  return { doc, text };
}

/** The file as the project store writes it: each span with the text around it (prefix/suffix). */
function serialise(doc: LayerDoc, text: string): string {
  const map = new OffsetMap(text);
  const stored = { ...doc, spans: doc.spans.map((s) => ({ ...s, ...quoteContext(text, s.start, s.end, map) })) };
  return JSON.stringify(stored, null, 2) + '\n';
}

const check = process.argv.includes('--check');
let stale = 0;
for (const spec of ARTICLES) {
  const { doc, text } = build(spec);
  const file = join(project, 'annotations', LAYER, `${spec.file}.json`);
  const content = serialise(doc, text);
  const counts = ['BOILERPLATE', 'QUOTE', 'SPEAKER', 'CLAIM'].map((l) => `${l} ${doc.spans.filter((s) => s.label === l).length}`).join(', ');
  if (check) {
    const same = existsSync(file) && readFileSync(file, 'utf8') === content;
    if (!same) stale++;
    console.log(`${same ? 'ok     ' : 'STALE  '} ${file}`);
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    console.log(`${spec.file}: ${counts}, ATTRIBUTED_TO ${doc.relations.length}`);
  }
}
if (stale) process.exit(1);
