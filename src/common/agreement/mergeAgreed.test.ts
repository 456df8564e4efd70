import { describe, expect, it } from 'vitest';
import { mergeAgreed } from './mergeAgreed';
import { testDoc } from './testDocs';

const TEXT = 'Huawei said “5G is safe,” the minister said.';

describe('mergeAgreed', () => {
  it('takes the spans every layer has, with origin, sources and shared attributes', () => {
    const alice = testDoc('a', 'alice', TEXT, [[12, 25, 'QUOTE'], [0, 6, 'SPEAKER'], [30, 44, 'CLAIM']]);
    const bob = testDoc('a', 'bob', TEXT, [[0, 6, 'SPEAKER'], [12, 25, 'QUOTE'], [30, 43, 'CLAIM']]);
    alice.spans[0].attrs = { kind: 'direct', note: 'x' };
    bob.spans[1].attrs = { kind: 'direct', note: 'y' };
    const merged = mergeAgreed({ alice, bob }, ['alice', 'bob'], '2026-11-25T10:00:00Z');
    expect(merged).toEqual([
      { id: 'adj-0-6-SPEAKER', start: 0, end: 6, label: 'SPEAKER', text: 'Huawei', attrs: {}, origin: 'adjudicated:alice+bob',
        createdAt: '2026-11-25T10:00:00Z', updatedAt: '2026-11-25T10:00:00Z', sources: ['alice', 'bob'] },
      { id: 'adj-12-25-QUOTE', start: 12, end: 25, label: 'QUOTE', text: '“5G is safe,”', attrs: { kind: 'direct' },
        origin: 'adjudicated:alice+bob', createdAt: '2026-11-25T10:00:00Z', updatedAt: '2026-11-25T10:00:00Z', sources: ['alice', 'bob'] },
    ]);
  });

  it('finds nothing agreed when a layer is missing, and respects labels', () => {
    const alice = testDoc('a', 'alice', TEXT, [[0, 6, 'SPEAKER'], [12, 25, 'QUOTE']]);
    expect(mergeAgreed({ alice }, ['alice', 'bob'], 'now')).toEqual([]);
    expect(mergeAgreed({ alice, bob: alice }, ['alice', 'bob'], 'now', { labels: ['QUOTE'] }).map((s) => s.label)).toEqual(['QUOTE']);
    expect(mergeAgreed({ alice }, [], 'now')).toEqual([]);
  });
});
