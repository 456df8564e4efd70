import type { LayerDoc } from '../model';

/** One layer's documents by article id, as a Map or a plain record. */
export type LayerDocs = ReadonlyMap<string, LayerDoc> | Readonly<Record<string, LayerDoc | undefined>>;

/** The layer's document for an article, or undefined (an empty layer there). */
export function layerDocOf(docs: LayerDocs | undefined, id: string): LayerDoc | undefined {
  if (docs === undefined) return undefined;
  if (docs instanceof Map) return docs.get(id);
  const record = docs as Readonly<Record<string, LayerDoc | undefined>>;
  return Object.hasOwn(record, id) ? record[id] : undefined;
}
