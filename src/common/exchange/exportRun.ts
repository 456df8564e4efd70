/**
 * The bookkeeping shared by every format (internal to the exchange folder): option handling,
 * span validation, label filtering, offset conversion, counts and warnings.
 */
import type { LayerDoc, OffsetUnit, Relation, Span } from '../model';
import { OffsetMap } from '../offsets';
import type { ExportArticle, ExportFormat, ExportProject, ExportSummary, ResolvedExportOptions } from './exporter';

/** One article's layer document, checked and filtered, ready for a format writer. */
export interface PreparedDoc {
  article: ExportArticle;
  doc: LayerDoc;
  map: OffsetMap;
  /** Valid spans with an exported label, in document order. */
  spans: Span[];
  /** Relations whose two ends are in `spans` (empty when relations are off). */
  relations: Relation[];
  /** A code point offset in the export's unit. */
  offset(codePoint: number): number;
}

/** Counts, warnings and per-document preparation for one export. */
export class ExportRun {
  records = 0;
  private articles = 0;
  private spans = 0;
  private relations = 0;
  private readonly countsByLabel: Record<string, number> = {};
  private readonly countsByLayer: Record<string, number> = {};
  private readonly warnings: string[] = [];
  private readonly labelSet: Set<string> | null;

  constructor(
    readonly format: ExportFormat,
    readonly options: ResolvedExportOptions,
    readonly project: ExportProject,
  ) {
    this.labelSet = options.labels ? new Set(options.labels) : null;
  }

  /** Checks a document's spans against its article and applies the label and relation options. */
  prepare(article: ExportArticle, doc: LayerDoc, labelFilter: Set<string> | null = this.labelSet): PreparedDoc {
    this.articles++;
    const where = `${article.id} (layer ${doc.layer})`;
    if (doc.article !== article.id) this.warn(`${where}: the layer document names article ${doc.article}`);
    if (doc.sha256 && article.sha256 && doc.sha256 !== article.sha256) {
      this.warn(`${where}: annotations were made on another version of the article (sha256 differs); spans whose text no longer matches are left out`);
    }
    if (doc.orphans && doc.orphans.length > 0) {
      this.warn(`${where}: ${doc.orphans.length} orphaned span(s) without a place in the text left out: ${doc.orphans.map((s) => s.id).join(', ')}`);
    }
    const map = new OffsetMap(article.text);
    const spans: Span[] = [];
    const seen = new Set<string>();
    const rejected = new Set<string>();
    for (const span of doc.spans) {
      if (labelFilter && !labelFilter.has(span.label)) continue;
      const problem = spanProblem(span, article.text, map);
      if (problem) {
        this.warn(`${where}: span ${span.id} (${span.label}) left out: ${problem}`);
        rejected.add(span.id);
        continue;
      }
      if (seen.has(span.id)) {
        this.warn(`${where}: span ${span.id} left out: duplicate span id`);
        continue;
      }
      seen.add(span.id);
      spans.push(span);
    }
    const relations: Relation[] = [];
    if (this.options.relations) {
      const all = new Set(doc.spans.map((s) => s.id));
      for (const rel of doc.relations) {
        if (seen.has(rel.from) && seen.has(rel.to)) relations.push(rel);
        else if (!all.has(rel.from) || !all.has(rel.to)) {
          this.warn(`${where}: relation ${rel.id} (${rel.type}) left out: it links a span that does not exist`);
        } else if (rejected.has(rel.from) || rejected.has(rel.to)) {
          this.warn(`${where}: relation ${rel.id} (${rel.type}) left out: span ${rejected.has(rel.from) ? rel.from : rel.to} was left out`);
        }
      }
    }
    const utf16 = this.options.offsets === 'utf16';
    return { article, doc, map, spans, relations, offset: utf16 ? (cp) => map.toUtf16(cp) : (cp) => cp };
  }

  /** Records that one span of `label` in `layer` was written. */
  countSpan(layer: string, label: string): void {
    this.spans++;
    this.countsByLabel[label] = (this.countsByLabel[label] ?? 0) + 1;
    this.countsByLayer[layer] = (this.countsByLayer[layer] ?? 0) + 1;
  }

  /** Records that `n` relations were written. */
  countRelations(n: number): void {
    this.relations += n;
  }

  warn(message: string): void {
    this.warnings.push(`${this.format}: ${message}`);
  }

  summary(extraWarnings: string[] = []): ExportSummary {
    return {
      records: this.records,
      articles: this.articles,
      spans: this.spans,
      countsByLabel: sortedCounts(this.countsByLabel),
      countsByLayer: sortedCounts(this.countsByLayer),
      relations: this.relations,
      warnings: [...this.warnings, ...extraWarnings.map((w) => `${this.format}: ${w}`)],
    };
  }
}

/** The unit written, for records that state it. */
export function unitOf(options: ResolvedExportOptions): OffsetUnit {
  return options.offsets ?? 'codepoint';
}

/**
 * Orders spans by start, longer first on equal starts, then by document order: the order of
 * every format except native (which keeps document order).
 */
export function sortSpans(spans: Span[]): Span[] {
  return spans
    .map((span, index) => ({ span, index }))
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || a.index - b.index)
    .map((x) => x.span);
}

function spanProblem(span: Span, text: string, map: OffsetMap): string | null {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > map.codePointLength || start >= end) {
    return `offsets ${start}..${end} are not a non-empty range inside 0..${map.codePointLength}`;
  }
  if (text.slice(map.toUtf16(start), map.toUtf16(end)) !== span.text) return 'its text does not match the article at its offsets';
  return null;
}

function sortedCounts(counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(counts).sort()) out[key] = counts[key];
  return out;
}
