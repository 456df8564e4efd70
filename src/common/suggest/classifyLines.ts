import { OffsetMap } from '../offsets';
import { boilerplateCue, type BoilerplateCue } from './boilerplateCue';
import { lineKey, type LineFrequencyIndex } from './LineFrequencyIndex';
import { STOP_WORDS } from './stopWords';
import { textLines, type TextLine } from './textLines';

/** The verdict on one non-blank line. */
export interface LineVerdict {
  line: TextLine;
  boilerplate: boolean;
  /** Confidence in the verdict `boilerplate === true`, 0..1 (0 for lines judged story text). */
  confidence: number;
  reason: string;
}

/** Optional evidence beyond the text itself. */
export interface ClassifyLinesOptions {
  /**
   * For each line index of the text, the share (0..1) of the line that an HTML content extractor
   * (readability) kept as main content. Given for imported HTML pages only.
   */
  contentShare?: readonly number[];
  /** The page's title, when known: its line is the headline, never boilerplate. */
  title?: string;
  /** Line frequencies over the project, with `articleId` the id of this article in it. */
  index?: LineFrequencyIndex;
  articleId?: number;
}

/** The measurable features of one line, as the classifier sees them. */
export interface LineFeatures {
  words: number;
  stopRatio: number;
  endsSentence: boolean;
  /** Reads like running text: enough words, enough function words, sentence-like. */
  prose: boolean;
  /** Share of words starting with a capital letter (headline lists and menus are Title Case). */
  capitalised: number;
  cue: BoilerplateCue | null;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu;
const ENDS_SENTENCE = /[.!?。！？…:;]["'”’»)\]]*$/;

/** Computes the features of one trimmed line. */
export function lineFeatures(text: string): LineFeatures {
  const words = text.match(WORD) ?? [];
  const cjk = (text.match(CJK) ?? []).length;
  let n = words.length;
  let stops = 0;
  let caps = 0;
  for (const w of words) {
    if (STOP_WORDS.has(w.toLowerCase())) stops++;
    const first = w[0];
    if (first !== first.toLowerCase()) caps++;
  }
  let stopRatio = n ? stops / n : 0;
  if (cjk > 8) {
    // Scripts written without spaces: count about two characters a word, trust punctuation.
    n = Math.max(n, Math.round(cjk / 2));
    stopRatio = /[。、，！？]/.test(text) ? 0.3 : 0.1;
  }
  const endsSentence = ENDS_SENTENCE.test(text);
  const prose = n >= 8 && stopRatio >= 0.12 && (endsSentence || n >= 20 || /[.!?。]\s/.test(text));
  return { words: n, stopRatio, endsSentence, prose, capitalised: words.length ? caps / words.length : 0, cue: boilerplateCue(text) };
}

/**
 * Classifies every non-blank line of a text as story text or boilerplate.
 *
 * 1. Each line gets features (length, function-word density, sentence punctuation, capitals,
 *    furniture vocabulary, repetition across stories, repetition inside the article) and a score:
 *    prose lines count for their length, short lines count against, headers such as "Comments"
 *    or "Related stories" count heavily against.
 * 2. The story body is the run of lines with the largest total score (a maximum-sum segment,
 *    as in body text extraction); with readability's verdicts at hand they weigh in the score.
 * 3. Lines outside the body are boilerplate (the page title's line excepted); inside it,
 *    lines with furniture wording, lists of three or more short unpunctuated lines, repeated
 *    lines and lines repeated across other stories are boilerplate.
 */
export function classifyLines(text: string, options: ClassifyLinesOptions = {}, map: OffsetMap = new OffsetMap(text)): LineVerdict[] {
  const lines = textLines(text, map).filter((l) => l.text !== '');
  const n = lines.length;
  if (n === 0) return [];
  const share = options.contentShare;
  const feats = lines.map((l) => lineFeatures(l.text));
  const seen = new Map<string, number>();
  const duplicate = lines.map((l, i) => {
    const key = lineKey(l.text);
    const last = seen.get(key);
    seen.set(key, i);
    // A line repeated right after itself (a headline or caption printed twice) is furniture;
    // repetition further away is often the article's own structure (recipes, tables, lists).
    return last !== undefined && i - last <= 3 && feats[i].words >= 2;
  });
  const crossStory = lines.map((l, i) => {
    if (!options.index || options.articleId === undefined) return 0;
    const r = options.index.repeats(options.articleId, l.text);
    if (r.otherStories === 0) return 0;
    // Copies of the same story may share a line; it is furniture when other stories share it more.
    return r.otherStories >= Math.max(1, r.sameStory) && !(feats[i].prose && r.otherStories < 2) ? r.otherStories : 0;
  });

  // A prose line between two non-prose lines (site furniture aside) is how teaser lists look.
  const isolated = feats.map((f, i) => f.prose && !proseNeighbour(feats, i, -1) && !proseNeighbour(feats, i, 1));
  // Past a comments or related-stories header that follows real prose, prose is rarely the story.
  let proseSeen = 0;
  let pastEnd = false;
  const scores = feats.map((f, i) => {
    let s: number;
    if (f.cue) s = CUE_SCORE[f.cue.kind];
    else if (f.prose) s = f.words * (pastEnd ? 0.25 : 1) * (isolated[i] ? 0.4 : 1);
    else if (f.words >= 5 && f.endsSentence && f.stopRatio >= 0.1) s = 2;
    else s = -2;
    if (f.prose && !f.cue) proseSeen += f.words;
    if (f.cue?.kind === 'end' && proseSeen >= 60) pastEnd = true;
    if (crossStory[i]) s = Math.min(s, -8);
    if (duplicate[i]) s = Math.min(s, -3);
    if (share) {
      const kept = (share[lines[i].index] ?? 0) >= 0.5;
      if (kept) s = s > 0 ? s * 1.5 + 2 : f.cue ? s : s + 3;
      else s = s > 0 ? s * 0.25 - 2 : s - 3;
    }
    return s;
  });

  const [from, to] = maxSegment(scores);
  const titleLine = options.title ? findTitleLine(lines, options.title, from) : -1;
  const listRun = shortLineRuns(lines, feats, share);
  // Without a known title: the first headline-like line above the body, when the body follows
  // within six lines (a scraped article; a dateline or a captioned photo may come first). In a whole-page dump the headline sits among the menus;
  // telling it from them without the markup costs more than it saves, so it is proposed with them.
  const headlineAt = (k: number): boolean => k < n && looksLikeHeadline(feats[k]) && !/\d{4}|\.\p{L}{2,4}\b/u.test(lines[k].text);
  let plainHeadline = -1;
  if (!options.title && !share && from <= 6) for (let k = 0; k < from && plainHeadline < 0; k++) if (headlineAt(k) && !duplicate[k]) plainHeadline = k;

  return lines.map((line, i): LineVerdict => {
    const f = feats[i];
    const kept = share ? (share[line.index] ?? 0) >= 0.5 : true;
    const verdict = (confidence: number, reason: string): LineVerdict => ({ line, boilerplate: confidence > 0, confidence, reason });
    if (i === titleLine) return verdict(0, 'headline');
    if (i === plainHeadline) return verdict(0, 'headline');
    if (f.cue) return verdict(f.cue.kind === 'credit' ? 0.85 : 0.95, `${f.cue.kind === 'end' || f.cue.kind === 'section' ? 'page section' : f.cue.kind}: ${f.cue.cue}`);
    if (crossStory[i]) return verdict(0.85, `repeated in ${crossStory[i]} other stories`);
    if (duplicate[i]) return verdict(0.8, 'repeats an earlier line');
    if (i < from || i > to) return verdict(f.prose ? 0.55 : 0.75, 'outside the story body');
    if (listRun[i]) return verdict(0.7, 'list of short lines');
    if (!kept) return verdict(f.prose ? 0.5 : 0.6, 'left out by readability');
    return verdict(0, 'story body');
  });
}

// A headline: a short line of several words that is not furniture and not a sentence.
function looksLikeHeadline(f: LineFeatures): boolean {
  return !f.cue && f.words >= 4 && f.words <= 25 && !f.endsSentence;
}

const CUE_SCORE = { end: -25, section: -8, furniture: -6, credit: -3 } as const;

function proseNeighbour(feats: LineFeatures[], i: number, step: number): boolean {
  for (let j = i + step; j >= 0 && j < feats.length; j += step) {
    const f = feats[j];
    if (f.cue && f.cue.kind !== 'section') continue;
    return f.prose;
  }
  return false;
}

/** Indexes [from, to] of the maximum-sum segment (Kadane); [0, -1] when every score is negative. */
function maxSegment(scores: number[]): [number, number] {
  let best = 0;
  let bestFrom = 0;
  let bestTo = -1;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < scores.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += scores[i];
    if (sum > best) {
      best = sum;
      bestFrom = start;
      bestTo = i;
    }
  }
  return [bestFrom, bestTo];
}

// The headline: the last line before the body that matches the title (or a " - Site" trimmed title).
function findTitleLine(lines: TextLine[], title: string, bodyFrom: number): number {
  const keys = new Set<string>();
  const t = lineKey(title);
  keys.add(t);
  for (const part of t.split(/\s+[|\-–—:·•]\s+/)) if (part.split(' ').length >= 3) keys.add(part);
  let found = -1;
  for (let i = 0; i < lines.length; i++) {
    if (keys.has(lineKey(lines[i].text))) {
      found = i;
      if (i >= bodyFrom) break;
    }
  }
  return found;
}

// Runs of three or more short lines that do not end like sentences: menus, teaser lists, tag lists.
function shortLineRuns(lines: TextLine[], feats: LineFeatures[], share?: readonly number[]): boolean[] {
  const out = new Array<boolean>(lines.length).fill(false);
  const listy = feats.map((f, i) => {
    if (f.prose || f.endsSentence || f.words > 16) return false;
    // Readability keeps the article's own lists and tables: with its verdict at hand, trust it.
    if (share && (share[lines[i].index] ?? 0) >= 0.5) return false;
    return true;
  });
  let i = 0;
  while (i < lines.length) {
    if (!listy[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && listy[j + 1]) j++;
    // A run introduced by a line ending in ':' is the article's own list.
    const introduced = i > 0 && /:\s*$/.test(lines[i - 1].text) && feats[i - 1].prose;
    if (j - i + 1 >= 3 && !introduced) for (let k = i; k <= j; k++) out[k] = true;
    i = j + 1;
  }
  return out;
}
