/**
 * A deterministic synthetic project for the speed figure: articles from 50 sites (each with its
 * own menu, share bar, newsletter prompt and footer), telling 4,000 stories, some syndicated to
 * several sites, with direct quotes, attributions, numbers and named actors.
 */
const WORDS = (
  'government officials company market report network equipment security policy council city river election court minister ' +
  'people country allies trade deal plan budget school hospital police health energy climate water price growth sales ' +
  'investors customers workers board agency study data system project program service industry region border coast'
).split(' ');
const VERBS = 'announced approved rejected reported confirmed denied raised cut increased reduced signed launched blocked delayed'.split(' ');
const FIRST = 'Maria|John|Aiko|Omar|Ingrid|Chen|Priya|Lucas|Anna|David|Fatima|Pedro|Olga|Kwame|Sofia|Liam|Mei|Ravi|Elena|Tom'.split('|');
const LAST = 'Lopez|Smith|Tanaka|Haddad|Berg|Wei|Nair|Moreau|Kowalska|Cohen|Mensah|Silva|Ivanova|Okafor|Rossi|Murphy|Kim|Gupta|Novak|Brown'.split('|');
const NAMES = FIRST.flatMap((f) => LAST.map((l) => `${f} ${l}`));
const ORGS = [
  ...'Huawei|Reuters|Acme Corp.|the U.S. Senate|the EU Commission|the World Bank|Siemens|Toyota|the IMF|NASA'.split('|'),
  ...WORDS.map((w) => `the ${w} ministry`),
  ...WORDS.map((w) => `the national ${w} agency`),
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function sentence(r: () => number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const n = 8 + Math.floor(r() * 14);
  const words = [r() < 0.5 ? pick(ORGS) : pick(NAMES), pick(VERBS), pick(['the', 'a', 'new', 'its', 'their'])];
  for (let i = 0; i < n; i++) words.push(r() < 0.12 ? String(Math.floor(r() * 1000)) : r() < 0.3 ? pick(['of', 'in', 'and', 'to', 'for', 'the', 'with']) : pick(WORDS));
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

function paragraph(r: () => number): string {
  const kind = r();
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  if (kind < 0.25) return `“${sentence(r).slice(0, -1)},” ${pick(NAMES)} said on ${pick(['Monday', 'Tuesday', 'Friday'])}. ${sentence(r)}`;
  if (kind < 0.35) return `${pick(NAMES)}, a spokesperson for ${pick(ORGS)}, said: "${sentence(r)}"`;
  return [sentence(r), sentence(r), r() < 0.5 ? sentence(r) : ''].join(' ').trim();
}

/** Generates `count` article texts (plain text, one paragraph a line, blank lines between). */
export function generateArticles(count: number, seed = 42): string[] {
  const r = rng(seed);
  const sites = Array.from({ length: 50 }, (_, s) => ({
    menu: ['Home', 'World', 'Business', 'Sport', `Site ${s} Plus`, 'Opinion', 'Culture', 'Video'],
    share: 'Share on Facebook Tweet Share Reddit Comment',
    footer: [`Sign up for the Site ${s} newsletter`, 'Comments', `© ${2000 + s} Site ${s} Media. All rights reserved.`, `About Site ${s}: we are pleased to bring you the news of the region every day since ${1950 + s}.`],
  }));
  const stories = Array.from({ length: 4000 }, (_, k) => {
    const rs = rng(seed * 7919 + k);
    return { headline: sentence(rs).slice(0, -1).split(' ').slice(0, 9).join(' '), body: Array.from({ length: 6 + Math.floor(rs() * 8) }, () => paragraph(rs)) };
  });
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const site = sites[Math.floor(r() * sites.length)];
    const story = stories[Math.floor(r() * stories.length)];
    const lines = [...site.menu, story.headline, site.share, story.headline, ...story.body, ...site.footer];
    out.push(lines.join('\n\n'));
  }
  return out;
}
