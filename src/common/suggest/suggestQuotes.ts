import { OffsetMap } from '../offsets';
import { findQuotations, type Quotation } from './findQuotations';
import { splitSentences, type Sentence } from './splitSentences';
import type { Suggestion } from './Suggestion';

/** Verbs (and phrases) that report speech, in the forms news writing uses. */
const SPEECH_VERB =
  "said|says|say|told|tells|tell|added|adds|stated|states|explained|explains|noted|notes|wrote|writes|asked|asks|replied|replies|commented|comments|declared|declares|insisted|insists|argued|argues|warned|warns|claimed|claims|continued|continues|recalled|recalls|announced|announces|remarked|acknowledged|acknowledges|admitted|admits|confirmed|confirms|tweeted|tweets|posted|emphasi[sz]ed|stressed|stresses|concluded|suggested|suggests|urged|urges|responded|responds|testified|quipped|observed|cautioned|conceded|countered|contended|maintained|maintains|reiterated|pointed out|went on|shouted|whispered|wondered|predicted|predicts|vowed|vows|exclaimed|laughed|joked|agreed|agrees|complained|complains|described|describes|called|calls|boasted|promised|promises";
const PRONOUN = /^(?:he|she|they|it|we|i|you|him|her|them|one|this|that)$/i;
const NP_STOP =
  /\s+(?:in|on|at|during|after|before|when|while|via|from|later|also|then|again|previously|earlier|recently|has|had|have|would|will|was|is|on|last|this|yesterday|today|told|to|who|which|that|as|for the first time)\b.*$/i;
const VERB_AT_START = new RegExp(`^[\\s,;:—–-]*(?:(?:${SPEECH_VERB})\\b|according to\\b)`, 'i');
const AFTER_VERB_FIRST = new RegExp(`^([\\s,;:—–-]*)(?:${SPEECH_VERB})\\s+(?=[\\p{Lu}]|(?:the|a|an)\\s)`, 'iu');
const AFTER_ACCORDING = /^([\s,;:—–-]*)according to\s+/i;
const AFTER_SUBJECT_FIRST = new RegExp(
  `^([\\s,;:—–-]*)((?:[^\\s.!?;:"“”«»,]+[ ,]+){0,9}?[^\\s.!?;:"“”«»,]+),?\\s+(?:(?:also|then|later|has|had|have|previously|once|again|recently|simply|flatly|quickly|further)\\s+)*(?:${SPEECH_VERB})\\b`,
  'iu',
);
const BEFORE_VERB = new RegExp(`\\b(?:${SPEECH_VERB}|according to)\\b`, 'gi');

interface Found {
  start16: number;
  end16: number;
  /** How the attribution was read: adjacent verb after the quote, before it, or inherited. */
  how: 'after' | 'before' | 'continued' | 'pronoun-resolved';
}

/**
 * Proposes QUOTE spans for direct quotations (marks included; see `findQuotations`) and, where
 * the text around a quotation says who spoke ("X said", "said X", "X told ...", "according to
 * X", "X, a spokesperson, said: ..."), a SPEAKER span linked from the QUOTE by ATTRIBUTED_TO.
 *
 * The SPEAKER is the shortest phrase naming the source next to the reporting verb: an appositive
 * is cut ("Jane Doe, a spokeswoman," gives "Jane Doe"), adverbials are dropped ("a Huawei
 * spokesperson in an interview on Friday said" gives "a Huawei spokesperson"). A pronoun is
 * replaced by the nearest earlier speaker or name within the three lines before the quote.
 * A quotation without its own attribution that continues the previous one (same or next
 * paragraph) inherits that one's speaker. Reporting verbs are English.
 *
 * Returned in text order; a QUOTE's `links[].to` is the index of its SPEAKER in the array.
 */
