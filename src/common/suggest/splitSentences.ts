import { OffsetMap } from '../offsets';

/** One sentence: trimmed, with code point offsets and the matching UTF-16 offsets. */
export interface Sentence {
  start: number;
  end: number;
  start16: number;
  end16: number;
  text: string;
}

// Words that end with a period without ending a sentence: titles, initials' companions, months,
// US state abbreviations as AP style writes them, and common Latin and measure abbreviations.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt gen gov sen rep reps sens lt col capt sgt maj adm cmdr rev hon pres supt insp det cpl pvt ' +
    'no nos vol vols pp vs etc al fig figs approx est dept univ ft sq cf ed eds ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo ' +
    'inc ltd co corp bros plc llc'
  ).split(' '),
);
// After these, a capitalised common sentence opener still starts a new sentence ("… Apple Inc. The deal …").
const AMBIGUOUS = new Set('inc ltd co corp bros plc llc jr sr etc al'.split(' '));
const SENTENCE_OPENERS = new Set(
  'the a an it he she they we i this that these those there in on at but and so yet however meanwhile still also its his her their our after before when while if as for with by from one two some many most all no'.split(' '),
);

/**
 * Splits a text into sentences. A sentence ends at . ! ? or … (with any closing quote or
 * bracket after it) followed by a space and a capital, a digit or an opening quote, unless the
 * period belongs to an abbreviation ("Mr.", "Sen.", "Calif.", "Jan."), an initial ("John F.
 * Kennedy") or a dotted acronym ("U.S.", "a.m."); acronyms and company suffixes still end a
 * sentence when a common sentence opener follows ("… in the U.S. The …"). Line breaks end
 * sentences, except a single break inside a hard-wrapped paragraph (the next line starts in
 * lower case). Offsets are code points; sentences are trimmed.
 */
export function splitSentences(text: string, map: OffsetMap = new OffsetMap(text)): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: map.toCodePoint(s), end: map.toCodePoint(e), start16: s, end16: e, text: text.slice(s, e) });
  };
  const boundary = /([.!?…]+["'”’»)\]]*)(\s+)(?=["'“‘«„(\[]?[\p{Lu}\p{N}])|(\r\n|\r|\n)/gu;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    if (m[3] !== undefined) {
      // A line break: keep going only inside a hard-wrapped paragraph.
      const prev = text.slice(Math.max(0, m.index - 1), m.index);
      const next = text[m.index + m[3].length] ?? '';
      if (/\p{Ll}/u.test(next) && /[^\s.!?…:]/u.test(prev)) continue;
      push(start, m.index);
      start = m.index + m[3].length;
      continue;
    }
    const dotEnd = m.index + m[1].length;
    if (m[1].startsWith('.') && !/[!?…]/.test(m[1]) && !endsSentence(text, m.index, dotEnd + m[2].length)) continue;
    if (m[2].includes('\n') || m[2].includes('\r')) {
      push(start, dotEnd);
      start = m.index + m[0].length;
      continue;
    }
    push(start, dotEnd);
    start = dotEnd;
  }
  push(start, text.length);
  return out;
}

function endsSentence(text: string, dot: number, nextWordAt: number): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}\p{N}.]/u.test(text[i - 1])) i--;
  const token = text.slice(i, dot);
  const word = token.toLowerCase();
  const nextWord = (/^["'“‘«„(\[]?([\p{L}\p{N}]+)/u.exec(text.slice(nextWordAt))?.[1] ?? '').toLowerCase();
  const opener = SENTENCE_OPENERS.has(nextWord);
  if (/^\p{Lu}$/u.test(token)) return false; // an initial: "John F. Kennedy"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(token)) return opener; // "U.S", "a.m", "D.C"
  if (ABBREVIATIONS.has(word)) return AMBIGUOUS.has(word) ? opener : false;
  return true;
}
