/**
 * Export and import of Gloss annotations in the formats ML pipelines read (see docs/formats.md).
 * Pure: the disk and the CLI call these functions.
 */
export type { ExportArticle, ExportFilter, ExportFormat, ExportOptions, ExportProject, ExportSummary, Exporter, ResolvedExportOptions } from './exporter';
export { EXPORT_FORMATS } from './exporter';
export { createExporter, resolveExportOptions } from './createExporter';
export { shouldExport } from './shouldExport';
export { buildExportManifest, EXPORT_MANIFEST_VERSION } from './buildExportManifest';
export type { ExportManifest, ExportManifestInput } from './buildExportManifest';
export { cleanText } from './cleanText';
export { CLEAN_TEXT_DEFAULT_LABELS } from './exportCleanText';
export { bioTagNames } from './exportHf';
export { prodigyHashes } from './exportProdigy';
export { w3cAnnotationId, W3C_QUOTE_CONTEXT } from './exportW3c';
export { murmurHash3 } from './murmurHash3';
export { tokenSpan } from './tokenSpan';
export { parseSpanRecords } from './parseSpanRecords';
export type { ParseSpanOptions } from './parseSpanRecords';
export type { ImportedRelation, ImportedSpan, ParseError, ParsedSpanFile, SpanRecord, SpanRecordShape } from './spanRecord';
export { matchImport } from './matchImport';
export type { ImportedArticle, ImportTarget, MatchImportOptions, MatchImportResult } from './matchImport';
export type { ImportProblem, ImportProblemCode } from './importProblem';
export { layerDocFromImport } from './layerDocFromImport';
export { isSafeArticleId } from './isSafeArticleId';
export { parseArticleJsonl } from './parseArticleJsonl';
export type { ArticleRecord, ParsedArticleFile } from './parseArticleJsonl';
