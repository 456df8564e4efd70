import type { LayerDoc } from '../model';
import { OffsetMap } from '../offsets';
import { groupSpans, type AgreementKind } from './groupSpans';
import { measuredSpans } from './measuredSpans';

/** One agreement or disagreement between layers on an article, for the review UI. */
export interface LayerComparison {
  kind: AgreementKind;
  /** Code point offsets of the stretch the group covers. */
  start: number;
  end: number;
  /** `text[start:end]`. */
  text: string;
  /** Distinct labels in the group, sorted. */
  labels: string[];
  /** Span ids per compared layer (every compared layer is a key; `[]` where it has none). */
  spans: Record<string, string[]>;
}

/** Which layers and labels {@link compareLayers} looks at. */
export interface CompareOptions {
  /** Layers to compare, in this order; default: every key of `docs`. */
  layers?: readonly string[];
  /** Labels to compare; default: all. */
  labels?: readonly string[];
}

/**
 * Compares the layers' annotations of one article: every stretch where some layer has a span,
 * classified as `agree` (same start, end and label in every compared layer), `partial`
 * (overlapping spans with a different extent or label) or `only` (some layers have it, the
 * others nothing overlapping that disagrees), sorted by position. See {@link groupSpans} for the
 * exact grouping. A missing document is an empty layer; offsets are clamped to the text.
 */
export function compareLayers(
  text: string,
  docs: Readonly<Record<string, LayerDoc | undefined>>,
  opts: CompareOptions = {},
): LayerComparison[] {
  const layers = opts.layers ?? Object.keys(docs);
  const labels = opts.labels ? new Set(opts.labels) : null;
  const map = new OffsetMap(text);
  const perLayer = layers.map((layer) => measuredSpans(docs[layer], labels, map.codePointLength));
  return groupSpans(perLayer).map((g) => {
    const spans: Record<string, string[]> = {};
    layers.forEach((layer, i) => { spans[layer] = g.spanIds[i]; });
    return { kind: g.kind, start: g.start, end: g.end, text: text.slice(map.toUtf16(g.start), map.toUtf16(g.end)), labels: g.labels, spans };
  });
}
