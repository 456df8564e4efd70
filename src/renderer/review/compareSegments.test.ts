import { describe, expect, it } from 'vitest';
import { compareLayers } from '../../common/agreement';
import { testDoc } from '../../common/agreement/testDocs';
import { OffsetMap } from '../../common/offsets';
import { compareSegments } from './compareSegments';

// An emoji before the spans: code point offsets differ from the UTF-16 ones painted.
const TEXT = '🚀 Huawei said “5G is safe,” the minister said.';
const LAYERS = ['alice', 'bob'];

function setup() {
  const alice = testDoc('a', 'alice', TEXT, [[2, 8, 'SPEAKER', 'as'], [28, 46, 'CLAIM', 'ac']]);
  const bob = testDoc('a', 'bob', TEXT, [[2, 8, 'SPEAKER', 'bs'], [28, 40, 'CLAIM', 'bc'], [14, 27, 'QUOTE', 'bq']]);
  const docs = { alice, bob };
  const groups = compareLayers(TEXT, docs, { layers: LAYERS });
  return { docs, groups };
}

describe('compareSegments', () => {
  it('marks each layer per segment with the kind of its group, in UTF-16 offsets', () => {
    const { docs, groups } = setup();
    const segs = compareSegments(new OffsetMap(TEXT), LAYERS, docs, groups, []);
    const show = segs.map((s) => [TEXT.slice(s.from, s.to), s.rows.map((r) => (r ? `${r.kind}:${r.label}` : '-')).join(' ')]);
    expect(show).toEqual([
      ['Huawei', 'agree:SPEAKER agree:SPEAKER'],
      ['“5G is safe,”', '- only:QUOTE'],
      ['the minister', 'partial:CLAIM partial:CLAIM'],
      [' said.', 'partial:CLAIM -'],
    ]);
    const partial = groups.findIndex((g) => g.kind === 'partial');
    expect(segs[2].groups).toEqual([partial]);
  });

  it('adds gold spans, filters labels and clamps spans past the end', () => {
    const { docs, groups } = setup();
    const gold = [{ ...docs.bob.spans[2], id: 'g1' }, { ...docs.bob.spans[2], id: 'g2', start: 40, end: 99, label: 'CLAIM' }];
    const segs = compareSegments(new OffsetMap(TEXT), LAYERS, docs, compareLayers(TEXT, docs, { layers: LAYERS, labels: ['QUOTE'] }), gold, ['QUOTE']);
    expect(segs.map((s) => [TEXT.slice(s.from, s.to), s.rows.map((r) => r?.kind ?? '-').join(' '), s.gold.map((g) => g.id).join()])).toEqual([
      ['“5G is safe,”', '- only', 'g1'],
      [' said.', '- -', 'g2'],
    ]);
    expect(groups.length).toBeGreaterThan(0);
  });
});
