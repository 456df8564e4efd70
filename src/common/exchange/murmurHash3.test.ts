import { describe, expect, it } from 'vitest';
import { murmurHash3 } from './murmurHash3';

describe('murmurHash3', () => {
  it('matches the reference MurmurHash3_x86_32 vectors', () => {
    expect(murmurHash3('', 0)).toBe(0);
    expect(murmurHash3('', 1) >>> 0).toBe(0x514e28b7);
    expect(murmurHash3('foo')).toBe(-156908512); // mmh3.hash('foo')
    expect(murmurHash3('hello') >>> 0).toBe(0x248bfa47);
    expect(murmurHash3('Hello, world!') >>> 0).toBe(0xc0363e43);
    expect(murmurHash3('The quick brown fox jumps over the lazy dog') >>> 0).toBe(0x2e4ff723);
  });

  it('hashes UTF-8 bytes, lone surrogates in their three-byte form', () => {
    expect(murmurHash3('é')).not.toBe(murmurHash3('e\u0301'));
    expect(murmurHash3('😀')).toBe(murmurHash3('\ud83d\ude00'));
    expect(Number.isInteger(murmurHash3('\ud800x'))).toBe(true);
  });
});
