import { describe, expect, it } from 'vitest';
import { compareLayers } from './compareLayers';
import { testDoc } from './testDocs';

const TEXT = 'Huawei 😀 said “5G is safe,” the minister said. Critics disagree.';

describe('compareLayers', () => {
  it('classifies agreements, partial overlaps and spans only some layers have, by position', () => {
    const docs = {
      alice: testDoc('a', 'alice', TEXT, [[0, 6, 'SPEAKER', 'a1'], [14, 27, 'QUOTE', 'a2'], [47, 54, 'CLAIM', 'a3']]),
      bob: testDoc('a', 'bob', TEXT, [[0, 6, 'SPEAKER', 'b1'], [15, 27, 'QUOTE', 'b2'], [28, 46, 'SPEAKER', 'b3']]),
    };
    const groups = compareLayers(TEXT, docs);
    expect(groups).toEqual([
      { kind: 'agree', start: 0, end: 6, text: 'Huawei', labels: ['SPEAKER'], spans: { alice: ['a1'], bob: ['b1'] } },
      { kind: 'partial', start: 14, end: 27, text: '“5G is safe,”', labels: ['QUOTE'], spans: { alice: ['a2'], bob: ['b2'] } },
      { kind: 'only', start: 28, end: 46, text: 'the minister said.', labels: ['SPEAKER'], spans: { alice: [], bob: ['b3'] } },
      { kind: 'only', start: 47, end: 54, text: 'Critics', labels: ['CLAIM'], spans: { alice: ['a3'], bob: [] } },
    ]);
  });

  it('reports the same extent with different labels as partial', () => {
    const docs = {
      alice: testDoc('a', 'alice', TEXT, [[0, 6, 'SPEAKER']]),
      bob: testDoc('a', 'bob', TEXT, [[0, 6, 'CLAIM']]),
    };
    expect(compareLayers(TEXT, docs)).toMatchObject([{ kind: 'partial', start: 0, end: 6, labels: ['CLAIM', 'SPEAKER'] }]);
  });

  it('keeps two spans that only one layer has apart, and a missing document is an empty layer', () => {
    const docs = { alice: testDoc('a', 'alice', TEXT, [[0, 27, 'CLAIM'], [14, 27, 'QUOTE']]), bob: undefined };
    expect(compareLayers(TEXT, docs).map((g) => [g.kind, g.start, g.end])).toEqual([['only', 0, 27], ['only', 14, 27]]);
  });

  it('compares only the layers and labels asked for', () => {
    const docs = {
      alice: testDoc('a', 'alice', TEXT, [[0, 6, 'SPEAKER'], [14, 27, 'QUOTE']]),
      bob: testDoc('a', 'bob', TEXT, [[0, 6, 'SPEAKER']]),
      carol: testDoc('a', 'carol', TEXT, []),
    };
    expect(compareLayers(TEXT, docs, { layers: ['alice', 'bob'], labels: ['SPEAKER'] }))
      .toMatchObject([{ kind: 'agree', spans: { alice: ['alice-0'], bob: ['bob-0'] } }]);
    expect(compareLayers(TEXT, docs).map((g) => g.kind)).toEqual(['only', 'only']);
  });

  it('with three layers, an extent two of them share is partial against a third layer\'s different one', () => {
    const docs = {
      a: testDoc('x', 'a', TEXT, [[14, 27, 'QUOTE', 'a']]),
      b: testDoc('x', 'b', TEXT, [[14, 27, 'QUOTE', 'b']]),
      c: testDoc('x', 'c', TEXT, [[15, 26, 'QUOTE', 'c']]),
    };
    expect(compareLayers(TEXT, docs)).toMatchObject([{ kind: 'partial', start: 14, end: 27, spans: { a: ['a'], b: ['b'], c: ['c'] } }]);
  });
});
