import { describe, expect, it } from 'vitest';
import { compareLayers } from '../agreement';
import { testDoc } from '../agreement/testDocs';
import { emptyLayerDoc } from '../model';
import type { LayerDoc } from '../model';
import { acceptAgreed, chooseVersion, describeGoldState, extentKey, goldState, withSources } from './adjudicate';

// 0         1         2         3         4
// 0123456789012345678901234567890123456789012345
const TEXT = 'Huawei said “5G is safe,” the minister said.';
const NOW = '2026-11-25T10:00:00Z';
const LATER = '2026-11-25T11:00:00Z';
const LAYERS = ['alice', 'bob'];

/** Alice and Bob agree on the quote, its speaker and their link; they disagree on the claim's extent; only Bob marked the minister. */
function layers(): Record<string, LayerDoc> {
  const alice = testDoc('a', 'alice', TEXT, [[12, 25, 'QUOTE', 'aq'], [0, 6, 'SPEAKER', 'as'], [26, 44, 'CLAIM', 'ac']], [['aq', 'as']]);
  const bob = testDoc('a', 'bob', TEXT, [[12, 25, 'QUOTE', 'bq'], [0, 6, 'SPEAKER', 'bs'], [26, 38, 'CLAIM', 'bc'], [30, 38, 'SPEAKER', 'bm']], [['bq', 'bs']]);
  return { alice, bob };
}

const gold0 = () => emptyLayerDoc('a', 'gold', '');
const keys = (doc: LayerDoc) => doc.spans.map(extentKey).sort();

describe('acceptAgreed', () => {
  it('adds the agreed spans with sources and adjudicated origin, and the relation both layers have', () => {
    const docs = layers();
    const step = acceptAgreed(gold0(), docs, LAYERS, NOW);
    expect(step.added).toBe(2);
    expect(step.relations).toBe(1);
    expect(step.doc.status).toBe('in_progress');
    expect(step.doc.spans).toEqual([
      expect.objectContaining({ id: 'adj-0-6-SPEAKER', text: 'Huawei', origin: 'adjudicated:alice+bob', sources: ['alice', 'bob'] }),
      expect.objectContaining({ id: 'adj-12-25-QUOTE', text: '“5G is safe,”', origin: 'adjudicated:alice+bob', sources: ['alice', 'bob'] }),
    ]);
    expect(step.doc.relations).toEqual([{ id: 'adj-r-adj-12-25-QUOTE-adj-0-6-SPEAKER-ATTRIBUTED_TO', type: 'ATTRIBUTED_TO', from: 'adj-12-25-QUOTE', to: 'adj-0-6-SPEAKER' }]);
  });

  it('is idempotent and keeps what gold already has', () => {
    const docs = layers();
    const once = acceptAgreed(gold0(), docs, LAYERS, NOW).doc;
    const twice = acceptAgreed(once, docs, LAYERS, LATER);
    expect(twice.added).toBe(0);
    expect(twice.relations).toBe(0);
    expect(twice.doc).toBe(once);
    // A manual gold span with an agreed extent is not duplicated.
    const manual = { ...gold0(), spans: [{ ...docs.alice.spans[0], id: 'mine', origin: 'manual' }] };
    const step = acceptAgreed(manual, docs, LAYERS, NOW);
    expect(step.doc.spans.filter((s) => s.label === 'QUOTE')).toEqual([expect.objectContaining({ id: 'mine', origin: 'manual' })]);
  });

  it('does not carry a link between agreed spans that only one layer has', () => {
    const docs = layers();
    docs.bob = { ...docs.bob, relations: [] };
    const step = acceptAgreed(gold0(), docs, LAYERS, NOW);
    expect(step.added).toBe(2);
    expect(step.doc.relations).toEqual([]);
  });

  it('respects a label filter', () => {
    expect(keys(acceptAgreed(gold0(), layers(), LAYERS, NOW, { labels: ['QUOTE'] }).doc)).toEqual(['12:25:QUOTE']);
  });
});

