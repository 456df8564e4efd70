import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextLayout } from './textLayout';

describe('TextLayout', () => {
  it('builds one paragraph per line and keeps CRLF out of the document', () => {
    const layout = new TextLayout('a\r\n\r\nbc\n');
    expect(layout.toDocJson().content.map((p) => p.content?.[0].text ?? '')).toEqual(['a', '', 'bc', '']);
  });

  it('maps every offset outside a line break to a position and back', () => {
    const pieces = fc.constantFrom('a', 'é', '😀', ' ', '\n', '\r\n', '\r');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')), (text) => {
      const layout = new TextLayout(text);
      for (let i = 0; i < layout.lineCount; i++) {
        for (let off = layout.lineStarts[i]; off <= layout.lineEnds[i]; off++) {
          expect(layout.posToOffset(layout.offsetToPos(off))).toBe(off);
        }
      }
    }), { seed: 5, numRuns: 500 });
  });
});
