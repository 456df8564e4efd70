import { describe, expect, it } from 'vitest';
import type { LayerDoc } from '../model';
import { cohenKappa } from './cohenKappa';
import { computeAgreement, type AgreementInput } from './computeAgreement';
import { fleissKappa } from './fleissKappa';
import { krippendorffAlphaU, type UnitizingUnit } from './krippendorffAlphaU';
import { layerDocOf } from './layerDocOf';
import { measuredSpans } from './measuredSpans';
import { randomProject } from './randomProject';
import { testDoc, type SpanSpec } from './testDocs';
import { tokenCodings } from './tokenCodings';

const TEXT = 'Huawei said “5G is safe,” the minister said. Critics disagree 😀 strongly.';
const OTHER = 'Second article: nothing much happens here, says nobody.';

function project(layers: Record<string, Record<string, SpanSpec[]>>, relations: Record<string, Record<string, [string, string][]>> = {}): AgreementInput {
  const texts: Record<string, string> = { a1: TEXT, a2: OTHER };
  const out: AgreementInput = { articles: [{ id: 'a1', text: TEXT }, { id: 'a2', text: OTHER }], layers: {} };
  for (const [layer, byArticle] of Object.entries(layers)) {
    const docs: Record<string, LayerDoc> = {};
    for (const [id, specs] of Object.entries(byArticle)) docs[id] = testDoc(id, layer, texts[id], specs, relations[layer]?.[id]);
    (out.layers as Record<string, Record<string, LayerDoc>>)[layer] = docs;
  }
  return out;
}

const ALICE: Record<string, SpanSpec[]> = {
  a1: [[0, 6, 'SPEAKER', 's'], [12, 25, 'QUOTE', 'q'], [0, 44, 'CLAIM'], [45, 62, 'CLAIM']],
  a2: [[0, 14, 'BOILERPLATE'], [16, 40, 'CLAIM']],
};

