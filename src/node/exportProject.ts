import { createHash } from 'node:crypto';
import { ApiError } from '../common/api';
import type { ExportRequest } from '../common/api';
import { createExporter, EXPORT_FORMATS, buildExportManifest } from '../common/exchange';
import type { ExportFormat } from '../common/exchange';
import type { ProjectStore } from './projectStore';
import { GLOSS_VERSION } from './version';

export interface ExportOutput {
  filename: string;
  content: string;
  manifest: Record<string, unknown>;
  /** Extra files that belong beside the export (e.g. the HuggingFace label list), by file name suffix. */
  sidecars: Record<string, string>;
  warnings: string[];
}

/** Progress callback: articles done out of the total. */
export type ExportProgress = (done: number, total: number) => void;

/**
 * Exports a project's layer(s) in one format. `layer` is an annotator's name, `gold`, or `all`.
 * Articles without annotations in a layer are exported with no spans; articles that cannot be
 * read are named in the warnings.
 */
export async function exportProject(store: ProjectStore, request: ExportRequest, onProgress?: ExportProgress): Promise<ExportOutput> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(request.format)) {
    throw new ApiError('BAD_FORMAT', `Unknown export format "${request.format}"; choose one of ${EXPORT_FORMATS.join(', ')}`);
  }
  const format = request.format as ExportFormat;
  const layers = request.layer === 'all' ? await store.listLayers() : [request.layer];
  const { articles } = await store.scanArticles();
  const exporter = createExporter(format, { offsets: request.offsets, labels: request.labels }, { name: store.name, schema: store.manifest.schema });
  const chunks: string[] = [exporter.begin()];
  const warnings: string[] = [];
  let done = 0;
  for (const entry of articles) {
    let article;
    try {
      article = await store.readArticle(entry.id);
    } catch (error) {
      warnings.push(`${entry.id} not exported: ${(error as Error).message}`);
      continue;
    }
    for (const layer of layers) {
      const doc = await store.readLayer(entry.id, layer, article.sha256);
      if (request.status && !request.status.includes(doc.status)) continue;
      chunks.push(exporter.add({ id: article.id, text: article.text, sha256: article.sha256 }, doc));
    }
    onProgress?.(++done, articles.length);
  }
  chunks.push(exporter.end());
  const content = chunks.join('');
  const summary = exporter.summary();
  const sha = createHash('sha256').update(content, 'utf8').digest('hex');
  const extension = format === 'label-studio' ? 'json' : 'jsonl';
  const filename = `${store.name}-${request.layer}-${format}.${extension}`;
  const manifest = buildExportManifest({
    format,
    options: { layer: request.layer, layers, offsets: request.offsets ?? null, status: request.status ?? null, labels: request.labels ?? null },
    summary,
    schema: store.manifest.schema,
    glossVersion: GLOSS_VERSION,
    sha256: sha,
    outputFile: filename,
  }) as Record<string, unknown>;
  return { filename, content, manifest, sidecars: exporter.sidecars(), warnings: [...warnings, ...summary.warnings] };
}
