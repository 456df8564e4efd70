import type { AgreementReport, AgreementScores, ArticleAgreement, OverallAgreement, PairAgreement } from './agreementReport';
import { attributionLinks, DEFAULT_ATTRIBUTION, type AttributionLabels } from './attributionLinks';
import { cohenKappaBinary } from './cohenKappa';
import { fleissKappaBinary } from './fleissKappa';
import { disagreementCount } from './groupSpans';
import {
  alphaFromDisagreements, alphaUExpectedDisagreement, alphaUObservedDisagreement, alphaUObservedSum,
} from './krippendorffAlphaU';
import { layerDocOf as docOf, type LayerDocs } from './layerDocOf';
import { measuredSpans, type MeasuredSpan } from './measuredSpans';
import { exactMatchCount, overlapMatches, spanF1 } from './spanF1';
import { tokenBounds, type TokenBounds } from './tokenBounds';
import type { Segment } from './unionSegments';
import { lowerBound, upperBound } from '../sortedSearch';

export type { LayerDocs };

/** The articles and every layer's documents. */
export interface AgreementInput {
  articles: readonly { id: string; text: string }[];
  layers: Readonly<Record<string, LayerDocs>>;
}

/** What to measure. */
export interface AgreementOptions {
  /** Two or more layer names, all keys of `input.layers`. */
  layers: readonly string[];
  /** Labels to measure; default: every label used by a chosen layer on a chosen article, sorted. */
  labels?: readonly string[];
  /** The labels of attribution links; default QUOTE → SPEAKER. */
  attribution?: AttributionLabels;
}

/**
 * Measures how well the chosen layers agree, per label and over all labels, per article and
 * pooled over the articles given, for every pair of layers and for all of them together:
 * span F1 (exact and overlap), token-level kappa (Cohen's for a pair, Fleiss' for 3+),
 * Krippendorff's alpha_u and attribution agreement. Definitions, pooling and null rules are in
 * docs/agreement.md. A layer without a document for an article is an empty layer there.
 *
 * @throws RangeError when fewer than two distinct layers are chosen or one is unknown.
 */
