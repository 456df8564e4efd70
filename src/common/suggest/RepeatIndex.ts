import { OffsetMap } from '../offsets';
import type { Suggestion } from './Suggestion';

/** A labelled passage of one article, as stored in a layer (code point offsets). */
export interface LabelledPassage {
  label: string;
  start: number;
  end: number;
}

/** Options of {@link RepeatIndex}. */
export interface RepeatIndexOptions {
  /** Passages with fewer words are not propagated (a one-word SPEAKER would match everywhere). Default 3. */
  minWords?: number;
  /** Labels to propagate; all when absent. */
  labels?: readonly string[];
}

interface Entry {
  label: string;
  /** Normalised words of the passage. */
  words: string[];
  /** Normalised separators between consecutive words. */
  seps: string[];
  /** Articles the passage was labelled in. */
  sources: Set<string>;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Number of leading words a passage is looked up by. */
const KEY_WORDS = 5;

/** The comparison form of a word: case folded. */
function fold(word: string): string {
  return word.toLowerCase();
}

/** The comparison form of what separates two words: no whitespace, one double and one single quote mark. */
function foldSeparator(sep: string): string {
  if (sep === ' ') return '';
  return sep.replace(/\s+/g, '').replace(/[“”„‟«»"″「」]/g, '"').replace(/[‘’‚‛′`]/g, "'");
}

function separators(text: string, tokens: { s: number; e: number }[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) out.push(foldSeparator(text.slice(tokens[i].e, tokens[i + 1].s)));
  return out;
}

/**
 * Labelled passages of a project, indexed to find where their text recurs in other articles.
 * Two passages are the same text when they are equal up to case, whitespace (line breaks
 * included) and quotation-mark style (“ ” „ « » " compare equal, and so do ’ ‘ '). A match must start and end on word boundaries;
 * the proposed span runs from the first to the last character of the matched words, widened
 * to include quotation marks when the labelled passage began or ended with one.
 *
 * Lookup is by the passage's first five words (fewer for shorter passages), so scanning an
 * article costs a few map lookups per word plus the verification of real candidates.
 */
export class RepeatIndex {
  /** Passages by their first KEY_WORDS words (all of them when shorter). */
  private readonly byKey = new Map<string, Entry[]>();
  /** The key lengths in use. */
  private readonly keyLengths = new Set<number>();
  private readonly minWords: number;
  private readonly labels: Set<string> | null;
  private readonly edgeMarks = new Map<Entry, { open: boolean; close: boolean }>();

  constructor(options: RepeatIndexOptions = {}) {
    this.minWords = options.minWords ?? 3;
    this.labels = options.labels ? new Set(options.labels) : null;
  }

  /** Adds the labelled passages of one article. */
  addArticle(articleId: string, text: string, passages: readonly LabelledPassage[]): void {
    const map = new OffsetMap(text);
    for (const p of passages) {
      if (this.labels && !this.labels.has(p.label)) continue;
      if (p.start < 0 || p.end > map.codePointLength || p.end <= p.start) continue;
      const raw = text.slice(map.toUtf16(p.start), map.toUtf16(p.end));
      const toks = [...raw.matchAll(WORD)].map((m) => ({ w: fold(m[0]), s: m.index!, e: m.index! + m[0].length }));
      const words = toks.map((t) => t.w);
      if (words.length < this.minWords) continue;
      const seps = separators(raw, toks);
      const keyLength = Math.min(KEY_WORDS, words.length);
      const key = words.slice(0, keyLength).join('\u0001');
      this.keyLengths.add(keyLength);
      const list = this.byKey.get(key) ?? [];
      let entry = list.find((e) => e.label === p.label && e.words.length === words.length && e.words.every((w, i) => w === words[i]) && e.seps.every((x, i) => x === seps[i]));
      if (!entry) {
        entry = { label: p.label, words, seps, sources: new Set() };
        list.push(entry);
        this.byKey.set(key, list);
        this.edgeMarks.set(entry, { open: /^["“”„«»‘’'「]/.test(raw), close: /["“”„«»‘’'」]$/.test(raw) });
      }
      entry.sources.add(articleId);
    }
  }

  /**
   * Proposes, in an article, every recurrence of a passage labelled in another article, with
   * that passage's label (engine `repeats`). Existing spans of the article with the same label
   * and range are not proposed again.
   */
  suggest(articleId: string, text: string, existing: readonly LabelledPassage[] = []): Suggestion[] {
    const map = new OffsetMap(text);
    const tokens: { w: string; s: number; e: number }[] = [];
    for (const m of text.matchAll(WORD)) tokens.push({ w: fold(m[0]), s: m.index!, e: m.index! + m[0].length });
    const sepCache = new Map<number, string>();
    const sepAfter = (k: number): string => {
      let v = sepCache.get(k);
      if (v === undefined) sepCache.set(k, (v = foldSeparator(text.slice(tokens[k].e, tokens[k + 1].s))));
      return v;
    };
    const out: Suggestion[] = [];
    const seen = new Set(existing.map((p) => `${p.label}:${p.start}:${p.end}`));
    for (let i = 0; i + this.minWords <= tokens.length; i++) {
      const candidates: Entry[] = [];
      let key = '';
      for (let L = 1; L <= KEY_WORDS && i + L <= tokens.length; L++) {
        key = L === 1 ? tokens[i].w : key + '\u0001' + tokens[i + L - 1].w;
        if (!this.keyLengths.has(L)) continue;
        const list = this.byKey.get(key);
        if (list) candidates.push(...list);
      }
      for (const entry of candidates) {
        if (i + entry.words.length > tokens.length) continue;
        if (entry.sources.size === 1 && entry.sources.has(articleId)) continue;
        let ok = true;
        for (let k = 1; k < entry.words.length && ok; k++) ok = tokens[i + k].w === entry.words[k];
        for (let k = 1; k < entry.words.length && ok; k++) ok = sepAfter(i + k - 1) === entry.seps[k - 1];
        if (!ok) continue;
        let s16 = tokens[i].s;
        let e16 = tokens[i + entry.words.length - 1].e;
        const marks = this.edgeMarks.get(entry)!;
        if (marks.open && s16 > 0 && /["“”„«»‘’'「]/.test(text[s16 - 1])) s16--;
        if (marks.close) {
          // Keep the sentence punctuation and the closing mark: `…concerns.”`
          const tail = /^[.,!?;:…]?["“”„«»‘’'」]/.exec(text.slice(e16, e16 + 2));
          if (tail) e16 += tail[0].length;
        } else if (/^[.!?…]/.test(text.slice(e16, e16 + 1)) && entry.label !== 'SPEAKER') e16 += 1;
        const start = map.toCodePoint(s16);
        const end = map.toCodePoint(e16);
        const id = `${entry.label}:${start}:${end}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const count = entry.sources.size - (entry.sources.has(articleId) ? 1 : 0);
        const named: string[] = [];
        for (const a of entry.sources) {
          if (named.length === 3) break;
          if (a !== articleId) named.push(a);
        }
        out.push({
          label: entry.label,
          start,
          end,
          text: text.slice(s16, e16),
          score: Math.min(0.95, 0.7 + 0.05 * count),
          engine: 'repeats',
          reason: `labelled ${entry.label} in ${named.join(', ')}${count > 3 ? ` and ${count - 3} more` : ''}`,
        });
      }
    }
    return out;
  }
}

/**
 * One-shot form of {@link RepeatIndex}: proposes in `target` the passages labelled in `others`.
 */
export function suggestRepeats(
  target: { id: string; text: string; spans?: readonly LabelledPassage[] },
  others: readonly { id: string; text: string; spans: readonly LabelledPassage[] }[],
  options: RepeatIndexOptions = {},
): Suggestion[] {
  const index = new RepeatIndex(options);
  for (const o of others) if (o.id !== target.id) index.addArticle(o.id, o.text, o.spans);
  return index.suggest(target.id, target.text, target.spans ?? []);
}
