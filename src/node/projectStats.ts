import type { ProjectProblem } from '../common/api';
import { ARTICLE_STATUSES } from '../common/model';
import type { ArticleStatus } from '../common/model';
import type { ProjectStore } from './projectStore';
import { BulkReader } from './bulkReader';

/** Counts of one layer. */
export interface LayerStats {
  /** Articles with an annotation file in this layer. */
  files: number;
  /** Articles per status; articles without a file count as `todo`. */
  status: Record<ArticleStatus, number>;
  spans: number;
  /** Spans per label, labels sorted. */
  labels: Record<string, number>;
  relations: number;
  /** Spans kept without a place in their changed article. */
  orphans: number;
}

export interface ProjectStats {
  articles: number;
  /** Files under articles/ that are not articles (wrong type, links out of the project). */
  skipped: number;
  layers: Record<string, LayerStats>;
  /** Annotation files that could not be read (not counted). */
  problems: ProjectProblem[];
}

/**
 * Counts a project as stored: every annotation file of every listed article is read as it is
 * on disk (no re-anchoring), so counting 10,000 articles reads no article text.
 */
export async function projectStats(store: ProjectStore, onProgress?: (done: number, total: number) => void): Promise<ProjectStats> {
  const { articles, skipped } = await store.scanArticles();
  const names = await store.listLayers();
  const layers: Record<string, LayerStats> = {};
  for (const name of names) {
    layers[name] = { files: 0, status: Object.fromEntries(ARTICLE_STATUSES.map((s) => [s, 0])) as Record<ArticleStatus, number>, spans: 0, labels: {}, relations: 0, orphans: 0 };
  }
  const problems: ProjectProblem[] = [];
  const reader = await BulkReader.open(store, names);
  let done = 0;
  for (const entry of articles) {
    for (const name of names) {
      const l = layers[name];
      let doc;
      try {
        doc = await reader.layerFile(entry.id, name);
      } catch (error) {
        const e = error as { file?: string; line?: number; message: string };
        problems.push({ file: e.file ?? store.layerFileId(entry.id, name), ...(e.line !== undefined ? { line: e.line } : {}), message: e.message });
        continue;
      }
      if (!doc) {
        l.status.todo++;
        continue;
      }
      l.files++;
      l.status[doc.status]++;
      l.spans += doc.spans.length;
      for (const span of doc.spans) l.labels[span.label] = (l.labels[span.label] ?? 0) + 1;
      l.relations += doc.relations.length;
      l.orphans += doc.orphans?.length ?? 0;
    }
    onProgress?.(++done, articles.length);
    if (done % 256 === 0) await new Promise<void>((ok) => setImmediate(ok));
  }
  for (const l of Object.values(layers)) l.labels = Object.fromEntries(Object.entries(l.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { articles: articles.length, skipped: skipped.length, layers, problems };
}