describe('computeAgreement', () => {
  it('gives 1.0 for identical layers wherever a measure is defined', () => {
    const input = project({ alice: ALICE, bob: ALICE }, { alice: { a1: [['q', 's']] }, bob: { a1: [['q', 's']] } });
    const r = computeAgreement(input, { layers: ['alice', 'bob'] });
    expect(r.layers).toEqual(['alice', 'bob']);
    expect(Object.keys(r.by_label)).toEqual(['BOILERPLATE', 'CLAIM', 'QUOTE', 'SPEAKER']);
    for (const scores of [...Object.values(r.by_label), r.overall, r.pairs[0].overall]) {
      expect(scores.f1_exact).toBe(1);
      expect(scores.f1_overlap).toBe(1);
      expect(scores.kappa).toBe(1);
      expect(scores.alpha_u).toBe(1);
    }
    expect(r.overall.attribution).toBe(1);
    expect(r.by_article.map((a) => a.disagreements)).toEqual([0, 0]);
    expect(r.by_article[0]).toMatchObject({ id: 'a1', f1_exact: 1, f1_overlap: 1, kappa: 1, alpha_u: 1 });
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]).toMatchObject({ a: 'alice', b: 'bob' });
    expect(r.pairs[0].by_label).toEqual(r.by_label);
  });

  it('gives null for empty layers and missing documents, never a made-up number', () => {
    const r = computeAgreement(project({ alice: {}, bob: { a1: [] } }), { layers: ['alice', 'bob'] });
    expect(r.by_label).toEqual({});
    expect(r.overall).toEqual({ f1_exact: null, f1_overlap: null, kappa: null, alpha_u: null, attribution: null });
    expect(r.by_article).toEqual([
      { id: 'a1', f1_exact: null, f1_overlap: null, kappa: null, alpha_u: null, disagreements: 0 },
      { id: 'a2', f1_exact: null, f1_overlap: null, kappa: null, alpha_u: null, disagreements: 0 },
    ]);
    // A label asked for but used by nobody.
    const withLabel = computeAgreement(project({ alice: {}, bob: {} }), { layers: ['alice', 'bob'], labels: ['CLAIM'] });
    expect(withLabel.by_label.CLAIM).toEqual({ f1_exact: null, f1_overlap: null, kappa: null, alpha_u: null });
    expect(withLabel.overall.kappa).toBeNull();
  });

  it('scores disjoint layers at 0 F1 and below-chance kappa', () => {
    const r = computeAgreement(project({
      alice: { a1: [[0, 6, 'CLAIM']] },
      bob: { a1: [[12, 25, 'CLAIM']] },
    }), { layers: ['alice', 'bob'] });
    expect(r.overall.f1_exact).toBe(0);
    expect(r.overall.f1_overlap).toBe(0);
    expect(r.overall.kappa!).toBeLessThan(0);
    expect(r.overall.alpha_u!).toBeLessThan(0);
    expect(r.by_article[0]).toMatchObject({ id: 'a1', disagreements: 2 });
    expect(r.by_article[1]).toMatchObject({ id: 'a2', disagreements: 0, f1_exact: null, alpha_u: null });
    // a2 has tokens but no spans: kappa over its items is undefined (everything coded no).
    expect(r.by_article[1].kappa).toBeNull();
  });

  it('treats one empty layer as total disagreement where defined', () => {
    const r = computeAgreement(project({ alice: ALICE, bob: {} }), { layers: ['alice', 'bob'] });
    expect(r.overall.f1_exact).toBe(0);
    expect(r.overall.kappa).toBe(0);
    expect(r.overall.alpha_u!).toBeLessThan(1);
    expect(r.overall.attribution).toBeNull();
  });

  it('handles overlapping spans of one label inside a layer', () => {
    // alice marks one claim as two overlapping pieces; bob marks the whole.
    const r = computeAgreement(project({
      alice: { a1: [[0, 25, 'CLAIM'], [12, 44, 'CLAIM']] },
      bob: { a1: [[0, 44, 'CLAIM']] },
    }), { layers: ['alice', 'bob'] });
    const claim = r.by_label.CLAIM;
    expect(claim.kappa).toBe(1); // the same tokens are covered
    expect(claim.alpha_u).toBe(1); // alice's units are merged into their union
    expect(claim.f1_exact).toBe(0);
    expect(claim.f1_overlap).toBeCloseTo((2 * 1) / 3, 15); // one-to-one: one of alice's two matches
    expect(r.by_article[0].disagreements).toBe(1);
    // Nested pieces: the union of alice's spans is bob's span.
    const nested = computeAgreement(project({
      alice: { a1: [[0, 44, 'CLAIM'], [2, 6, 'CLAIM'], [10, 20, 'CLAIM']] },
      bob: { a1: [[0, 44, 'CLAIM']] },
    }), { layers: ['alice', 'bob'] });
    expect(nested.by_label.CLAIM).toMatchObject({ kappa: 1, alpha_u: 1, f1_exact: 0.5, f1_overlap: 0.5 });
  });

  it('counts a duplicated span once', () => {
    const r = computeAgreement(project({
      alice: { a1: [[0, 6, 'CLAIM', 'x'], [0, 6, 'CLAIM', 'y']] },
      bob: { a1: [[0, 6, 'CLAIM']] },
    }), { layers: ['alice', 'bob'] });
    expect(r.overall.f1_exact).toBe(1);
    expect(r.by_article[0].disagreements).toBe(0);
  });

  it('uses Fleiss for three layers and the mean over pairs for F1', () => {
    const input = project({
      alice: ALICE,
      bob: { a1: [[0, 6, 'SPEAKER'], [12, 25, 'QUOTE'], [0, 44, 'CLAIM']], a2: [[0, 14, 'BOILERPLATE']] },
      carol: { a1: [[0, 6, 'SPEAKER'], [13, 25, 'QUOTE'], [0, 40, 'CLAIM']], a2: [[16, 40, 'CLAIM']] },
    });
    const r = computeAgreement(input, { layers: ['alice', 'bob', 'carol'] });
    expect(r.pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['alice-bob', 'alice-carol', 'bob-carol']);
    const mean = (xs: (number | null)[]) => xs.reduce((s: number, x) => s + x!, 0) / xs.length;
    expect(r.overall.f1_exact).toBeCloseTo(mean(r.pairs.map((p) => p.overall.f1_exact)), 15);
    expect(r.by_label.QUOTE.f1_overlap).toBeCloseTo(mean(r.pairs.map((p) => p.by_label.QUOTE.f1_overlap)), 15);

    const labels = Object.keys(r.by_label);
    const codings = tokenCodings(input, r.layers, labels);
    expect(r.overall.kappa).toBeCloseTo(fleissKappa(codings.codes)!, 12);
    labels.forEach((label, k) => {
      const only = codings.codes.map((c) => c.filter((_, i) => codings.labelOf[i] === k));
      expect(r.by_label[label].kappa).toBeCloseTo(fleissKappa(only)!, 12);
      expect(r.pairs[0].by_label[label].kappa).toBeCloseTo(cohenKappa(only[0], only[1])!, 12);
    });
  });

  it('pools alpha_u over articles as one concatenated continuum', () => {
    const input = randomProject(9, { articles: 6, length: 300, layers: ['a', 'b', 'c'], spans: 6 });
    const r = computeAgreement(input, { layers: ['a', 'b', 'c'] });
    const units: UnitizingUnit[] = [];
    let offset = 0;
    for (const article of input.articles) {
      const length = Array.from(article.text).length;
      ['a', 'b', 'c'].forEach((layer, rater) => {
        for (const s of measuredSpans(layerDocOf(input.layers[layer], article.id), null, length)) {
          units.push({ offset: offset + s.start, length: s.end - s.start, rater, category: s.label });
        }
      });
      offset += length;
    }
    const expected = krippendorffAlphaU({ begin: 0, length: offset, raters: 3, units });
    expect(r.overall.alpha_u).toBeCloseTo(expected.alpha!, 12);
    for (const [label, score] of Object.entries(expected.byCategory)) expect(r.by_label[label].alpha_u).toBeCloseTo(score.alpha!, 12);
    const pair = krippendorffAlphaU({ begin: 0, length: offset, raters: 2, units: units.filter((u) => u.rater < 2) });
    expect(r.pairs[0].overall.alpha_u).toBeCloseTo(pair.alpha!, 12);
  });

  it('matches token codings written out with tokenize() on random projects', () => {
    for (const seed of [1, 2, 3]) {
      const input = randomProject(seed, { articles: 5, length: 400, layers: ['a', 'b'], spans: 8 });
      const r = computeAgreement(input, { layers: ['a', 'b'] });
      const labels = Object.keys(r.by_label);
      const codings = tokenCodings(input, ['a', 'b'], labels);
      expect(r.overall.kappa).toBeCloseTo(cohenKappa(codings.codes[0], codings.codes[1])!, 12);
    }
  });

  it('scores attribution by links whose both ends match exactly', () => {
    const alice = { a1: [[0, 6, 'SPEAKER', 's'], [12, 25, 'QUOTE', 'q'], [30, 44, 'SPEAKER', 't']] as SpanSpec[] };
    const bob = { a1: [[0, 6, 'SPEAKER', 's'], [12, 25, 'QUOTE', 'q'], [30, 44, 'SPEAKER', 't'], [45, 52, 'QUOTE', 'q2']] as SpanSpec[] };
    const r = computeAgreement(project({ alice, bob }, { alice: { a1: [['q', 's']] }, bob: { a1: [['q', 's'], ['q2', 't']] } }),
      { layers: ['alice', 'bob'] });
    expect(r.overall.attribution).toBeCloseTo(2 / 3, 15);
    const other = computeAgreement(project({ alice, bob }, { alice: { a1: [['q', 's']] }, bob: { a1: [['q', 't']] } }),
      { layers: ['alice', 'bob'] });
    expect(other.overall.attribution).toBe(0);
  });

  it('ranks articles by disagreement and restricts to the chosen labels', () => {
    const r = computeAgreement(project({
      alice: { a1: [[0, 6, 'CLAIM']], a2: [[0, 6, 'CLAIM'], [10, 20, 'QUOTE']] },
      bob: { a1: [[0, 6, 'CLAIM']], a2: [[0, 7, 'CLAIM']] },
    }), { layers: ['alice', 'bob'] });
    expect(r.by_article.map((a) => [a.id, a.disagreements])).toEqual([['a2', 2], ['a1', 0]]);
    const claims = computeAgreement(project({
      alice: { a1: [[0, 6, 'CLAIM'], [10, 20, 'QUOTE']] },
      bob: { a1: [[0, 6, 'CLAIM']] },
    }), { layers: ['alice', 'bob'], labels: ['CLAIM'] });
    expect(Object.keys(claims.by_label)).toEqual(['CLAIM']);
    expect(claims.overall.f1_exact).toBe(1);
    expect(claims.by_article[0].disagreements).toBe(0);
  });

  it('accepts Maps and records, and checks the chosen layers', () => {
    const input = project({ alice: ALICE, bob: ALICE });
    const asMaps: AgreementInput = { articles: input.articles, layers: {
      alice: new Map(Object.entries(input.layers.alice)), bob: new Map(Object.entries(input.layers.bob)),
    } };
    expect(computeAgreement(asMaps, { layers: ['alice', 'bob'] })).toEqual(computeAgreement(input, { layers: ['alice', 'bob'] }));
    expect(() => computeAgreement(input, { layers: ['alice'] })).toThrow(RangeError);
    expect(() => computeAgreement(input, { layers: ['alice', 'alice'] })).toThrow(RangeError);
    expect(() => computeAgreement(input, { layers: ['alice', 'zed'] })).toThrow(/unknown layer "zed"/);
  });

  it('returns plain JSON', () => {
    const input = randomProject(4, { articles: 8, length: 200, layers: ['a', 'b', 'c'], spans: 5 });
    const r = computeAgreement(input, { layers: ['a', 'b', 'c'] });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    for (const a of r.by_article) {
      for (const v of [a.f1_exact, a.f1_overlap, a.kappa, a.alpha_u]) expect(v === null || Number.isFinite(v)).toBe(true);
    }
  });
});
