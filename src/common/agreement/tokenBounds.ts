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
const IS_WORD_PAIR = 4;
const IS_OTHER_PAIR = 5;
const IS_SPACE_PAIR = 6;

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
  let starts = new Int32Array(Math.max(16, n >>> 2));
  let ends = new Int32Array(starts.length);
  let count = 0;
  // Code point index = UTF-16 index - surrogate pairs seen so far.
  let pairs = 0;
  let i = 0;
  while (i < n) {
    let cls = classAt(text, i, n);
    if (cls === IS_SPACE) {
      i++;
      continue;
    }
    if (cls === IS_SPACE_PAIR) {
      i += 2;
      pairs++;
      continue;
    }
    if (count === starts.length) {
      const grownStarts = new Int32Array(starts.length * 2);
      grownStarts.set(starts);
      starts = grownStarts;
      const grownEnds = new Int32Array(ends.length * 2);
      grownEnds.set(ends);
      ends = grownEnds;
    }
    starts[count] = i - pairs;
    if (cls === IS_WORD || cls === IS_WORD_PAIR) {
      // Consume the whole run of word characters.
      do {
        if (cls === IS_WORD_PAIR) {
          i += 2;
          pairs++;
        } else {
          i++;
        }
        if (i >= n) break;
        cls = classAt(text, i, n);
      } while (cls === IS_WORD || cls === IS_WORD_PAIR);
    } else if (cls === IS_OTHER_PAIR) {
      i += 2;
      pairs++;
    } else {
      i++;
    }
    ends[count] = i - pairs;
    count++;
  }
  return { count, starts, ends, length: n - pairs };
}

// Class of the character at UTF-16 index i; a surrogate pair (one astral code point, two
// units) reports IS_*_PAIR. A lone surrogate is one code point of class "other", as in tokenize.
function classAt(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= n) {
    const known = bmpClass[c];
    return known !== UNKNOWN ? known : (bmpClass[c] = classify(String.fromCharCode(c)));
  }
  const low = text.charCodeAt(i + 1);
  if (low < 0xdc00 || low > 0xdfff) {
    const known = bmpClass[c];
    return known !== UNKNOWN ? known : (bmpClass[c] = classify(String.fromCharCode(c)));
  }
  const cls = classify(text.slice(i, i + 2));
  return cls === IS_WORD ? IS_WORD_PAIR : cls === IS_OTHER ? IS_OTHER_PAIR : IS_SPACE_PAIR;
}
