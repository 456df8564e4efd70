/**
 * The shapes of a span import (the app's Import dialog and `gloss import`): what is asked and
 * what happened, line by line.
 */
import type { OffsetUnit } from './model';

/** What to do when the target layer already has spans for an article. */
export type ExistingSpansPolicy = 'refuse' | 'replace' | 'merge';

/** The API request of an import from file content (the app's Import dialog). */
export interface ImportSpansRequest {
  /** The chosen file's name: named in messages and in the spans' origin `import:<name>`. */
  fileName: string;
  content: string;
  /** The layer to import into (an annotator's name or `gold`). */
  layer: string;
  /**
   * In files that hold several layers (native or Label Studio exports of `--layer all`): the
   * layer whose records are taken. Required when the file names more than one layer.
   */
  fromLayer?: string;
  /** Unit of offsets in records that do not state theirs (`meta.offsets`). */
  offsets?: OffsetUnit;
  /** Skip invalid lines, records and spans (each still reported) and import the rest. */
  skipInvalid?: boolean;
  /** The layer already has spans for an article: refuse (default), replace them, or merge. */
  existing?: ExistingSpansPolicy;
  /** Check everything, write nothing. */
  dryRun?: boolean;
}

/** One thing the import could not take as it was. */
export interface ImportIssue {
  code: string;
  /** 1-based line of the file (of the record, for record and span problems). */
  line?: number;
  article?: string;
  span?: string;
  message: string;
}

/** What happened to one article's layer. */
export interface ImportedArticleReport {
  article: string;
  line: number;
  /** `created`: new layer file; `replaced`: spans replaced (old file kept as backup); `merged`: spans added. */
  action: 'created' | 'replaced' | 'merged';
  spans: number;
  relations: number;
  /** Merge only: imported spans already in the layer (same label and offsets), not added again. */
  duplicates?: number;
}

export interface ImportSpansReport {
  /** True when the import was written (or, with dryRun, would be). */
  ok: boolean;
  written: boolean;
  dryRun: boolean;
  file: string;
  layer: string;
  fromLayer: string | null;
  existing: ExistingSpansPolicy;
  /** Records read from the file. */
  records: number;
  /** Records of other layers than `fromLayer`, not taken. */
  otherLayerRecords: number;
  /** Records matched to an article but without spans or status: nothing to write. */
  emptyRecords: number;
  articles: ImportedArticleReport[];
  spans: number;
  relations: number;
  /** Everything invalid, by line. With skipInvalid these were skipped; otherwise they stopped the import. */
  problems: ImportIssue[];
}

