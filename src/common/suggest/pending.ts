/**
 * Suggestions waiting for a person's decision, apart from the layer they are proposed for.
 * The engines' raw output is filtered against the layer (spans it already has) and the layer's
 * rejections; accepting one turns it into a span of the layer (with origin
 * `suggestion:<engine>`), and a QUOTE brings its SPEAKER and the ATTRIBUTED_TO link along.
 * Pure functions over code point offsets; no I/O.
 */
import type { LabelSchema, LayerDoc, Span } from '../model';
import { addRelation, addSpan, allowedRelations } from '../spanOps';
import type { Suggestion } from './Suggestion';

/** What identifies a suggestion across runs of the engines: label, code point range and text. */
export interface SuggestionKey {
  label: string;
  start: number;
  end: number;
  text: string;
}

/** A rejected suggestion as stored (suggestions/<layer>/<article path>.json). */
export interface Rejection extends SuggestionKey {
  engine: string;
  /** sha256 of the article text the rejection was made on. */
  sha256: string;
  rejectedAt: string;
}

/** The content of one rejections file: one layer's decisions on one article's suggestions. */
export interface RejectionsDoc {
  formatVersion: number;
  article: string;
  layer: string;
  rejected: Rejection[];
  updatedAt: string;
}

/** The span a suggestion links to, by range: a pending suggestion or a span the layer has. */
export interface SuggestionTarget extends SuggestionKey {
  type: 'ATTRIBUTED_TO';
  engine: string;
}

/** A suggestion as the UI and the CLI get it. */
export interface PendingSuggestion extends Suggestion {
  /** `label:start:end`, unique in one article's list. */
  id: string;
  /** For a QUOTE: the SPEAKER it is attributed to, by range (accepted along with it). */
  targets?: SuggestionTarget[];
}

/** The suggestions of one article for one layer. */
export interface ArticleSuggestions {
  article: string;
  layer: string;
  /** sha256 of the article text the offsets refer to. */
  sha256: string;
  suggestions: PendingSuggestion[];
  /** How many of the engines' suggestions this layer rejected earlier (not in `suggestions`). */
  rejected: number;
  /** Time spent computing, in milliseconds. */
  ms: number;
}

/** The id of a suggestion in a list: `label:start:end`. */
export function suggestionId(s: { label: string; start: number; end: number }): string {
  return `${s.label}:${s.start}:${s.end}`;
}

/** The key of a suggestion (what a rejection stores). */
export function keyOf(s: SuggestionKey): SuggestionKey {
  return { label: s.label, start: s.start, end: s.end, text: s.text };
}

/**
 * Whether a rejection covers a suggestion: same label, range and text; or, when the article
 * changed since the rejection (another sha256), same label and text anywhere.
 */
export function rejectionCovers(r: Rejection, s: SuggestionKey, sha256: string): boolean {
  if (r.label !== s.label || r.text !== s.text) return false;
  return (r.start === s.start && r.end === s.end) || r.sha256 !== sha256;
}

/** Options of {@link pendingSuggestions}. */
export interface PendingOptions {
  /** The layer's spans: a suggestion equal to one (label and range) is not pending. */
  spans: readonly Span[];
  rejected: readonly Rejection[];
  /** sha256 of the current article text. */
  sha256: string;
  /** Labels of the schema; suggestions of other labels are dropped. */
  labels?: readonly string[];
}

/**
 * Merges the engines' outputs (each list with links by index into itself, as the engines return
 * them) into one pending list: duplicates (same label and range) kept once, the first engine
 * winning; suggestions the layer has as spans, rejected ones, ones of unknown labels, and any
 * but BOILERPLATE inside a BOILERPLATE span of the layer left out. Links are re-pointed into the
 * returned list, and every QUOTE carries its link targets by range. Sorted by start, longer first.
 */
