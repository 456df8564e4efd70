/**
 * The contract every ML-pipeline exporter follows. An exporter is fed one (article, layer
 * document) pair at a time and returns the text to append, so 10,000 articles stream to disk
 * without building the whole file in memory.
 */
import type { ArticleStatus, LabelSchema, LayerDoc, OffsetUnit } from '../model';

/** The export formats, by the names the CLI and the UI use. */
export type ExportFormat = 'native' | 'doccano' | 'prodigy' | 'hf' | 'label-studio' | 'w3c' | 'clean-text';

/** Every export format, in the order the UI lists them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['native', 'doccano', 'prodigy', 'hf', 'label-studio', 'w3c', 'clean-text'];

/** What the caller may ask of an export. Every field is optional; see `resolveExportOptions`. */
export interface ExportOptions {
  /** Unit of the offsets written. Defaults to `codepoint`, except `utf16` for Label Studio. */
  offsets?: OffsetUnit;
  /**
   * Only spans with these labels are exported (relations need both ends exported). For
   * `clean-text` these are the labels whose spans are removed (default `['BOILERPLATE']`); for
   * `hf` they are the tag set (default: every schema label).
   */
  labels?: string[];
  /** Export relations where the format can carry them. Defaults to true when the schema defines relation types. */
  relations?: boolean;
}

/** The options an export actually ran with, as recorded in its manifest. */
export interface ResolvedExportOptions {
  /** Unit of the offsets written, or null for formats that write none (`hf`, `clean-text`). */
  offsets: OffsetUnit | null;
  /** The label subset, or null for every label. */
  labels: string[] | null;
  /** Whether relations are written (always false for formats that cannot carry them). */
  relations: boolean;
}

/** An article as the exporter needs it: its project-relative id, exact text and sha256. */
export interface ExportArticle {
  id: string;
  text: string;
  sha256: string;
  meta?: Record<string, unknown>;
}

/** The project an export comes from. */
export interface ExportProject {
  name: string;
  schema: LabelSchema;
}

/** What an export wrote, for the manifest and the CLI's report. */
export interface ExportSummary {
  /** Records written: JSONL lines, or Label Studio tasks. */
  records: number;
  /** (article, layer) pairs added. */
  articles: number;
  /** Spans written, in total and per label, per layer. For `clean-text`: spans removed. */
  spans: number;
  countsByLabel: Record<string, number>;
  countsByLayer: Record<string, number>;
  /** Relations written. */
  relations: number;
  /** Everything that was changed or left out, each naming the article, layer and span ids. */
  warnings: string[];
}

/** A streaming exporter: `begin()`, then `add()` per article and layer, then `end()`. */
export interface Exporter {
  readonly format: ExportFormat;
  readonly options: ResolvedExportOptions;
  /** The file's opening text (`[` for Label Studio, empty for JSONL formats). */
  begin(): string;
  /** Text to append for one article's layer document: JSONL line(s) ending in `\n`, or an array element. */
  add(article: ExportArticle, doc: LayerDoc): string;
  /** The file's closing text. */
  end(): string;
  /**
   * Files that go with the export, keyed by a suffix appended to the output path:
   * `{'.labels.json': ...}` for `train.jsonl` is written as `train.jsonl.labels.json`.
   * Complete only after `end()`.
   */
  sidecars(): Record<string, string>;
  /** Counts and warnings so far. */
  summary(): ExportSummary;
}

/** Filters the caller may apply before `add()`; see `shouldExport`. */
export interface ExportFilter {
  status?: ArticleStatus[];
}
