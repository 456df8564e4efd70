/**
 * Adjudication: building the gold layer from the annotators' layers (docs/agreement.md,
 * "Adjudication"). Pure functions over layer documents; documents are never changed in place.
 *
 * A gold span taken from the layers has the id `adj-<start>-<end>-<label>` (as mergeAgreed gives
 * it), `sources` (the compared layers that had the same start, end and label, in their order) and
 * the origin `adjudicated:<sources joined by +>`.
 */
import type { LayerDoc, Relation, Span } from '../model';
import { mergeAgreed } from '../agreement/mergeAgreed';
import type { LayerComparison } from '../agreement/compareLayers';

/** The name of the adjudicated layer. */
export const GOLD_LAYER = 'gold';

type Docs = Readonly<Record<string, LayerDoc | undefined>>;

/** Identifies a span by what agreement compares: start, end and label. */
export function extentKey(s: { start: number; end: number; label: string }): string {
  return `${s.start}:${s.end}:${s.label}`;
}

/** The origin of a gold span with these sources (`manual` when no layer had it). */
export function adjudicatedOrigin(sources: readonly string[]): string {
  return sources.length ? `adjudicated:${sources.join('+')}` : 'manual';
}

/** The compared layers that have a span with this start, end and label, in the order given. */
export function sourcesOf(extent: { start: number; end: number; label: string }, docs: Docs, layers: readonly string[]): string[] {
  const key = extentKey(extent);
  return layers.filter((layer) => (docs[layer]?.spans ?? []).some((s) => extentKey(s) === key));
}

/** A gold copy of a layer's span: deterministic id, the layers that had it, adjudicated origin. */
export function goldSpanOf(span: Span, sources: readonly string[], now: string): Span {
  return {
    id: `adj-${span.start}-${span.end}-${span.label}`,
    start: span.start,
    end: span.end,
    label: span.label,
    text: span.text,
    attrs: { ...(span.attrs ?? {}) },
    origin: adjudicatedOrigin(sources),
    createdAt: now,
    updatedAt: now,
    sources: [...sources],
  };
}

/** A span the reviewer made in gold, with the compared layers that have the same extent as its sources. */
export function withSources(span: Span, docs: Docs, layers: readonly string[]): Span {
  const sources = sourcesOf(span, docs, layers);
  return sources.length ? { ...span, sources, origin: adjudicatedOrigin(sources) } : span;
}

/** What an adjudication step changed. */
export interface AdjudicationStep {
  doc: LayerDoc;
  /** Spans added to gold. */
  added: number;
  /** Spans removed from gold. */
  removed: number;
  /** Relations added to gold. */
  relations: number;
}

/**
 * Adds to gold every span all `layers` agree on (same start, end and label: {@link mergeAgreed}),
 * except those gold already has, then the relations they bring (see {@link carryRelations}).
 * Spans already in gold, whatever their origin, are left as they are.
 */
export function acceptAgreed(gold: LayerDoc, docs: Docs, layers: readonly string[], now: string, opts: { labels?: readonly string[] } = {}): AdjudicationStep {
  const have = new Set(gold.spans.map(extentKey));
  const ids = new Set(gold.spans.map((s) => s.id));
  const added: Span[] = [];
  for (const proposal of mergeAgreed(docs, layers, now, opts)) {
    if (have.has(extentKey(proposal))) continue;
    have.add(extentKey(proposal));
    added.push({ ...proposal, id: uniqueId(proposal.id, ids) });
  }
  const doc = added.length ? touch({ ...gold, spans: [...gold.spans, ...added] }, now) : gold;
  const linked = carryRelations(doc, docs, layers, now);
  return { doc: linked.doc, added: added.length, removed: 0, relations: linked.relations };
}

/**
 * Resolves one group of {@link compareLayers} in gold: the spans of the group that gold holds
 * (any span with the start, end and label of one of the group's spans) are replaced by the
 * versions of `chosen` layers: one layer's version, several (their union, each extent once), or
 * none (`[]`). Gold spans of other extents (the reviewer's own edits) are kept. Removing a span
 * removes its relations; the chosen layers' relations come along (see {@link carryRelations}).
 */
export function chooseVersion(gold: LayerDoc, group: LayerComparison, docs: Docs, layers: readonly string[], chosen: readonly string[], now: string): AdjudicationStep {
  const candidates = groupSpans(group, docs, layers);
  const candidateKeys = new Set(candidates.map((c) => extentKey(c.span)));
  const before = new Map(gold.spans.filter((s) => candidateKeys.has(extentKey(s))).map((s) => [extentKey(s), s]));
  const keep = gold.spans.filter((s) => !candidateKeys.has(extentKey(s)));
  const ids = new Set(keep.map((s) => s.id));
  const next = new Map<string, Span>();
  for (const { layer, span } of candidates) {
    const key = extentKey(span);
    if (!chosen.includes(layer) || next.has(key)) continue;
    const old = before.get(key);
    const fresh = goldSpanOf(span, sourcesOf(span, docs, layers), now);
    // A span gold already had keeps its id (so selection and relations hold) and creation time.
    next.set(key, old ? { ...fresh, id: old.id, createdAt: old.createdAt } : { ...fresh, id: uniqueId(fresh.id, ids) });
    ids.add(next.get(key)!.id);
  }
  const lost = new Set([...before].filter(([key]) => !next.has(key)).map(([, s]) => s.id));
  const added = [...next.keys()].filter((key) => !before.has(key)).length;
  const same = lost.size === 0 && added === 0 && [...next].every(([key, s]) => sameContent(s, before.get(key)!));
  if (same) return { ...carryRelations(gold, docs, layers, now), added: 0, removed: 0 };
  const doc = touch({
    ...gold,
    spans: [...keep, ...next.values()],
    relations: gold.relations.filter((r) => !lost.has(r.from) && !lost.has(r.to)),
  }, now);
  const linked = carryRelations(doc, docs, layers, now);
  return { doc: linked.doc, added, removed: lost.size, relations: linked.relations };
}