export function pendingSuggestions(lists: readonly Suggestion[][], options: PendingOptions): { suggestions: PendingSuggestion[]; rejected: number } {
  const existing = new Set(options.spans.map((s) => suggestionId(s)));
  const boilerplate = options.spans.filter((s) => s.label === 'BOILERPLATE');
  const labels = options.labels ? new Set(options.labels) : null;
  const isRejected = (s: SuggestionKey) => options.rejected.some((r) => rejectionCovers(r, s, options.sha256));

  type Item = { s: Suggestion; targets: SuggestionTarget[] };
  const items: Item[] = [];
  const byId = new Map<string, Item>();
  for (const list of lists) {
    list.forEach((s) => {
      const id = suggestionId(s);
      const targets: SuggestionTarget[] = [];
      for (const link of s.links ?? []) {
        const t = list[link.to];
        if (t && !isRejected(t)) targets.push({ type: link.type, engine: t.engine, ...keyOf(t) });
      }
      const seen = byId.get(id);
      if (seen) {
        for (const t of targets) if (!seen.targets.some((x) => suggestionId(x) === suggestionId(t))) seen.targets.push(t);
        return;
      }
      const item = { s, targets };
      byId.set(id, item);
      items.push(item);
    });
  }

  let rejected = 0;
  const kept = items.filter(({ s }) => {
    if (labels && !labels.has(s.label)) return false;
    if (existing.has(suggestionId(s))) return false;
    if (s.label !== 'BOILERPLATE' && boilerplate.some((b) => b.start <= s.start && s.end <= b.end)) return false;
    if (isRejected(s)) {
      rejected++;
      return false;
    }
    return true;
  });
  kept.sort((a, b) => a.s.start - b.s.start || b.s.end - a.s.end || (a.s.label < b.s.label ? -1 : a.s.label > b.s.label ? 1 : 0));
  const position = new Map(kept.map((it, i) => [suggestionId(it.s), i]));
  const suggestions = kept.map(({ s, targets }): PendingSuggestion => {
    const { links: _links, ...rest } = s;
    void _links;
    const out: PendingSuggestion = { ...rest, id: suggestionId(s) };
    if (targets.length) {
      out.targets = targets;
      const links = targets.map((t) => ({ type: t.type, to: position.get(suggestionId(t)) })).filter((l): l is { type: 'ATTRIBUTED_TO'; to: number } => l.to !== undefined);
      if (links.length) out.links = links;
    }
    return out;
  });
  return { suggestions, rejected };
}

/** The span of a layer with this label and range, if it has one. */
function findSpan(doc: LayerDoc, k: { label: string; start: number; end: number }): Span | undefined {
  return doc.spans.find((s) => s.label === k.label && s.start === k.start && s.end === k.end);
}

/**
 * Accepts one suggestion into a layer: adds its span (origin `suggestion:<engine>`) unless the
 * layer has it already, and for each link target (a QUOTE's SPEAKER) the target span and the
 * relation, when the schema allows that relation. A QUOTE from the quotes engine gets
 * `kind: direct` when its label has that attribute value. An article still to do becomes in
 * progress. Returns the new document and the accepted span's id; `text` is the article text.
 */
export function acceptSuggestion(doc: LayerDoc, text: string, schema: LabelSchema, s: PendingSuggestion, now = new Date().toISOString()): { doc: LayerDoc; spanId: string } {
  const place = (next: LayerDoc, k: SuggestionKey, engine: string): { doc: LayerDoc; span: Span } => {
    const have = findSpan(next, k);
    if (have) return { doc: next, span: have };
    const created = addSpan(next, text, k.start, k.end, k.label, `suggestion:${engine}`, now);
    if (created.span.text !== k.text) throw new Error(`The suggestion "${k.text.slice(0, 40)}" no longer matches the article text; run the suggestions again`);
    const def = schema.labels.find((l) => l.name === k.label);
    if (engine === 'quotes' && k.label === 'QUOTE' && def?.attributes?.some((a) => a.name === 'kind' && a.values.includes('direct'))) {
      const span = { ...created.span, attrs: { ...created.span.attrs, kind: 'direct' } };
      return { doc: { ...created.doc, spans: created.doc.spans.map((x) => (x.id === span.id ? span : x)) }, span };
    }
    return created;
  };
  let { doc: next, span } = place(doc, s, s.engine);
  for (const t of s.targets ?? []) {
    if (!allowedRelations(schema, s.label, t.label).includes(t.type)) continue;
    const placed = place(next, t, t.engine);
    next = addRelation(placed.doc, schema, span.id, placed.span.id, t.type);
  }
  span = next.spans.find((x) => x.id === span.id)!;
  if (next.status === 'todo') next = { ...next, status: 'in_progress' };
  return { doc: { ...next, updatedAt: now }, spanId: span.id };
}

/** Accepts several suggestions in order (see {@link acceptSuggestion}). */
export function acceptSuggestions(doc: LayerDoc, text: string, schema: LabelSchema, list: readonly PendingSuggestion[], now = new Date().toISOString()): LayerDoc {
  let next = doc;
  for (const s of list) next = acceptSuggestion(next, text, schema, s, now).doc;
  return next;
}