export function suggestQuotes(text: string): Suggestion[] {
  const map = new OffsetMap(text);
  const quotes = findQuotations(text, map);
  const sentences = splitSentences(text, map);
  const speakers: { start16: number; end16: number; score: number }[] = [];
  const speakerOf: (number | null)[] = [];
  const quoteScore: number[] = [];

  const addSpeaker = (f: Found): number => {
    const existing = speakers.findIndex((s) => s.start16 === f.start16 && s.end16 === f.end16);
    if (existing >= 0) return existing;
    const phrase = text.slice(f.start16, f.end16);
    const named = /\p{Lu}/u.test(phrase) && !PRONOUN.test(phrase);
    speakers.push({ start16: f.start16, end16: f.end16, score: named ? 0.8 : 0.6 });
    return speakers.length - 1;
  };

  quotes.forEach((q, k) => {
    let found = attributionAfter(text, q, sentences) ?? attributionBefore(text, q, sentences, quotes[k - 1]);
    if (found && PRONOUN.test(text.slice(found.start16, found.end16))) {
      found = resolvePronoun(text, q, speakers) ?? found;
    }
    let idx: number | null = found ? addSpeaker(found) : null;
    if (idx === null && k > 0 && speakerOf[k - 1] !== null && continues(text, quotes[k - 1], q)) idx = speakerOf[k - 1];
    speakerOf.push(idx);
    let score = 0.5 + (idx !== null ? 0.25 : 0) + (q.words >= 6 ? 0.1 : 0) + (q.closed ? 0.05 : 0) - (q.words <= 2 ? 0.25 : 0);
    if (q.words === 1 && idx === null) score = 0; // scare quotes and titles
    quoteScore.push(Math.max(0, Math.min(1, score)));
  });

  type Pending = { kind: 'QUOTE' | 'SPEAKER'; i: number; start16: number; end16: number };
  const items: Pending[] = [];
  quotes.forEach((q, i) => {
    if (quoteScore[i] > 0) items.push({ kind: 'QUOTE', i, start16: q.start16, end16: q.end16 });
  });
  const usedSpeakers = new Set(quotes.map((_, i) => (quoteScore[i] > 0 ? speakerOf[i] : null)).filter((x): x is number => x !== null));
  speakers.forEach((s, i) => {
    if (usedSpeakers.has(i)) items.push({ kind: 'SPEAKER', i, start16: s.start16, end16: s.end16 });
  });
  items.sort((a, b) => a.start16 - b.start16 || b.end16 - a.end16 || (a.kind < b.kind ? -1 : 1));
  const speakerIndex = new Map<number, number>();
  items.forEach((it, pos) => {
    if (it.kind === 'SPEAKER') speakerIndex.set(it.i, pos);
  });
  return items.map((it): Suggestion => {
    const start = map.toCodePoint(it.start16);
    const end = map.toCodePoint(it.end16);
    const base = { label: it.kind, start, end, text: text.slice(it.start16, it.end16), engine: 'quotes' };
    if (it.kind === 'SPEAKER') return { ...base, score: speakers[it.i].score, reason: 'named by the attribution' };
    const sp = speakerOf[it.i];
    const q = quotes[it.i];
    return {
      ...base,
      score: quoteScore[it.i],
      reason: q.closed ? 'quotation marks' : 'quotation runs to the end of the paragraph',
      ...(sp !== null ? { links: [{ type: 'ATTRIBUTED_TO' as const, to: speakerIndex.get(sp)! }] } : {}),
    };
  });
}

function lineEnd(text: string, from: number): number {
  const nl = text.slice(from).search(/\r|\n/);
  return nl < 0 ? text.length : from + nl;
}

function lineStart(text: string, from: number): number {
  const a = text.lastIndexOf('\n', from - 1);
  const b = text.lastIndexOf('\r', from - 1);
  return Math.max(a, b) + 1;
}

