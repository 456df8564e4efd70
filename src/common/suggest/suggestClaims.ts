import { OffsetMap } from '../offsets';
import { boilerplateCue } from './boilerplateCue';
import { findQuotations } from './findQuotations';
import { splitSentences } from './splitSentences';
import type { Suggestion } from './Suggestion';

/** Options of {@link suggestClaims}. */
export interface ClaimOptions {
  /** Only sentences scoring at least this are proposed (0..1). Default 0.5. */
  minScore?: number;
  /** Code point ranges to leave out (for instance accepted BOILERPLATE spans). */
  exclude?: readonly { start: number; end: number }[];
}

const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|half|percent|per cent)\b|%|[$€£¥]/i;
const REPORTING = /\b(?:said|says|told|reported|reports|according to|announced|confirmed|stated|found|showed|shows|revealed|published|estimated|recorded|ruled|voted|signed|approved|filed|charged|arrested|sentenced|killed|died|launched|acquired|bought|sold|raised|cut|increased|decreased|rose|fell|grew|declined|banned|barred|sanctioned|imposed|issued|released|agreed|denied|accused|warned|asked|urged|used|uses)\b/i;
const HEDGES = /\b(?:may|might|could|reportedly|allegedly|possibly|perhaps|probably|likely|unlikely|appears?|appeared|seems?|seemed|suggests?|rumou?red|believed|expected|potential(?:ly)?|considering|said to be|is said|are said)\b/i;
const OPINION = /\b(?:i think|i believe|we believe|in my (?:view|opinion)|should|must|ought|shall|hopefully|unfortunately|fortunately|sadly|clearly|obviously|of course|great|terrible|awful|wonderful|amazing|horrible|best|worst|beautiful|ugly|stupid|brilliant|shameful|disgraceful|ridiculous|absurd)\b/i;
const PREDICTION = /\b(?:will|going to|is set to|are set to|next (?:year|month|week))\b/i;
// Case matters: "US" is a country, "us" a pronoun.
const FIRST_PERSON = /\b(?:I|[Mm]e|[Mm]y|[Ww]e|us|[Oo]ur|[Yy]ou|[Yy]our)\b/;

/**
 * Proposes CLAIM for candidate check-worthy sentences, best first. Sentences come from
 * `splitSentences` (so "U.S." and "Mr." do not end them). Each sentence is scored from 0.35:
 * numbers and quantities +0.2, named actors (capitalised words past the first) up to +0.2,
 * reporting or event verbs +0.1, a plain declarative ending +0.05; hedges (may, reportedly,
 * allegedly …) −0.15, opinion or prescriptive wording −0.25, predictions −0.1, first or second
 * person −0.1, no closing punctuation (headlines, fragments) −0.2. Never proposed: questions, sentences that are mostly a quotation (the quote is a
 * QUOTE), lines with boilerplate wording, fragments under six words, and excluded ranges.
 */
export function suggestClaims(text: string, options: ClaimOptions = {}): Suggestion[] {
  const map = new OffsetMap(text);
  const minScore = options.minScore ?? 0.5;
  const quotes = findQuotations(text, map);
  const exclude = options.exclude ?? [];
  const out: Suggestion[] = [];
  for (const s of splitSentences(text, map)) {
    if (exclude.some((r) => r.start < s.end && s.start < r.end)) continue;
    const scored = scoreClaim(s.text, quotedShare(quotes, s.start16, s.end16));
    if (scored.score < minScore) continue;
    out.push({ label: 'CLAIM', start: s.start, end: s.end, text: s.text, score: round(scored.score), engine: 'claims', reason: scored.reasons.join(', ') });
  }
  return out.sort((a, b) => b.score - a.score || a.start - b.start);
}

/** The check-worthiness score of one sentence (0..1) with the reasons behind it. */
export function scoreClaim(sentence: string, quoted = 0): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  const words = sentence.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  if (words.length < 6) return { score: 0, reasons: ['too short'] };
  if (/\?["'”’»)]*$/.test(sentence)) return { score: 0, reasons: ['question'] };
  if (quoted >= 0.6) return { score: 0, reasons: ['quotation'] };
  if (boilerplateCue(sentence)) return { score: 0, reasons: ['boilerplate wording'] };
  let score = 0.35;
  if (NUMBER.test(sentence)) {
    score += 0.2;
    reasons.push('number');
  }
  const actors = words.slice(1).filter((w) => /^\p{Lu}/u.test(w)).length;
  if (actors > 0) {
    score += Math.min(0.2, 0.07 * actors);
    reasons.push('named actor');
  }
  if (REPORTING.test(sentence)) {
    score += 0.1;
    reasons.push('reported event');
  }
  if (/[.!]["'”’»)]*$/.test(sentence)) score += 0.05;
  else score -= 0.2; // headlines and fragments
  if (HEDGES.test(sentence)) {
    score -= 0.15;
    reasons.push('hedged');
  }
  if (OPINION.test(sentence)) {
    score -= 0.25;
    reasons.push('opinion');
  }
  if (PREDICTION.test(sentence)) {
    score -= 0.1;
    reasons.push('prediction');
  }
  if (FIRST_PERSON.test(sentence.replace(/"[^"]*"|“[^”]*”/g, ''))) {
    score -= 0.1;
    reasons.push('first person');
  }
  if (quoted > 0.3) score -= 0.1;
  return { score: Math.max(0, Math.min(1, score)), reasons };
}

function quotedShare(quotes: { start16: number; end16: number }[], start16: number, end16: number): number {
  let inside = 0;
  for (const q of quotes) {
    const a = Math.max(q.start16, start16);
    const b = Math.min(q.end16, end16);
    if (b > a) inside += b - a;
  }
  return end16 > start16 ? inside / (end16 - start16) : 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
