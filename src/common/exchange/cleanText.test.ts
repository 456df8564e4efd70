import { describe, expect, it } from 'vitest';
import { cleanText } from './cleanText';
import { locate } from './fixtures/fixtureSpans';

const strip = (text: string, ...finds: string[]) => cleanText(text, finds.map((f) => locate(text, f)));

describe('cleanText', () => {
  it('drops a whole line with the line break after it (LF, CRLF, CR)', () => {
    expect(strip('Title\nAd here\nBody', 'Ad here')).toBe('Title\nBody');
    expect(strip('Title\r\nAd here\r\nBody', 'Ad here')).toBe('Title\r\nBody');
    expect(strip('Title\rAd here\rBody', 'Ad here')).toBe('Title\rBody');
    expect(strip('Ad here\nBody', 'Ad here')).toBe('Body');
  });

  it('drops the break before the last line, which has none after it', () => {
    expect(strip('Body\n\nShare this', 'Share this')).toBe('Body\n');
    expect(strip('Body\r\nShare this', 'Share this')).toBe('Body');
    expect(strip('Only line', 'Only line')).toBe('');
  });

  it('keeps the line of a partial span, and blank lines around removed lines', () => {
    expect(strip('Share on Facebook Tweet\nBody', 'Share on Facebook ')).toBe('Tweet\nBody');
    expect(strip('A\n\nAd\n\nB', 'Ad')).toBe('A\n\n\nB');
  });

  it('handles spans over several lines, overlapping, touching, and ending inside a CRLF', () => {
    expect(strip('A\r\nX\r\n\r\nY\r\nB', 'X\r\n\r\nY')).toBe('A\r\nB');
    expect(strip('A\nBoiler plate\nB', 'Boiler', 'oiler plate')).toBe('A\nB');
    expect(strip('A\nBoiler plate\nB', 'Boiler', ' plate')).toBe('A\nB');
    expect(strip('A\r\nAd\r\nB', 'Ad\r')).toBe('A\r\nB');
    expect(strip('A\nAd\nB', 'Ad\n')).toBe('A\nB');
  });

  it('counts in code points', () => {
    const text = '😀 x\n👍 ad 👍\n🔥';
    expect(cleanText(text, [{ start: 4, end: 10 }])).toBe('😀 x\n🔥');
  });
});
