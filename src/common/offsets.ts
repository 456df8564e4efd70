import { lowerBound, partitionPoint } from './sortedSearch';

/**
 * Conversion between UTF-16 code unit offsets (JavaScript strings, ProseMirror positions) and
 * Unicode code point offsets (Python's str, spaCy, W3C Web Annotation, everything Gloss writes).
 * A lone surrogate counts as one code point, as JavaScript's string iterator counts it.
 */
export class OffsetMap {
  /** UTF-16 indexes at which a surrogate pair starts, ascending. Empty for BMP-only text. */
  private readonly pairs: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.pairs.push(i);
          i++;
        }
      }
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.pairs.length;
  }

  /** True when both units agree everywhere in this text. */
  get isIdentity(): boolean {
    return this.pairs.length === 0;
  }

  /**
   * Code point offset of a UTF-16 offset. An offset inside a surrogate pair is rounded down
   * to the start of the pair.
   */
  toCodePoint(utf16: number): number {
    checkRange(utf16, this.utf16Length, 'UTF-16 offset');
    // Each pair starting before the offset takes two units for one code point.
    // Inside a pair (pair start + 1) this gives the pair's own code point index: rounded down.
    return utf16 - lowerBound(this.pairs, utf16);
  }

  /** UTF-16 offset of a code point offset. */
  toUtf16(codePoint: number): number {
    checkRange(codePoint, this.codePointLength, 'code point offset');
    // Find how many pairs start before the code point offset: pairs[k] - k is the code point index of pair k.
    return codePoint + partitionPoint(this.pairs.length, (k) => this.pairs[k] - k < codePoint);
  }
}

function checkRange(offset: number, length: number, what: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > length) {
    throw new RangeError(`${what} ${offset} is outside 0..${length}`);
  }
}

/** Number of code points in a string. */
export function codePointLength(text: string): number {
  return new OffsetMap(text).codePointLength;
}

/** `text[start:end]` with code point offsets, as Python computes it. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  const map = new OffsetMap(text);
  return text.slice(map.toUtf16(start), map.toUtf16(end));
}
