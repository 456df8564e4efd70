import { FORMAT_VERSION, type LayerDoc, type Relation, type Span } from '../model';

/** Compact span for tests: [start, end, label, id?]. */
export type SpanSpec = [number, number, string, string?];

/**
 * A layer document from compact span specs, for tests of the agreement code. Span ids default
 * to `<layer>-<index>`; relations are [fromId, toId] pairs of type ATTRIBUTED_TO.
 */
export function testDoc(article: string, layer: string, text: string, specs: SpanSpec[], relations: [string, string][] = []): LayerDoc {
  const chars = Array.from(text);
  const spans: Span[] = specs.map(([start, end, label, id], k) => ({
    id: id ?? `${layer}-${k}`, start, end, label, text: chars.slice(start, end).join(''), attrs: {},
    origin: 'manual', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
  }));
  const rels: Relation[] = relations.map(([from, to], k) => ({ id: `${layer}-r${k}`, type: 'ATTRIBUTED_TO', from, to }));
  return { formatVersion: FORMAT_VERSION, article, layer, sha256: '', status: 'done', spans, relations: rels, updatedAt: '' };
}