describe('chooseVersion', () => {
  const groups = () => compareLayers(TEXT, layers(), { layers: LAYERS }).filter((g) => g.kind !== 'agree');

  it('finds one partial group (the claim, with the minister inside) to resolve', () => {
    const g = groups();
    expect(g.map((x) => [x.kind, x.start, x.end, x.labels])).toEqual([['partial', 26, 44, ['CLAIM', 'SPEAKER']]]);
  });

  it("takes one layer's version, then another's, both, and none, leaving the reviewer's own spans", () => {
    const docs = layers();
    const [group] = groups();
    const own = { ...gold0(), spans: [{ ...docs.alice.spans[0], id: 'own', start: 0, end: 11, label: 'CLAIM', text: 'Huawei said' }] };

    const alice = chooseVersion(own, group, docs, LAYERS, ['alice'], NOW);
    expect(keys(alice.doc)).toEqual(['0:11:CLAIM', '26:44:CLAIM']);
    expect(alice.added).toBe(1);
    expect(alice.doc.spans.find((s) => s.label === 'CLAIM' && s.start === 26)).toMatchObject({ text: 'the minister said.', origin: 'adjudicated:alice', sources: ['alice'] });

    const bob = chooseVersion(alice.doc, group, docs, LAYERS, ['bob'], LATER);
    expect(keys(bob.doc)).toEqual(['0:11:CLAIM', '26:38:CLAIM', '30:38:SPEAKER']);
    expect(bob).toMatchObject({ added: 2, removed: 1 });

    const both = chooseVersion(bob.doc, group, docs, LAYERS, ['alice', 'bob'], LATER);
    expect(keys(both.doc)).toEqual(['0:11:CLAIM', '26:38:CLAIM', '26:44:CLAIM', '30:38:SPEAKER']);

    const none = chooseVersion(both.doc, group, docs, LAYERS, [], LATER);
    expect(keys(none.doc)).toEqual(['0:11:CLAIM']);
    expect(none.removed).toBe(3);
  });

  it('keeps the id of a span gold already had and changes nothing when the version is already there', () => {
    const docs = layers();
    const [group] = groups();
    const first = chooseVersion(gold0(), group, docs, LAYERS, ['bob'], NOW).doc;
    const again = chooseVersion(first, group, docs, LAYERS, ['bob'], LATER);
    expect(again.doc).toBe(first);
    expect(again).toMatchObject({ added: 0, removed: 0 });
  });

  it("brings the chosen layer's link when both its ends are in gold, in either order of steps", () => {
    const docs = layers();
    // Bob links the claim's speaker... to the quote's speaker is not allowed; use a QUOTE->SPEAKER link from the agreed quote to Bob's minister.
    docs.bob = { ...docs.bob, relations: [...docs.bob.relations, { id: 'br2', type: 'ATTRIBUTED_TO', from: 'bq', to: 'bm' }] };
    const [group] = compareLayers(TEXT, docs, { layers: LAYERS }).filter((g) => g.kind !== 'agree');
    const agreedFirst = chooseVersion(acceptAgreed(gold0(), docs, LAYERS, NOW).doc, group, docs, LAYERS, ['bob'], NOW).doc;
    const versionFirst = acceptAgreed(chooseVersion(gold0(), group, docs, LAYERS, ['bob'], NOW).doc, docs, LAYERS, NOW).doc;
    for (const doc of [agreedFirst, versionFirst]) {
      const rels = doc.relations.map((r) => `${r.from}->${r.to}`).sort();
      expect(rels).toEqual(['adj-12-25-QUOTE->adj-0-6-SPEAKER', 'adj-12-25-QUOTE->adj-30-38-SPEAKER']);
    }
    // Choosing Alice's version drops the minister and its link.
    const alice = chooseVersion(agreedFirst, group, docs, LAYERS, ['alice'], LATER).doc;
    expect(alice.relations.map((r) => r.to)).toEqual(['adj-0-6-SPEAKER']);
  });
});

describe('goldState', () => {
  it('says which version gold holds', () => {
    const docs = layers();
    const [group] = compareLayers(TEXT, docs, { layers: LAYERS }).filter((g) => g.kind !== 'agree');
    const state = (doc: LayerDoc) => describeGoldState(goldState(doc, group, docs, LAYERS));
    expect(state(gold0())).toBe('gold: nothing here');
    expect(state(chooseVersion(gold0(), group, docs, LAYERS, ['alice'], NOW).doc)).toBe('gold: as alice');
    expect(state(chooseVersion(gold0(), group, docs, LAYERS, ['bob'], NOW).doc)).toBe('gold: as bob');
    expect(state(chooseVersion(gold0(), group, docs, LAYERS, ['alice', 'bob'], NOW).doc)).toBe('gold: combined versions');
    const edited = { ...gold0(), spans: [{ ...docs.alice.spans[2], id: 'x', start: 27, end: 40, text: 'he minister s' }] };
    expect(state(edited)).toBe('gold: edited');
  });

  it('reads an "only" group with nothing in gold as the version of the layer that has nothing', () => {
    const alice = testDoc('a', 'alice', TEXT, [[0, 6, 'SPEAKER']]);
    const bob = testDoc('a', 'bob', TEXT, []);
    const [group] = compareLayers(TEXT, { alice, bob }, { layers: LAYERS });
    expect(group.kind).toBe('only');
    expect(describeGoldState(goldState(gold0(), group, { alice, bob }, LAYERS))).toBe('gold: as bob (nothing)');
  });
});

describe('withSources', () => {
  it('marks a span the reviewer drew with the layers that had the same extent', () => {
    const docs = layers();
    const drawn = { ...docs.alice.spans[2], id: 'new', origin: 'manual' };
    expect(withSources(drawn, docs, LAYERS)).toMatchObject({ origin: 'adjudicated:alice', sources: ['alice'] });
    expect(withSources({ ...drawn, end: 40 }, docs, LAYERS)).toMatchObject({ origin: 'manual' });
    expect(withSources({ ...drawn, end: 40 }, docs, LAYERS).sources).toBeUndefined();
  });
});