// "…,” said Jane Doe." / "…,” Jane Doe said." / "…,” according to the report."
function attributionAfter(text: string, q: Quotation, sentences: Sentence[]): Found | null {
  if (!q.closed) return null;
  const sentenceEnd = sentences.find((s) => s.end16 > q.end16)?.end16 ?? text.length;
  const end = Math.min(lineEnd(text, q.end16), q.end16 + 240, sentenceEnd);
  let after = text.slice(q.end16, end);
  const stop = after.search(/["“”«»„]/);
  if (stop >= 0) after = after.slice(0, stop);
  // A quote ending a sentence ("….” Then …) is not followed by its attribution.
  const quoteInner = text.slice(q.start16, q.end16);
  const endsSentence = /[.!?]["”»«“]$/.test(quoteInner) && /^\s+\p{Lu}/u.test(after) && !VERB_AT_START.test(after) && !new RegExp(`^\\s+\\S+(?:\\s+\\S+){0,4}\\s+(?:${SPEECH_VERB})\\b`, 'i').test(after);
  if (endsSentence) return null;

  let m = AFTER_ACCORDING.exec(after) ?? AFTER_VERB_FIRST.exec(after);
  if (m) {
    const from = q.end16 + m[0].length;
    const np = nounPhrase(text.slice(from, q.end16 + after.length));
    return np ? { start16: from + np.offset, end16: from + np.offset + np.length, how: 'after' } : null;
  }
  m = AFTER_SUBJECT_FIRST.exec(after);
  if (m) {
    const from = q.end16 + m[1].length;
    const np = nounPhrase(m[2]);
    return np ? { start16: from + np.offset, end16: from + np.offset + np.length, how: 'after' } : null;
  }
  return null;
}

// "Jane Doe said: “…”" / "A spokesperson in an interview on Friday said, “…”" / "According to X, “…”"
function attributionBefore(text: string, q: Quotation, sentences: Sentence[], previous?: Quotation): Found | null {
  let from = lineStart(text, q.start16);
  if (previous && previous.end16 > from && previous.end16 <= q.start16) from = previous.end16;
  // Only the sentence the quotation sits in.
  for (const s of sentences) {
    if (s.start16 > q.start16) break;
    if (s.start16 > from) from = s.start16;
  }
  const before = text.slice(from, q.start16);
  const sentenceStart = 0;
  const sentence = before;
  if (!/[,:—–-]\s*$|\s$/.test(sentence)) return null;
  let last: RegExpExecArray | null = null;
  BEFORE_VERB.lastIndex = 0;
  for (let m = BEFORE_VERB.exec(sentence); m; m = BEFORE_VERB.exec(sentence)) last = m;
  if (!last) return null;
  const base = from + sentenceStart;
  if (/^according to$/i.test(last[0])) {
    const rest = sentence.slice(last.index + last[0].length);
    const np = nounPhrase(rest.replace(/^\s+/, ''));
    if (!np) return null;
    const lead = rest.length - rest.replace(/^\s+/, '').length;
    const s = base + last.index + last[0].length + lead + np.offset;
    return { start16: s, end16: s + np.length, how: 'before' };
  }
  // The subject: the clause before the verb, its last comma-separated part that names someone.
  const clause = sentence.slice(0, last.index);
  const np = subjectPhrase(clause);
  if (!np) {
    // "said X: “…”" (verb first, subject after it).
    const rest = sentence.slice(last.index + last[0].length);
    const lead = rest.length - rest.replace(/^\s+/, '').length;
    const np2 = /^\s+(?:[\p{Lu}]|(?:the|a|an)\s)/u.test(rest) ? nounPhrase(rest.slice(lead)) : null;
    if (!np2) return null;
    const s = base + last.index + last[0].length + lead + np2.offset;
    return { start16: s, end16: s + np2.length, how: 'before' };
  }
  return { start16: base + np.offset, end16: base + np.offset + np.length, how: 'before' };
}

/** The phrase at the start of `s` naming a speaker: up to a comma, a stop word or the end. */
function nounPhrase(s: string): { offset: number; length: number } | null {
  let phrase = s.replace(/[\s,;:.!?]+$/, '');
  const comma = phrase.search(/,|\s[—–-]\s|\(/);
  if (comma >= 0) phrase = phrase.slice(0, comma);
  phrase = phrase.replace(NP_STOP, '');
  phrase = trimPhrase(phrase);
  if (!isSpeakerPhrase(phrase)) return null;
  return { offset: s.indexOf(phrase), length: phrase.length };
}

// The subject of a reporting verb inside the clause before it.
function subjectPhrase(clause: string): { offset: number; length: number } | null {
  const parts: { text: string; offset: number }[] = [];
  const re = /[^,]+/g;
  for (let m = re.exec(clause); m; m = re.exec(clause)) parts.push({ text: m[0], offset: m.index });
  const candidates: { offset: number; length: number; named: boolean }[] = [];
  for (let k = parts.length - 1; k >= 0 && k >= parts.length - 3; k--) {
    const raw = parts[k].text;
    let phrase = raw.replace(/^\s*(?:and|but|as|while|then|so|yet|later|meanwhile|however)\s+/i, '');
    // Drop adverbials between subject and verb ("a spokesperson in an interview on Friday").
    phrase = phrase.replace(/^\s+/, '');
    if (/^(?:in|on|at|during|after|before|when|while|via|from|for|with|by|to|last|this|on)\b/i.test(phrase)) continue;
    phrase = phrase.replace(NP_STOP, '');
    phrase = trimPhrase(phrase);
    if (!isSpeakerPhrase(phrase)) continue;
    const offset = parts[k].offset + raw.indexOf(phrase);
    candidates.push({ offset, length: phrase.length, named: namesSomeone(phrase) });
    if (k === parts.length - 1 && PRONOUN.test(phrase)) break;
  }
  if (candidates.length === 0) return null;
  // Prefer a phrase with a proper name, then the shortest.
  candidates.sort((a, b) => Number(b.named) - Number(a.named) || a.length - b.length);
  return candidates[0];
}

function trimPhrase(p: string): string {
  // "Robin Biesbroek of the CDF": after a full name, the affiliation is not needed.
  const affiliation = /^((?:\p{Lu}[\p{L}.’'-]*\s+)+\p{Lu}[\p{L}’'-]+)\s+(?:of|from|at)\s+.+$/u.exec(p.trim());
  if (affiliation && !/^(?:The|A|An)\s/.test(affiliation[1])) p = affiliation[1];
  return p
    .replace(/^[\s"“”«»'‘’(—–-]+/, '')
    .replace(/[\s"“”«»'‘’)—–-]+$/, '')
    .replace(/\s+(?:also|has|had|have|later|then|again|who|which|previously)$/i, '');
}

// Finite verbs that betray a clause rather than a noun phrase ("He performed a live show").
const CLAUSE_VERB =
  /\b(?:is|are|was|were|be|been|has|have|had|do|does|did|came|comes|went|goes|made|makes|took|takes|got|gets|gave|gives|became|becomes|began|begins|performed|appeared|wrote|released|added|led|left|won|lost|saw|sees|found|finds|used|uses|can|could|would|should|will|may|might|must)\b/i;

function isSpeakerPhrase(p: string): boolean {
  if (!p) return false;
  const words = p.split(/\s+/);
  if (words.length > 8) return false;
  if (/[’']s$/.test(p)) return false; // "Mike Ford’s" names the owner of something, not the speaker
  if (CLAUSE_VERB.test(p)) return false;
  if (PRONOUN.test(p)) return true;
  if (!/\p{L}/u.test(p)) return false;
  // A noun phrase, not a clause: no finite reporting verb inside, starts like a name or a determiner.
  if (new RegExp(`\\b(?:${SPEECH_VERB})\\b`, 'i').test(p)) return false;
  return /^(?:\p{Lu}|(?:the|a|an|one|two|three|several|many|some|both|another|his|her|their|its|our)\s)/u.test(p);
}

function namesSomeone(p: string): boolean {
  const words = p.split(/\s+/);
  return words.some((w, i) => /^\p{Lu}/u.test(w) && !/[’']s$/.test(w) && !(i === 0 && /^(?:The|A|An)$/.test(w)));
}

// A pronoun speaker: the nearest earlier speaker, else the nearest earlier name, within three lines.
function resolvePronoun(text: string, q: Quotation, speakers: { start16: number; end16: number }[]): Found | null {
  let windowStart = q.start16;
  for (let k = 0; k < 3; k++) windowStart = Math.max(0, lineStart(text, Math.max(0, windowStart - 1)));
  const earlier = speakers.filter((s) => s.end16 <= q.start16 && s.start16 >= windowStart && !PRONOUN.test(text.slice(s.start16, s.end16)));
  const speaker = earlier.length > 0 ? earlier[earlier.length - 1] : null;
  const name = nearestName(text, windowStart, q.start16);
  const best = !name || (speaker && speaker.start16 >= name.start16) ? speaker : name;
  return best ? { start16: best.start16, end16: best.end16, how: 'pronoun-resolved' } : null;
}

function nearestName(text: string, windowStart: number, end16: number): { start16: number; end16: number } | null {
  const window = text.slice(windowStart, end16);
  const name = /\b(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+)?\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}’'-]+)+/gu;
  let last: RegExpExecArray | null = null;
  for (let m = name.exec(window); m; m = name.exec(window)) {
    // Skip capitalised words that only start a sentence.
    if (!/^(?:The|A|An|In|On|At|But|And|This|That|It|He|She|They|We)\s/.test(m[0])) last = m;
  }
  if (!last) return null;
  const found = last[0].replace(/[’']s$/, '');
  return { start16: windowStart + last.index, end16: windowStart + last.index + found.length };
}

// The quotation continues the previous one: same line, or an unclosed quote whose paragraph it follows.
function continues(text: string, prev: Quotation, q: Quotation): boolean {
  if (prev.line === q.line) return true;
  if (!prev.closed && q.line <= prev.line + 2) return true;
  const between = text.slice(prev.end16, q.start16);
  return /^[^\n\r]*(?:\r\n|\r|\n){1,2}\s*$/.test(between) && /^[\s]*$/.test(between.replace(/^[^\n\r]*/, ''));
}
