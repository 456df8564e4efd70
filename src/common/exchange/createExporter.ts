/**
 * The one entry point for exports: picks the format writer and wraps it in the shared
 * bookkeeping (validation, label filter, offsets, counts, warnings).
 */
import type { LayerDoc } from '../model';
import type { ExportArticle, ExportFormat, ExportOptions, ExportProject, Exporter, ResolvedExportOptions } from './exporter';
import { EXPORT_FORMATS } from './exporter';
import { ExportRun } from './exportRun';
import { CLEAN_TEXT_DEFAULT_LABELS, exportCleanText } from './exportCleanText';
import { exportDoccano } from './exportDoccano';
import { exportHf } from './exportHf';
import { exportLabelStudio } from './exportLabelStudio';
import { exportNative } from './exportNative';
import { exportProdigy } from './exportProdigy';
import { exportW3c } from './exportW3c';
import type { FormatWriter } from './formatWriter';

/**
 * The options an export runs with: offsets default to code points (UTF-16 for Label Studio,
 * none for `hf` and `clean-text`); relations default to on when the schema has relation types
 * and are off for formats that cannot carry them. Throws for an unknown format, an unknown
 * offset unit, or `utf16` with `w3c` (the W3C model mandates code points).
 */
export function resolveExportOptions(format: ExportFormat, options: ExportOptions, project: ExportProject): ResolvedExportOptions {
  if (!EXPORT_FORMATS.includes(format)) throw new Error(`unknown export format "${format}"; expected one of ${EXPORT_FORMATS.join(', ')}`);
  if (options.offsets !== undefined && options.offsets !== 'codepoint' && options.offsets !== 'utf16') {
    throw new Error(`unknown offset unit "${String(options.offsets)}"; expected codepoint or utf16`);
  }
  if (format === 'w3c' && options.offsets === 'utf16') {
    throw new Error('w3c TextPositionSelector offsets are code points by specification; utf16 is not available for w3c');
  }
  const noOffsets = format === 'hf' || format === 'clean-text';
  const offsets = noOffsets ? null : options.offsets ?? (format === 'label-studio' ? 'utf16' : 'codepoint');
  const canRelate = format !== 'hf' && format !== 'clean-text';
  const relations = canRelate && (options.relations ?? project.schema.relations.length > 0);
  const labels = options.labels ? [...options.labels] : format === 'clean-text' ? [...CLEAN_TEXT_DEFAULT_LABELS] : null;
  return { offsets, labels, relations };
}

/**
 * A streaming exporter for `format`. Call `begin()`, then `add(article, doc)` for every article
 * and layer to export (the caller filters by layer and status, see `shouldExport`), then `end()`,
 * appending each returned string to the output file; then write `sidecars()` and read `summary()`.
 *
 * Every span is checked against its article before it is written: spans whose offsets fall
 * outside the text or whose text is not the slice at their offsets are left out with a warning,
 * so `text[start:end] == span text` holds in every export.
 */
export function createExporter(format: ExportFormat, options: ExportOptions, project: ExportProject): Exporter {
  const resolved = resolveExportOptions(format, options, project);
  const run = new ExportRun(format, resolved, project);
  const schemaLabels = project.schema.labels.map((l) => l.name);
  for (const label of resolved.labels ?? []) {
    if (!schemaLabels.includes(label)) run.warn(`label ${label} is not in the project schema`);
  }
  const tagLabels = resolved.labels ?? schemaLabels;
  const writer: FormatWriter = (() => {
    switch (format) {
      case 'native': return exportNative(run);
      case 'doccano': return exportDoccano(run);
      case 'prodigy': return exportProdigy(run);
      case 'hf': return exportHf(run, tagLabels);
      case 'label-studio': return exportLabelStudio(run);
      case 'w3c': return exportW3c(run);
      case 'clean-text': return exportCleanText(run);
    }
  })();
  let ended = false;
  return {
    format,
    options: resolved,
    begin: () => writer.begin?.() ?? '',
    add(article: ExportArticle, doc: LayerDoc) {
      if (ended) throw new Error('add() after end()');
      return writer.add(run.prepare(article, doc));
    },
    end() {
      ended = true;
      return writer.end?.() ?? '';
    },
    sidecars: () => writer.sidecars?.() ?? {},
    summary: () => run.summary(writer.summaryWarnings?.() ?? []),
  };
}