/**
 * Copies the compared layers' relations into gold where both endpoints are in gold (same start,
 * end and label) with the relation's layer among their sources. A relation between two spans
 * that every layer agrees on comes only when every layer has it (same type and endpoints); a
 * relation touching a span taken from some layers' version comes with that version. Relations
 * gold already has (same type, from and to) are not repeated.
 */
export function carryRelations(gold: LayerDoc, docs: Docs, layers: readonly string[], now: string): { doc: LayerDoc; relations: number } {
  const goldByKey = new Map(gold.spans.map((s) => [extentKey(s), s]));
  const everyone = (s: Span) => layers.every((l) => s.sources?.includes(l));
  const relationKey = (doc: LayerDoc, r: Relation): string | null => {
    const from = doc.spans.find((s) => s.id === r.from);
    const to = doc.spans.find((s) => s.id === r.to);
    return from && to ? `${r.type}|${extentKey(from)}|${extentKey(to)}` : null;
  };
  const perLayer = new Map(layers.map((l) => {
    const doc = docs[l];
    return [l, new Set(doc ? doc.relations.map((r) => relationKey(doc, r)).filter((k): k is string => k !== null) : [])];
  }));
  const have = new Set(gold.relations.map((r) => `${r.type}|${r.from}|${r.to}`));
  const added: Relation[] = [];
  for (const layer of layers) {
    const doc = docs[layer];
    if (!doc) continue;
    for (const r of doc.relations) {
      const key = relationKey(doc, r);
      if (key === null) continue;
      const [, fromKey, toKey] = key.split('|');
      const from = goldByKey.get(fromKey);
      const to = goldByKey.get(toKey);
      if (!from || !to || !from.sources?.includes(layer) || !to.sources?.includes(layer)) continue;
      if (everyone(from) && everyone(to) && !layers.every((l) => perLayer.get(l)!.has(key))) continue;
      const id = `${r.type}|${from.id}|${to.id}`;
      if (have.has(id)) continue;
      have.add(id);
      added.push({ id: `adj-r-${from.id}-${to.id}-${r.type}`, type: r.type, from: from.id, to: to.id });
    }
  }
  if (added.length === 0) return { doc: gold, relations: 0 };
  const relIds = new Set(gold.relations.map((r) => r.id));
  return { doc: touch({ ...gold, relations: [...gold.relations, ...added.map((r) => ({ ...r, id: uniqueId(r.id, relIds) }))] }, now), relations: added.length };
}

/** How gold stands on one group: which layers' versions it holds exactly, and whether it was edited there. */
export interface GoldState {
  /** Layers whose spans in this group are exactly the gold spans of the group's extents. */
  matches: string[];
  /** Gold spans with one of the group's extents. */
  spans: number;
  /** Gold spans overlapping the group with an extent no compared layer has (the reviewer's own). */
  edited: number;
}

/** Compares gold with each layer's version of a group. */
export function goldState(gold: LayerDoc, group: LayerComparison, docs: Docs, layers: readonly string[]): GoldState {
  const candidates = groupSpans(group, docs, layers);
  const candidateKeys = new Set(candidates.map((c) => extentKey(c.span)));
  const goldKeys = new Set(gold.spans.map(extentKey).filter((k) => candidateKeys.has(k)));
  const anyLayerKeys = new Set(layers.flatMap((l) => (docs[l]?.spans ?? []).map(extentKey)));
  const edited = gold.spans.filter((s) => s.start < group.end && s.end > group.start && !anyLayerKeys.has(extentKey(s))).length;
  const matches = edited ? [] : layers.filter((layer) => {
    const mine = new Set(candidates.filter((c) => c.layer === layer).map((c) => extentKey(c.span)));
    return mine.size === goldKeys.size && [...mine].every((k) => goldKeys.has(k));
  });
  return { matches, spans: goldKeys.size, edited };
}

/** A short description of a gold state, for the disagreement list. */
export function describeGoldState(state: GoldState): string {
  if (state.edited) return 'gold: edited';
  if (state.matches.length) return `gold: as ${state.matches.join(', ')}${state.spans === 0 ? ' (nothing)' : ''}`;
  return state.spans === 0 ? 'gold: nothing here' : 'gold: combined versions';
}

/** The spans of a group, per layer, in the layers' order. */
function groupSpans(group: LayerComparison, docs: Docs, layers: readonly string[]): { layer: string; span: Span }[] {
  const out: { layer: string; span: Span }[] = [];
  for (const layer of layers) {
    const ids = new Set(group.spans[layer] ?? []);
    for (const span of docs[layer]?.spans ?? []) if (ids.has(span.id)) out.push({ layer, span });
  }
  return out;
}

function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  taken.add(candidate);
  return candidate;
}

/** Same span content apart from times. */
function sameContent(a: Span, b: Span): boolean {
  return a.id === b.id && a.text === b.text && a.origin === b.origin && JSON.stringify(a.attrs) === JSON.stringify(b.attrs)
    && JSON.stringify(a.sources ?? []) === JSON.stringify(b.sources ?? []);
}

function touch(doc: LayerDoc, now: string): LayerDoc {
  return { ...doc, status: doc.status === 'todo' ? 'in_progress' : doc.status, updatedAt: now };
}
