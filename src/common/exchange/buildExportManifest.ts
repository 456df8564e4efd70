/**
 * The manifest written beside every export (`<file>.manifest.json`): what was exported, how,
 * from which schema and Gloss version, with the file's sha256 and the export's counts and
 * warnings, so a training run can say exactly which data it saw.
 */
import type { LabelSchema, OffsetUnit } from '../model';
import { resolveExportOptions } from './createExporter';
import type { ExportFormat, ExportSummary, ResolvedExportOptions } from './exporter';

/** Version of the manifest's own shape. */
export const EXPORT_MANIFEST_VERSION = 1;

/** What the caller knows after an export; `options` is what it asked for (layer, status, ... included). */
export interface ExportManifestInput {
  format: ExportFormat;
  options: Record<string, unknown>;
  summary: ExportSummary;
  schema: LabelSchema;
  glossVersion: string;
  /** sha256 (hex) of the export file, computed by the caller. */
  sha256: string;
  outputFile: string;
  /** Project name, when the caller wants it recorded. */
  project?: string;
  /** ISO time of the export, when the caller wants it recorded (left out so manifests stay reproducible). */
  createdAt?: string;
  /** Sidecar file names written beside the export. */
  sidecars?: string[];
}

/** The manifest object (the caller serialises it). A type alias so it is a `Record<string, unknown>`. */
export type ExportManifest = {
  format: 'gloss-export';
  manifestVersion: number;
  glossVersion: string;
  exportFormat: ExportFormat;
  project?: string;
  createdAt?: string;
  file: string;
  sha256: string;
  /** Unit of every offset in the file, or null when the format has none. */
  offsets: OffsetUnit | null;
  options: Record<string, unknown>;
  resolvedOptions: ResolvedExportOptions;
  sidecars: string[];
  records: number;
  articles: number;
  spans: number;
  relations: number;
  countsByLabel: Record<string, number>;
  countsByLayer: Record<string, number>;
  warnings: string[];
  schema: LabelSchema;
};

/** Builds the manifest of an export. The offset unit and defaults are re-derived from the format and options. */
export function buildExportManifest(input: ExportManifestInput): ExportManifest {
  const { options } = input;
  const resolved = resolveExportOptions(
    input.format,
    {
      offsets: options.offsets === 'codepoint' || options.offsets === 'utf16' ? options.offsets : undefined,
      labels: Array.isArray(options.labels) ? options.labels.map(String) : undefined,
      relations: typeof options.relations === 'boolean' ? options.relations : undefined,
    },
    { name: input.project ?? '', schema: input.schema },
  );
  const s = input.summary;
  return {
    format: 'gloss-export',
    manifestVersion: EXPORT_MANIFEST_VERSION,
    glossVersion: input.glossVersion,
    exportFormat: input.format,
    ...(input.project !== undefined ? { project: input.project } : {}),
    ...(input.createdAt !== undefined ? { createdAt: input.createdAt } : {}),
    file: input.outputFile,
    sha256: input.sha256,
    offsets: resolved.offsets,
    options,
    resolvedOptions: resolved,
    sidecars: input.sidecars ?? [],
    records: s.records,
    articles: s.articles,
    spans: s.spans,
    relations: s.relations,
    countsByLabel: s.countsByLabel,
    countsByLayer: s.countsByLayer,
    warnings: s.warnings,
    schema: input.schema,
  };
}
