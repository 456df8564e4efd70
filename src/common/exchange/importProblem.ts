/** Kinds of problem `matchImport` reports; each problem names its file, line, article and span. */
export type ImportProblemCode =
  | 'unsafe-id'
  | 'no-article'
  | 'ambiguous-text'
  | 'text-mismatch'
  | 'duplicate-id'
  | 'offset-out-of-range'
  | 'bad-offset'
  | 'unknown-label'
  | 'unknown-attribute'
  | 'unknown-relation'
  | 'bad-relation';

/** One thing an import could not take as it was. The rest of the record is still imported unless `code` is record-level. */
export interface ImportProblem {
  code: ImportProblemCode;
  fileName: string;
  line: number;
  /** The article the record was matched to, or the id it named. */
  article?: string;
  /** The span or relation id concerned. */
  span?: string;
  message: string;
}
