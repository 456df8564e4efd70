import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokenize';
import { tokenSpan } from './tokenSpan';

describe('tokenSpan', () => {
  const tokens = tokenize('Huawei’s 5G, said 😀 Bob.'); // Huawei ’ s 5G , said 😀 Bob .

  it('maps spans on token boundaries exactly', () => {
    expect(tokenSpan(tokens, 0, 6)).toEqual({ first: 0, last: 0 });
    expect(tokenSpan(tokens, 0, 8)).toEqual({ first: 0, last: 2 });
    expect(tokenSpan(tokens, 18, 19)).toEqual({ first: 6, last: 6 });
  });

  it('expands spans that cut a token to the whole token', () => {
    expect(tokenSpan(tokens, 2, 4)).toEqual({ first: 0, last: 0 });
    expect(tokenSpan(tokens, 5, 10)).toEqual({ first: 0, last: 3 });
  });

  it('includes surrounding whitespace without extra tokens and rejects whitespace-only spans', () => {
    expect(tokenSpan(tokens, 8, 12)).toEqual({ first: 3, last: 4 });
    expect(tokenSpan(tokens, 8, 9)).toBeNull();
    expect(tokenSpan([], 0, 1)).toBeNull();
  });
});
