import chardet from 'chardet';

/** Extensions Gloss reads as articles. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.text', '.markdown'];

export type DecodeResult =
  | { ok: true; text: string; encoding: string; bom: boolean; confidence?: number }
  | { ok: false; kind: 'binary' | 'unloadable'; reason: string };

/** Lowest chardet confidence (0-100) at which a non-UTF-8 file is decoded. */
const MIN_CONFIDENCE = 50;
/** How far the best guess must lead the next one, so that near-ties are refused. */
const MIN_MARGIN = 15;

/**
 * Decodes an article file exactly: UTF-8 (BOM stripped and recorded), UTF-16 with a BOM or with
 * an unmistakable zero-byte pattern, or another encoding only when detected with confidence.
 * Line endings and every other character are kept. Never throws.
 */
export function decodeArticle(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    return text === null
      ? { ok: false, kind: 'unloadable', reason: 'starts with a UTF-8 byte-order mark but is not valid UTF-8' }
      : { ok: true, text, encoding: 'utf-8', bom: true };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = tryDecode(encoding, bytes.subarray(2));
    return text === null
      ? { ok: false, kind: 'unloadable', reason: `starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}` }
      : { ok: true, text, encoding, bom: true };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const text = tryDecode(utf16, bytes);
    if (text !== null) return { ok: true, text, encoding: utf16, bom: false, confidence: 1 };
  }
  if (looksBinary(bytes)) return { ok: false, kind: 'binary', reason: 'binary file (contains NUL or control bytes)' };
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8', bom: false };

  const guesses = chardet.analyse(bytes).filter((g) => g.name !== 'UTF-8');
  const best = guesses[0];
  const next = guesses[1];
  if (best && best.confidence >= MIN_CONFIDENCE && best.confidence - (next?.confidence ?? 0) >= MIN_MARGIN) {
    const encoding = best.name.toLowerCase();
    const text = tryDecode(encoding, bytes);
    if (text !== null) return { ok: true, text, encoding, bom: false, confidence: best.confidence / 100 };
  }
  const guess = best ? ` (best guess ${best.name} at ${best.confidence}%, too uncertain to decode safely)` : '';
  return { ok: false, kind: 'unloadable', reason: `not valid UTF-8 and its encoding could not be detected with confidence${guess}` };
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  if (WINDOWS_1252_LABELS.has(encoding)) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Labels the Encoding Standard decodes as windows-1252 (chardet says ISO-8859-1 when no 0x80-0x9F byte occurs). */
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'iso-8859-1', 'latin1']);

/** Windows-1252 characters of bytes 0x80-0x9F; the five undefined bytes map to their C1 code points, as in the Encoding Standard. */
const WINDOWS_1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f'
  + '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Decodes Windows-1252 by table: Node 20.18.3+ TextDecoder decodes it as ISO-8859-1, turning
 * curly quotes, dashes and the euro sign into C1 control characters (nodejs/node#60888).
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const codes = new Array<number>(chunk.length);
    for (let j = 0; j < chunk.length; j++) {
      const b = chunk[j];
      codes[j] = b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(b - 0x80) : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** UTF-16 without a BOM: mostly-ASCII text leaves every other byte zero. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.6 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.6 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.1;
}
