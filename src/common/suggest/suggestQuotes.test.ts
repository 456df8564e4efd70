import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../offsets';
import { suggestQuotes } from './suggestQuotes';
import type { Suggestion } from './Suggestion';

function pairs(text: string): [string, string | null][] {
  const s = suggestQuotes(text);
  for (const x of s) expect(sliceCodePoints(text, x.start, x.end)).toBe(x.text);
  return s.filter((x) => x.label === 'QUOTE').map((q: Suggestion) => [q.text, q.links ? s[q.links[0].to].text : null]);
}

describe('suggestQuotes', () => {
  it('links a curly quote to "X said" after it', () => {
    expect(pairs('“If a government’s behaviour extends beyond its jurisdiction, such activity should not be encouraged,” a Huawei spokesperson said in an emailed response.')).toEqual([
      ['“If a government’s behaviour extends beyond its jurisdiction, such activity should not be encouraged,”', 'a Huawei spokesperson'],
    ]);
  });

  it('links a straight quote to "said X" and "X told …"', () => {
    expect(pairs('"We will win this," said Coach John Smith, who joined in 2019.')).toEqual([['"We will win this,"', 'Coach John Smith']]);
    expect(pairs('“We engage with countries around the world,” an unnamed US official told the Journal.')).toEqual([
      ['“We engage with countries around the world,”', 'an unnamed US official'],
    ]);
  });

  it('finds the speaker before the quote, dropping adverbials and appositives', () => {
    expect(pairs('A Huawei spokesperson in an interview on Friday said, “Huawei is surprised by the behaviors of the US government.”')).toEqual([
      ['“Huawei is surprised by the behaviors of the US government.”', 'A Huawei spokesperson'],
    ]);
    expect(pairs('Jane Doe, a spokeswoman for the ministry, said: “The talks are over for now.”')).toEqual([['“The talks are over for now.”', 'Jane Doe']]);
    expect(pairs('According to the ministry, “the talks are over for now.”')).toEqual([['“the talks are over for now.”', 'the ministry']]);
  });

  it('keeps "U.S." inside the speaker phrase', () => {
    expect(pairs('U.S. Attorney James Kennedy said the case shows that speech does not protect people who “make threats to harm lawmakers.”')).toEqual([
      ['“make threats to harm lawmakers.”', 'U.S. Attorney James Kennedy'],
    ]);
  });

  it('replaces a pronoun by the nearest name and links continued quotes to the same speaker', () => {
    const text = 'Sonya Zoghlin, his attorney, spoke to reporters.\n“He is passionate about his beliefs,” she said. “He has taken responsibility.”';
    const s = suggestQuotes(text);
    const speakers = s.filter((x) => x.label === 'SPEAKER');
    expect(speakers.map((x) => x.text)).toEqual(['Sonya Zoghlin']);
    const quotes = s.filter((x) => x.label === 'QUOTE');
    expect(quotes).toHaveLength(2);
    for (const q of quotes) expect(s[q.links![0].to].text).toBe('Sonya Zoghlin');
  });

  it('handles guillemets and a quote that runs to the end of its paragraph', () => {
    const text = 'The minister said: «We will not give in to pressure from anyone\nNext paragraph.';
    expect(pairs(text)).toEqual([['«We will not give in to pressure from anyone', 'The minister']]);
  });

  it('lets a quotation span a line break', () => {
    expect(pairs('“We remind them of those\nconcerns,” the official said.')).toEqual([['“We remind them of those\nconcerns,”', 'the official']]);
  });

  it('does not propose one-word scare quotes without attribution', () => {
    expect(pairs('Trump has threatened more action to stop its "outlaw" policies.')).toEqual([]);
  });
});
