import { STOP_WORDS } from './stopWords';

const SKETCH_SIZE = 128;
/** Estimated Jaccard similarity of content vocabularies above which two articles tell the same story. */
export const SAME_STORY_SIMILARITY = 0.1;
/** At most this many other articles are compared for one repeated line (the first ones by id). */
const MAX_COMPARED = 8;
/** Below this many distinct content words of its own, an article is compared by all its words. */
const MIN_OWN_WORDS = 20;

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
 * Two articles tell the same story when their content vocabularies (words of three letters or
 * more that are not function words) overlap: estimated Jaccard similarity of at least 0.1, from
 * bottom-k MinHash sketches (k = 128). Each article is compared by the words of its own lines
 * (lines no other article has), so that shared furniture does not make two stories look alike;
 * an article with fewer than 20 such words (an exact copy) is compared by all its words.
 * Building costs one hash per word, a comparison O(k): 10,000 articles index in seconds.
 */
export class LineFrequencyIndex {
  private readonly articlesByLine = new Map<string, number[]>();
  private readonly lineWords: { key: string; hashes: Uint32Array }[][] = [];
  private ownSketches: { sketch: Uint32Array; own: boolean }[] | null = null;
  private readonly allSketches = new Map<number, Uint32Array>();
  private readonly pairCache = new Map<number, boolean>();

  /** Adds one article; returns its id (0, 1, 2, ... in order of addition). */
  add(text: string): number {
    const id = this.lineWords.length;
    const seen = new Set<string>();
    const lines: { key: string; hashes: Uint32Array }[] = [];
    for (const raw of text.split(/\r\n|\r|\n/)) {
      const key = lineKey(raw);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      const list = this.articlesByLine.get(key);
      if (list) list.push(id);
      else this.articlesByLine.set(key, [id]);
      const words = key.match(/[\p{L}\p{N}]{3,}/gu) ?? [];
      const hashes = new Set<number>();
      for (const w of words) if (!STOP_WORDS.has(w)) hashes.add(fnv1a(w));
      lines.push({ key, hashes: Uint32Array.from(hashes) });
    }
    this.lineWords.push(lines);
    this.ownSketches = null;
    this.allSketches.clear();
    this.pairCache.clear();
    return id;
  }

  /** Number of articles indexed. */
  get size(): number {
    return this.lineWords.length;
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

  /** Whether two indexed articles tell the same story (see the class comment). */
  sameStory(a: number, b: number): boolean {
    const key = a < b ? a * 1_000_003 + b : b * 1_000_003 + a;
    let v = this.pairCache.get(key);
    if (v === undefined) {
      const sk = this.sketches();
      const own = sk[a].own && sk[b].own;
      const sa = own ? sk[a].sketch : this.allSketch(a);
      const sb = own ? sk[b].sketch : this.allSketch(b);
      v = sketchSimilarity(sa, sb) >= SAME_STORY_SIMILARITY;
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

  private sketches(): { sketch: Uint32Array; own: boolean }[] {
    if (!this.ownSketches) {
      this.ownSketches = this.lineWords.map((lines) => {
        const words = new Set<number>();
        for (const l of lines) if ((this.articlesByLine.get(l.key)?.length ?? 0) === 1) for (const h of l.hashes) words.add(h);
        return { sketch: bottomK(words, SKETCH_SIZE), own: words.size >= MIN_OWN_WORDS };
      });
    }
    return this.ownSketches;
  }

  private allSketch(id: number): Uint32Array {
    let sketch = this.allSketches.get(id);
    if (!sketch) {
      const words = new Set<number>();
      for (const l of this.lineWords[id]) for (const h of l.hashes) words.add(h);
      sketch = bottomK(words, SKETCH_SIZE);
      this.allSketches.set(id, sketch);
    }
    return sketch;
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

function bottomK(hashes: Iterable<number>, k: number): Uint32Array {
  return Uint32Array.from(hashes).sort().slice(0, k);
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
