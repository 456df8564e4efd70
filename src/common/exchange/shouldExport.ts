import type { LayerDoc } from '../model';
import type { ExportFilter } from './exporter';

/**
 * Whether a layer document passes the caller's export filter. With no status list every
 * document passes, including `todo` ones (an empty layer still exports its text).
 */
export function shouldExport(doc: LayerDoc, filter: ExportFilter = {}): boolean {
  if (filter.status && filter.status.length > 0 && !filter.status.includes(doc.status)) return false;
  return true;
}
