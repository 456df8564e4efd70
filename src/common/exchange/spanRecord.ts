/**
 * What `parseSpanRecords` reads from an annotation file, before it is matched to the project's
 * articles: one record per article (per annotation for Label Studio tasks).
 */
import type { ArticleStatus, OffsetUnit } from '../model';

/** The file shapes the importer recognises, per record. */
export type SpanRecordShape = 'native' | 'doccano' | 'doccano-relations' | 'prodigy' | 'label-studio';

/** A span as read; optional fields are kept when the file had them (native round trips keep all). */
export interface ImportedSpan {
  id?: string;
  start: number;
  end: number;
  label: string;
  text?: string;
  attrs?: Record<string, string>;
  origin?: string;
  createdAt?: string;
  updatedAt?: string;
  flagged?: string;
  /** For a gold span: the compared layers that had it (native records). */
  sources?: string[];
  /** Set when the offsets could not be converted to code points (e.g. a UTF-16 offset inside a surrogate pair). */
  error?: string;
}

/** A relation as read; `from` and `to` are span ids of the same record. */
export interface ImportedRelation {
  id?: string;
  type: string;
  from: string;
  to: string;
}

/** One record of an annotation file. */
export interface SpanRecord {
  /** The file's name, for messages and the `import:<file>` origin. */
  fileName: string;
  /** 1-based line where the record starts. */
  line: number;
  shape: SpanRecordShape;
  /** The article id the record names, if any. */
  id?: string;
  /** The text the offsets index, if the record carries it. */
  text?: string;
  /** The layer the record came from, if it says (native, Gloss-made doccano/Prodigy/Label Studio). */
  layer?: string;
  status?: ArticleStatus;
  /**
   * Unit of the span offsets: `codepoint` whenever the record carried its text (the parser
   * converts), `utf16` only for records without text, which `matchImport` converts.
   */
  offsets: OffsetUnit;
  spans: ImportedSpan[];
  relations: ImportedRelation[];
  /** Whether the record's spans may keep their own `origin` (Gloss-made records). */
  keepsOrigin: boolean;
}

/** A line the parser could not use, and why. */
export interface ParseError {
  line: number;
  message: string;
}

/** The result of parsing one annotation file. */
export interface ParsedSpanFile {
  fileName: string;
  records: SpanRecord[];
  errors: ParseError[];
}
