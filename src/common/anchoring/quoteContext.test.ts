import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, quoteContext } from './quoteContext';

describe('quoteContext', () => {
  it('takes up to CONTEXT_LENGTH code points each side, never splitting an emoji', () => {
    const text = '🚀'.repeat(40) + 'QUOTE' + '🌍'.repeat(40);
    const { prefix, suffix } = quoteContext(text, 40, 45);
    expect([...prefix]).toHaveLength(CONTEXT_LENGTH);
    expect(prefix).toBe('🚀'.repeat(CONTEXT_LENGTH));
    expect(suffix).toBe('🌍'.repeat(CONTEXT_LENGTH));
  });

  it('is short at the edges of the text and clamps offsets past its end', () => {
    expect(quoteContext('ab\r\ncd', 1, 3)).toEqual({ prefix: 'a', suffix: '\ncd' });
    expect(quoteContext('abc', 5, 9)).toEqual({ prefix: 'abc', suffix: '' });
  });
});
