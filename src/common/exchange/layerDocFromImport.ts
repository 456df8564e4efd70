import type { ArticleStatus, LayerDoc } from '../model';
import { FORMAT_VERSION } from '../model';
import type { ImportedArticle } from './matchImport';

/**
 * A layer document holding an imported article's spans, for a fresh layer. Status: the
 * record's, else `fallbackStatus` (default `in_progress`).
 */
export function layerDocFromImport(
  imported: ImportedArticle,
  target: { layer: string; sha256: string; updatedAt: string; fallbackStatus?: ArticleStatus },
): LayerDoc {
  return {
    formatVersion: FORMAT_VERSION,
    article: imported.article,
    layer: target.layer,
    sha256: target.sha256,
    status: imported.status ?? target.fallbackStatus ?? 'in_progress',
    spans: imported.spans,
    relations: imported.relations,
    updatedAt: target.updatedAt,
  };
}
