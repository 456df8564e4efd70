import { describe, expect, it } from 'vitest';
import { suggestFromPredictions } from './suggestFromPredictions';

describe('suggestFromPredictions', () => {
  const text = '😀 Huawei said “no”.';

  it('turns valid records into suggestions in code points', () => {
    const { suggestions, rejected } = suggestFromPredictions(text, [{ start: 2, end: 8, label: 'SPEAKER', score: 0.9, text: 'Huawei' }, { start: 14, end: 18, label: 'QUOTE' }], {
      model: 'bert',
      labels: ['QUOTE', 'SPEAKER'],
    });
    expect(rejected).toEqual([]);
    expect(suggestions.map((s) => [s.label, s.text, s.score, s.engine])).toEqual([
      ['SPEAKER', 'Huawei', 0.9, 'model:bert'],
      ['QUOTE', '“no”', 1, 'model:bert'],
    ]);
  });

  it('converts UTF-16 offsets and rejects records that do not fit the text', () => {
    const { suggestions, rejected } = suggestFromPredictions(
      text,
      [
        { start: 3, end: 9, label: 'SPEAKER' },
        { start: 1, end: 4, label: 'SPEAKER' },
        { start: 5, end: 99, label: 'QUOTE' },
        { start: 3, end: 9, label: 'PERSON' },
        { start: 3, end: 9, label: 'SPEAKER', text: 'Huawey' },
        { start: 3, end: 9, label: 'SPEAKER', score: 7 },
        'junk',
      ],
      { offsets: 'utf16', labels: ['QUOTE', 'SPEAKER'] },
    );
    expect(suggestions.map((s) => [s.start, s.end, s.text])).toEqual([[2, 8, 'Huawei']]);
    expect(rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