export function computeAgreement(input: AgreementInput, opts: AgreementOptions): AgreementReport {
  const layers = [...opts.layers];
  if (new Set(layers).size !== layers.length) throw new RangeError(`computeAgreement: a layer is chosen twice (${layers.join(', ')})`);
  if (layers.length < 2) throw new RangeError('computeAgreement: choose at least two layers');
  for (const name of layers) {
    if (!Object.hasOwn(input.layers, name)) throw new RangeError(`computeAgreement: unknown layer "${name}"`);
  }
  const sources = layers.map((name) => input.layers[name]);
  const labels = opts.labels ? [...new Set(opts.labels)] : usedLabels(input, sources);
  const labelIndex = new Map(labels.map((label, k) => [label, k]));
  const labelSet = new Set(labels);
  const attribution = opts.attribution ?? DEFAULT_ATTRIBUTION;

  const R = layers.length;
  const K = labels.length;
  const pairs: [number, number][] = [];
  for (let i = 0; i < R; i++) for (let j = i + 1; j < R; j++) pairs.push([i, j]);
  const P = pairs.length;

  // Pooled accumulators, indexed [pair * K + label] or [layer * K + label].
  const exact = new Float64Array(P * K);
  const overlap = new Float64Array(P * K);
  const spanCount = new Float64Array(P * K);
  const bothCovered = new Float64Array(P * K);
  const observedSum = new Float64Array(P * K);
  const covered = new Float64Array(R * K);
  const unitLengths: number[][] = Array.from({ length: R * K }, () => []);
  const gaps: number[][] = Array.from({ length: R * K }, () => []);
  const lastEnd = new Float64Array(R * K);
  const linksMatched = new Float64Array(P);
  const linksTotal = new Float64Array(P);
  let totalTokens = 0;
  let totalLength = 0;

  const byArticle: ArticleAgreement[] = [];
  // Per-article scratch.
  const aExact = new Float64Array(P);
  const aOverlap = new Float64Array(P);
  const aCount = new Float64Array(P);
  const aBoth = new Float64Array(P);
  const aCovered = new Float64Array(R);
  const perLabel: Segment[][][] = Array.from({ length: R }, () => Array.from({ length: K }, () => []));
  const tokenRanges: number[][] = Array.from({ length: R }, () => []);
  const units: (readonly Segment[])[] = Array.from({ length: R }, () => []);
  const coveredHere = new Float64Array(R);
  const spans: (readonly MeasuredSpan[])[] = new Array(R);
  const links: Set<string>[] = new Array(R);
  const pairA = pairs.map((pair) => pair[0]);
  const pairB = pairs.map((pair) => pair[1]);

  for (const article of input.articles) {
    const tokens = tokenBounds(article.text);
    const length = tokens.length;
    const offset = totalLength;
    for (let l = 0; l < R; l++) spans[l] = measuredSpans(docOf(sources[l], article.id), labelSet, length);
    const disagreements = disagreementCount(spans);

    for (let l = 0; l < R; l++) {
      for (let k = 0; k < K; k++) perLabel[l][k] = [];
      let previous: MeasuredSpan | undefined;
      for (const s of spans[l]) {
        // Sorted by start, end, label: duplicates of one extent and label are neighbours.
        if (previous && previous.start === s.start && previous.end === s.end && previous.label === s.label) continue;
        perLabel[l][labelIndex.get(s.label)!].push(s);
        previous = s;
      }
    }
    aExact.fill(0); aOverlap.fill(0); aCount.fill(0); aBoth.fill(0); aCovered.fill(0);
    let articleObserved = 0;
    let articleExpected = 0;

    for (let k = 0; k < K; k++) {
      const localLengths: number[] = [];
      const localGaps: number[] = [];
      for (let l = 0; l < R; l++) {
        const segments = perLabel[l][k];
        tokenRanges[l] = tokenRangesOf(segments, tokens);
        coveredHere[l] = rangeTotal(tokenRanges[l]);
        aCovered[l] += coveredHere[l];
        covered[l * K + k] += coveredHere[l];
        units[l] = mergeSorted(segments);
        const slot = l * K + k;
        for (const u of units[l]) {
          const len = u.end - u.start;
          localLengths.push(len);
          unitLengths[slot].push(len);
          const start = offset + u.start;
          if (start > lastEnd[slot]) gaps[slot].push(start - lastEnd[slot]);
          lastEnd[slot] = offset + u.end;
        }
        let pos = 0;
        for (const u of units[l]) {
          if (u.start > pos) localGaps.push(u.start - pos);
          pos = u.end;
        }
        if (length > pos) localGaps.push(length - pos);
      }
      let labelObserved = 0;
      for (let p = 0; p < P; p++) {
        const i = pairA[p];
        const j = pairB[p];
        const a = perLabel[i][k];
        const b = perLabel[j][k];
        const e = a.length > 0 && b.length > 0 ? exactMatchCount(a, b) : 0;
        const o = a.length > 0 && b.length > 0 ? overlapMatches(a, b).length : 0;
        const both = rangeIntersection(tokenRanges[i], tokenRanges[j]);
        const obs = alphaUObservedSum(units[i], units[j]);
        const slot = p * K + k;
        exact[slot] += e;
        overlap[slot] += o;
        spanCount[slot] += a.length + b.length;
        bothCovered[slot] += both;
        observedSum[slot] += obs;
        aExact[p] += e;
        aOverlap[p] += o;
        aCount[p] += a.length + b.length;
        aBoth[p] += both;
        labelObserved += obs;
      }
      articleObserved += alphaUObservedDisagreement(labelObserved, R, length);
      articleExpected += alphaUExpectedDisagreement(localLengths, localGaps, R, length);
    }

    for (let l = 0; l < R; l++) links[l] = attributionLinks(docOf(sources[l], article.id), attribution);
    let f1Exact = 0;
    let f1Overlap = 0;
    let f1Pairs = 0;
    for (let p = 0; p < P; p++) {
      const a = links[pairA[p]];
      const b = links[pairB[p]];
      let matched = 0;
      if (a.size > 0 && b.size > 0) for (const key of a) if (b.has(key)) matched++;
      linksMatched[p] += matched;
      linksTotal[p] += a.size + b.size;
      if (aCount[p] > 0) {
        f1Exact += spanF1(aExact[p], aCount[p], 0)!;
        f1Overlap += spanF1(aOverlap[p], aCount[p], 0)!;
        f1Pairs++;
      }
    }

    const items = tokens.count * K;
    byArticle.push({
      id: article.id,
      f1_exact: f1Pairs === 0 ? null : f1Exact / f1Pairs,
      f1_overlap: f1Pairs === 0 ? null : f1Overlap / f1Pairs,
      kappa: kappaOf(items, aCovered, aBoth, pairs),
      alpha_u: alphaFromDisagreements(articleObserved, articleExpected),
      disagreements,
    });
    totalTokens += tokens.count;
    totalLength += length;
  }
  for (let slot = 0; slot < R * K; slot++) {
    if (totalLength > lastEnd[slot]) gaps[slot].push(totalLength - lastEnd[slot]);
  }

  // Pooled results.
  const pairReports: PairAgreement[] = pairs.map(([i, j], p) => {
    const byLabel: Record<string, AgreementScores> = {};
    let e = 0, o = 0, n = 0, both = 0, coveredA = 0, coveredB = 0, observed = 0, expected = 0;
    labels.forEach((label, k) => {
      const slot = p * K + k;
      const labelObserved = alphaUObservedDisagreement(observedSum[slot], 2, totalLength);
      const labelExpected = alphaUExpectedDisagreement(
        unitLengths[i * K + k].concat(unitLengths[j * K + k]), gaps[i * K + k].concat(gaps[j * K + k]), 2, totalLength);
      byLabel[label] = {
        f1_exact: spanF1(exact[slot], spanCount[slot], 0),
        f1_overlap: spanF1(overlap[slot], spanCount[slot], 0),
        kappa: kappaOf(totalTokens, [covered[i * K + k], covered[j * K + k]], [bothCovered[slot]], [[0, 1]]),
        alpha_u: alphaFromDisagreements(labelObserved, labelExpected),
      };
      e += exact[slot]; o += overlap[slot]; n += spanCount[slot]; both += bothCovered[slot];
      coveredA += covered[i * K + k]; coveredB += covered[j * K + k];
      observed += labelObserved; expected += labelExpected;
    });
    const overall: OverallAgreement = {
      f1_exact: spanF1(e, n, 0),
      f1_overlap: spanF1(o, n, 0),
      kappa: kappaOf(totalTokens * K, [coveredA, coveredB], [both], [[0, 1]]),
      alpha_u: alphaFromDisagreements(observed, expected),
      attribution: spanF1(linksMatched[p], linksTotal[p], 0),
    };
    return { a: layers[i], b: layers[j], by_label: byLabel, overall };
  });

  const byLabel: Record<string, AgreementScores> = {};
  let observedAll = 0;
  let expectedAll = 0;
  const coveredAll = new Float64Array(R);
  const bothAll = new Float64Array(P);
  labels.forEach((label, k) => {
    let pairSum = 0;
    const lengthsAll: number[] = [];
    const gapsAll: number[] = [];
    const coveredK = new Float64Array(R);
    const bothK = new Float64Array(P);
    for (let l = 0; l < R; l++) {
      for (const x of unitLengths[l * K + k]) lengthsAll.push(x);
      for (const x of gaps[l * K + k]) gapsAll.push(x);
      coveredK[l] = covered[l * K + k];
      coveredAll[l] += coveredK[l];
    }
    for (let p = 0; p < P; p++) {
      pairSum += observedSum[p * K + k];
      bothK[p] = bothCovered[p * K + k];
      bothAll[p] += bothK[p];
    }
    const observed = alphaUObservedDisagreement(pairSum, R, totalLength);
    const expected = alphaUExpectedDisagreement(lengthsAll, gapsAll, R, totalLength);
    observedAll += observed;
    expectedAll += expected;
    byLabel[label] = {
      f1_exact: meanOfDefined(pairReports.map((r) => r.by_label[label].f1_exact)),
      f1_overlap: meanOfDefined(pairReports.map((r) => r.by_label[label].f1_overlap)),
      kappa: kappaOf(totalTokens, coveredK, bothK, pairs),
      alpha_u: alphaFromDisagreements(observed, expected),
    };
  });
  const overall: OverallAgreement = {
    f1_exact: meanOfDefined(pairReports.map((r) => r.overall.f1_exact)),
    f1_overlap: meanOfDefined(pairReports.map((r) => r.overall.f1_overlap)),
    kappa: kappaOf(totalTokens * K, coveredAll, bothAll, pairs),
    alpha_u: alphaFromDisagreements(observedAll, expectedAll),
    attribution: meanOfDefined(pairReports.map((r) => r.overall.attribution)),
  };

  const ranked = byArticle.map((a, index) => ({ a, index }))
    .sort((x, y) => y.a.disagreements - x.a.disagreements || x.index - y.index)
    .map((x) => x.a);
  return { layers, by_label: byLabel, overall, by_article: ranked, pairs: pairReports };
}

