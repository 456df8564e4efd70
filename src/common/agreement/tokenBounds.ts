/**
 * Token boundaries of a text, exactly as {@link tokenize} defines tokens, without building token
 * objects: the agreement measures scan whole projects (tens of millions of characters) and only
 * need where each token starts and ends. Offsets are code points.
 */
export interface TokenBounds {
  /** Number of tokens. */
  count: number;
  /** Code point offset of each token's first character; `starts[i]` for i < count. */
  starts: Int32Array;
  /** Code point offset just past each token's last character. */
  ends: Int32Array;
  /** Length of the text in code points. */
  length: number;
}

const WORD = /[\p{L}\p{M}\p{N}\p{Pc}]/u;
const SPACE = /\s/u;
const UNKNOWN = 0;
const IS_SPACE = 1;
const IS_WORD = 2;
const IS_OTHER = 3;

// Character classes of BMP code points, filled on first sight (regex tests are the slow part).
const bmpClass = new Uint8Array(0x10000);
for (let cp = 0; cp < 0x80; cp++) bmpClass[cp] = classify(String.fromCharCode(cp));

function classify(ch: string): number {
  if (SPACE.test(ch)) return IS_SPACE;
  if (WORD.test(ch)) return IS_WORD;
  return IS_OTHER;
}

/** Splits a text into token boundaries; same tokens as `tokenize(text)`, in the same order. */
export function tokenBounds(text: string): TokenBounds {
  const n = text.length;
  // A text of n UTF-16 units has at most n tokens.
  let starts = new Int32Array(Math.max(16, n >>> 2));
  let ends = new Int32Array(starts.length);
  let count = 0;
  let cpIndex = 0;
  let inWord = false;
  let i = 0;
  while (i < n) {
    let cp = text.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    let cls: number;
    if (cp < 0x10000) {
      cls = bmpClass[cp];
      if (cls === UNKNOWN) cls = bmpClass[cp] = classify(String.fromCharCode(cp));
    } else {
      cls = classify(String.fromCodePoint(cp));
    }
    if (cls === IS_WORD && inWord) {
      ends[count - 1] = cpIndex + 1;
    } else if (cls !== IS_SPACE) {
      if (count === starts.length) {
        const grownStarts = new Int32Array(starts.length * 2);
        grownStarts.set(starts);
        starts = grownStarts;
        const grownEnds = new Int32Array(ends.length * 2);
        grownEnds.set(ends);
        ends = grownEnds;
      }
      starts[count] = cpIndex;
      ends[count] = cpIndex + 1;
      count++;
    }
    inWord = cls === IS_WORD;
    cpIndex++;
    i += width;
  }
  return { count, starts, ends, length: cpIndex };
}
