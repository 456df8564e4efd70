import { STOP_WORDS } from './stopWords';

const SKETCH_SIZE = 64;
/** Estimated Jaccard similarity of prose shingles above which two articles tell the same story. */
export const SAME_STORY_SIMILARITY = 0.2;
/** At most this many other articles are compared for one repeated line (the first ones by id). */
const MAX_COMPARED = 8;

/** The key under which a line is counted: lower case, whitespace and quote marks unified. */
export function lineKey(line: string): string {
  return line
    .toLowerCase()
    .replace(/[“”„‟«»"″]/g, '"')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * Which lines recur across the articles of a project, and whether the articles sharing a line
 * tell different stories. A line that recurs across different stories (a menu, a share bar, a
 * newsletter prompt, a site's standard "about us" paragraph) is site furniture; a line that
 * recurs across copies of the same story (a wire report on two sites, a repeated quote) is not.
 *
 * Stories are compared by a bottom-k MinHash sketch of the word 4-shingles of each article's
 * prose lines (lines of 8 words or more), so building costs one hash per word and a comparison
 * is O(k). 10,000 articles index in a few seconds.
 */
export class LineFrequencyIndex {
  private readonly articlesByLine = new Map<string, number[]>();
  private readonly sketches: Uint32Array[] = [];
  private readonly pairCache = new Map<number, boolean>();

  /** Adds one article; returns its id (0, 1, 2, ... in order of addition). */
  add(text: string): number {
    const id = this.sketches.length;
    const seen = new Set<string>();
    const hashes: number[] = [];
    for (const raw of text.split(/\r\n|\r|\n/)) {
      const key = lineKey(raw);
      if (key === '') continue;
      if (!seen.has(key)) {
        seen.add(key);
        const list = this.articlesByLine.get(key);
        if (list) list.push(id);
        else this.articlesByLine.set(key, [id]);
      }
      const words = key.match(/[\p{L}\p{N}]+/gu);
      if (words && words.length >= 8) {
        let stops = 0;
        for (const w of words) if (STOP_WORDS.has(w)) stops++;
        if (stops / words.length < 0.1) continue;
        for (let i = 0; i + 4 <= words.length; i++) hashes.push(fnv1a(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2] + ' ' + words[i + 3]));
      }
    }
    this.sketches.push(bottomK(hashes, SKETCH_SIZE));
    return id;
  }

  /** Number of articles indexed. */
  get size(): number {
    return this.sketches.length;
  }

  /** Number of indexed articles that contain this line (compared by {@link lineKey}). */
  frequency(line: string): number {
    return this.articlesByLine.get(lineKey(line))?.length ?? 0;
  }

  /**
   * How many other articles containing this line tell a different story than article `id`
   * (at most 8 are compared), and how many tell the same one.
   */
  repeats(id: number, line: string): { otherStories: number; sameStory: number } {
    const list = this.articlesByLine.get(lineKey(line));
    let otherStories = 0;
    let sameStory = 0;
    if (!list || list.length < 2) return { otherStories, sameStory };
    let compared = 0;
    for (const other of list) {
      if (other === id) continue;
      if (compared++ >= MAX_COMPARED) break;
      if (this.sameStory(id, other)) sameStory++;
      else otherStories++;
    }
    return { otherStories, sameStory };
  }

  /** Whether two indexed articles tell the same story (estimated Jaccard >= {@link SAME_STORY_SIMILARITY}). */
  sameStory(a: number, b: number): boolean {
    const key = a < b ? a * 1_000_003 + b : b * 1_000_003 + a;
    let v = this.pairCache.get(key);
    if (v === undefined) {
      v = sketchSimilarity(this.sketches[a], this.sketches[b]) >= SAME_STORY_SIMILARITY;
      this.pairCache.set(key, v);
    }
    return v;
  }

  /** Builds an index over a list of article texts; article i gets id i. */
  static build(texts: Iterable<string>): LineFrequencyIndex {
    const index = new LineFrequencyIndex();
    for (const t of texts) index.add(t);
    return index;
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function bottomK(hashes: number[], k: number): Uint32Array {
  const sorted = Uint32Array.from(new Set(hashes)).sort();
  return sorted.slice(0, k);
}

// Jaccard estimate from two bottom-k sketches: among the k smallest hashes of the union, the share in both.
function sketchSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let taken = 0;
  let both = 0;
  const k = Math.min(SKETCH_SIZE, Math.max(a.length, b.length));
  while (taken < k && (i < a.length || j < b.length)) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) i++;
    else if (i >= a.length || b[j] < a[i]) j++;
    else {
      both++;
      i++;
      j++;
    }
    taken++;
  }
  return taken ? both / taken : 0;
}