function usedLabels(input: AgreementInput, sources: readonly LayerDocs[]): string[] {
  const labels = new Set<string>();
  for (const article of input.articles) {
    for (const docs of sources) for (const s of docOf(docs, article.id)?.spans ?? []) labels.add(s.label);
  }
  return [...labels].sort();
}

/**
 * Kappa of yes/no codes over `items` items: Cohen's for two coders, Fleiss' for more, from each
 * coder's yes count and each pair's both-yes count.
 */
function kappaOf(items: number, yes: ArrayLike<number>, bothYes: ArrayLike<number>, pairs: readonly [number, number][]): number | null {
  if (yes.length === 2) {
    const both = bothYes[0];
    return cohenKappaBinary({ both, onlyA: yes[0] - both, onlyB: yes[1] - both, neither: items - yes[0] - yes[1] + both });
  }
  let positives = 0;
  for (let l = 0; l < yes.length; l++) positives += yes[l];
  let squared = positives;
  for (let p = 0; p < pairs.length; p++) squared += 2 * bothYes[p];
  return fleissKappaBinary({ items, raters: yes.length, positives, positivesSquared: squared });
}

function meanOfDefined(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v !== null) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? null : sum / n;
}

// Token index ranges [lo, hi) covered by segments sorted by start, as a flat list of merged
// ranges. A token is covered when a segment shares at least one character with it.
function tokenRangesOf(segments: readonly Segment[], tokens: TokenBounds): number[] {
  const out: number[] = [];
  for (const s of segments) {
    const lo = upperBound(tokens.ends, s.start, tokens.count);
    const hi = lowerBound(tokens.starts, s.end, tokens.count);
    if (hi <= lo) continue;
    const last = out.length - 1;
    if (out.length > 0 && lo <= out[last]) {
      if (hi > out[last]) out[last] = hi;
    } else {
      out.push(lo, hi);
    }
  }
  return out;
}

function rangeTotal(ranges: readonly number[]): number {
  let total = 0;
  for (let r = 0; r < ranges.length; r += 2) total += ranges[r + 1] - ranges[r];
  return total;
}

function rangeIntersection(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i], b[j]);
    const hi = Math.min(a[i + 1], b[j + 1]);
    if (hi > lo) total += hi - lo;
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return total;
}

// Union of overlapping segments already sorted by start (touching ones stay apart).
function mergeSorted(segments: readonly Segment[]): readonly Segment[] {
  let reach = -Infinity;
  let overlapping = false;
  for (let i = 0; i < segments.length && !overlapping; i++) {
    overlapping = segments[i].start < reach;
    if (segments[i].end > reach) reach = segments[i].end;
  }
  if (!overlapping) return segments;
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last !== undefined && s.start < last.end) {
      if (s.end > last.end) out[out.length - 1] = { start: last.start, end: s.end };
    } else {
      out.push(s);
    }
  }
  return out;
}
