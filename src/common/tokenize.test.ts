import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  it('splits words and single punctuation with code point offsets', () => {
    const text = 'Uber’s 😀 "Lesson",\r\nok';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['Uber', '’', 's', '😀', '"', 'Lesson', '"', ',', 'ok']);
    const chars = Array.from(text);
    for (const t of tokens) expect(chars.slice(t.start, t.end).join('')).toBe(t.text);
    expect(tokens[2].ws).toBe(true);
    expect(tokens[0].ws).toBe(false);
  });

  it('keeps combining marks inside their word', () => {
    expect(tokenize('cafe\u0301 bar').map((t) => t.text)).toEqual(['cafe\u0301', 'bar']);
  });
});
