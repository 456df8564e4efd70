import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../offsets';
import { RepeatIndex, suggestRepeats } from './RepeatIndex';

describe('RepeatIndex', () => {
  const a = 'US Asks Allies to Avoid Huawei Equipment: Report\n\n“As they’re looking to move to 5G, we remind them of those concerns,” an official said.';
  const quoteStart = Array.from(a).indexOf('“');
  const spansA = [
    { label: 'BOILERPLATE', start: 0, end: 48 },
    { label: 'QUOTE', start: quoteStart, end: quoteStart + Array.from('“As they’re looking to move to 5G, we remind them of those concerns,”').length },
    { label: 'SPEAKER', start: a.indexOf('an official'), end: a.indexOf('an official') + 11 },
  ];

  it('proposes a labelled passage where its text recurs, up to whitespace, quote style and case', () => {
    const b = '😀 Intro.\nus asks allies to avoid huawei\nequipment: report\nHe added: "As they\'re looking to move to 5G, we remind them of those concerns," officials said.';
    const got = suggestRepeats({ id: 'b', text: b }, [{ id: 'a', text: a, spans: spansA }]);
    expect(got.map((s) => [s.label, s.text])).toEqual([
      ['BOILERPLATE', 'us asks allies to avoid huawei\nequipment: report'],
      ['QUOTE', '"As they\'re looking to move to 5G, we remind them of those concerns,"'],
    ]);
    for (const s of got) expect(sliceCodePoints(b, s.start, s.end)).toBe(s.text);
  });

  it('does not match different punctuation, short passages, or the source article itself', () => {
    const index = new RepeatIndex();
    index.addArticle('a', a, spansA);
    expect(index.suggest('a', a)).toEqual([]);
    expect(index.suggest('c', 'US asks allies, to avoid Huawei equipment. Report')).toEqual([]);
    expect(index.suggest('c', 'Then an official left.')).toEqual([]);
  });
});
