import { describe, expect, it } from 'vitest';
import { decodeArticle } from './decodeArticle';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const BOM_UTF8 = [0xef, 0xbb, 0xbf];

function utf16(s: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(s, 'utf16le');
  if (order === 'be') le.swap16();
  const head = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  return new Uint8Array([...head, ...le]);
}

/** Encodes text as Windows-1252 (the characters used in the fixtures only). */
function windows1252(s: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
  return new Uint8Array([...s].map((c) => {
    const code = high[c] ?? c.codePointAt(0)!;
    if (code > 0xff) throw new Error(`fixture character ${c} is not in Windows-1252`);
    return code;
  }));
}

const ENGLISH_1252 = 'The chief executive’s statement on Tuesday – issued after markets closed – said the company was “confident” of meeting its targets. Shares fell 4% to €12.40 in early trading.\r\n\r\n'
  + '“We’re not going to comment on speculation,” a spokesperson said. Analysts at the bank weren’t convinced… “It’s a tough quarter,” one said.\r\n';

const FRENCH_1252 = 'Le président de la République a déclaré mercredi à la presse qu’il était « prêt à discuter » avec l’opposition. Selon lui, la réforme des retraites « n’est pas négociable », mais certains détails pourraient évoluer d’ici l’été.\r\n\r\n'
  + 'Les syndicats, réunis à Paris, ont répondu qu’ils maintiendraient la grève. « Nous irons jusqu’au bout », a affirmé leur porte-parole. Le coût de la mesure est estimé à 12 milliards d’euros – soit près de 0,5 % du PIB.\r\n';

describe('decodeArticle', () => {
  it('decodes UTF-8 without a BOM exactly', () => {
    const text = 'Huawei “5G” — naïve café 🚀 e\u0301\n';
    expect(decodeArticle(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8', bom: false });
  });

  it('strips a UTF-8 BOM and records it', () => {
    const text = 'Headline\nBody';
    const result = decodeArticle(new Uint8Array([...BOM_UTF8, ...utf8(text)]));
    expect(result).toEqual({ ok: true, text, encoding: 'utf-8', bom: true });
  });

  it('keeps CRLF, lone CR, tabs and trailing spaces exactly', () => {
    const text = 'Line one\r\nLine two  \r\n\r\n\tindented\rold mac\n';
    const result = decodeArticle(utf8(text));
    expect(result.ok && result.text).toBe(text);
  });

  it.each([['le'], ['be']] as const)('decodes UTF-16%s with a BOM', (order) => {
    const text = 'Huawei says “no comment” — ça va 🚀\r\nSecond line\n';
    const result = decodeArticle(utf16(text, order, true));
    expect(result).toEqual({ ok: true, text, encoding: `utf-16${order}`, bom: true });
  });

  it.each([['le'], ['be']] as const)('detects UTF-16%s without a BOM from its zero bytes', (order) => {
    const text = 'United States reportedly asks allies not to use Huawei equipment.\r\nSecond line.\n';
    const result = decodeArticle(utf16(text, order, false));
    expect(result).toMatchObject({ ok: true, text, encoding: `utf-16${order}`, bom: false });
  });

  it('decodes Windows-1252 news text and records the encoding and confidence', () => {
    const result = decodeArticle(windows1252(ENGLISH_1252));
    expect(result).toMatchObject({ ok: true, text: ENGLISH_1252, encoding: 'windows-1252', bom: false });
    expect(result.ok && result.confidence).toBeGreaterThan(0.5);
  });

  it('maps Windows-1252 bytes 0x80-0x9F to their characters, not to C1 controls', () => {
    const result = decodeArticle(windows1252(FRENCH_1252));
    expect(result).toMatchObject({ ok: true, text: FRENCH_1252, encoding: 'windows-1252' });
    expect(result.ok && /[\u0080-\u009f]/.test(result.text)).toBe(false);
  });

  it('refuses invalid UTF-8 whose encoding cannot be detected confidently, with the reason', () => {
    const bytes = new Uint8Array([0x48, 0x69, 0x20, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x80, 0x81, 0xfe]);
    const result = decodeArticle(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.kind).toBe('unloadable');
      expect(result.reason).toMatch(/not valid UTF-8/);
      expect(result.reason).toMatch(/could not be detected with confidence/);
    }
  });

  it('refuses a UTF-8 BOM followed by invalid UTF-8', () => {
    const result = decodeArticle(new Uint8Array([...BOM_UTF8, 0x41, 0xff, 0x42]));
    expect(result).toMatchObject({ ok: false, kind: 'unloadable' });
  });

  it('calls binary content with a text extension binary', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);
    expect(decodeArticle(png)).toMatchObject({ ok: false, kind: 'binary' });
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(decodeArticle(noise)).toMatchObject({ ok: false, kind: 'binary' });
  });

  it('calls text full of control bytes binary even without NUL', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(decodeArticle(bytes)).toMatchObject({ ok: false, kind: 'binary' });
  });

  it('decodes an empty file as an empty UTF-8 article', () => {
    expect(decodeArticle(new Uint8Array(0))).toEqual({ ok: true, text: '', encoding: 'utf-8', bom: false });
  });

  it('decodes a file that is only a BOM as empty', () => {
    expect(decodeArticle(new Uint8Array(BOM_UTF8))).toEqual({ ok: true, text: '', encoding: 'utf-8', bom: true });
  });
});
