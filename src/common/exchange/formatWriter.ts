import type { PreparedDoc } from './exportRun';

/**
 * What one format contributes to an export (internal): the text for the file's start, for each
 * prepared document and for its end, plus sidecar files and end-of-export warnings.
 * Writers count records and spans on the shared `ExportRun`.
 */
export interface FormatWriter {
  begin?(): string;
  add(prepared: PreparedDoc): string;
  end?(): string;
  sidecars?(): Record<string, string>;
  /** Warnings that summarise the whole export (e.g. how many spans were expanded). */
  summaryWarnings?(): string[];
}
