import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../offsets';
import { scoreClaim, suggestClaims } from './suggestClaims';

describe('suggestClaims', () => {
  const text = [
    'Huawei equipment is widely used in Germany, Italy, and Japan.',
    'Its equipments are used by customers in 170 countries and by 46 of the U.S. firms surveyed.',
    'What will happen next?',
    '“We engage with countries around the world about our concerns,” an official said.',
    'I think this is a terrible idea.',
    'The deal may possibly be delayed.',
  ].join(' ');

  it('proposes factual sentences, best first, and keeps "U.S." inside a sentence', () => {
    const got = suggestClaims(text);
    expect(got.map((c) => c.text)).toEqual([
      'Its equipments are used by customers in 170 countries and by 46 of the U.S. firms surveyed.',
      'Huawei equipment is widely used in Germany, Italy, and Japan.',
    ]);
    for (const c of got) expect(sliceCodePoints(text, c.start, c.end)).toBe(c.text);
  });

  it('scores hedges and opinions lower and rejects questions and quotes', () => {
    expect(scoreClaim('The deal may possibly be delayed by regulators in Brussels.').score).toBeLessThan(scoreClaim('The deal was delayed by regulators in Brussels.').score);
    expect(scoreClaim('Is this the worst deal the company has ever made?').score).toBe(0);
    expect(scoreClaim('“We will never give in to these demands,” he said.', 0.8).score).toBe(0);
  });

  it('leaves out excluded ranges', () => {
    expect(suggestClaims(text, { exclude: [{ start: 0, end: 10 }] }).map((c) => c.text)).not.toContain('Huawei equipment is widely used in Germany, Italy, and Japan.');
  });
});
