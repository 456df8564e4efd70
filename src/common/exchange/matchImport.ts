/**
 * Matches parsed span records to the project's articles and checks every span against the
 * article text and the label schema, giving LayerDoc-ready spans and relations per article and
 * a list of problems. Nothing is silently dropped: every span or record left out is a problem.
 */
import type { ArticleStatus, LabelSchema, Relation, Span } from '../model';
import { OffsetMap } from '../offsets';
import type { ImportProblem, ImportProblemCode } from './importProblem';
import { isSafeArticleId } from './isSafeArticleId';
import type { SpanRecord } from './spanRecord';
import { spansToCodePoints } from './spansToCodePoints';

/** An article of the project, as the matcher needs it. */
export interface ImportTarget {
  id: string;
  text: string;
}

/** Options of `matchImport`. */
export interface MatchImportOptions {
  /**
   * Only records from this source layer are taken (records that name another layer are skipped
   * and counted); records that name no layer are always taken.
   */
  sourceLayer?: string;
  /** Time stamp for spans without `createdAt` / `updatedAt` (ISO 8601). Default: now. */
  now?: string;
}

/** The spans and relations to store for one article. */
export interface ImportedArticle {
  article: string;
  fileName: string;
  line: number;
  /** The layer the record came from, when it said. */
  layer?: string;
  status?: ArticleStatus;
  spans: Span[];
  relations: Relation[];
}

/** What `matchImport` found. */
export interface MatchImportResult {
  articles: ImportedArticle[];
  problems: ImportProblem[];
  /** Records skipped because they came from another layer than `sourceLayer`. */
  skippedOtherLayer: number;
}

/**
 * Matches records to articles: by id when the record names an existing article (and, if it
 * carries text, that text is the article's), otherwise by identical text. Then, per span: offsets
 * inside the text, span text equal to the article slice, label in the schema, attributes known,
 * ids unique; per relation: type in the schema, both ends imported, labels allowed. Spans keep
 * their id, origin and times when the record had them (a native round trip changes nothing);
 * others get ids `s1`, `s2`, ... and origin `import:<file name>`.
 */
export function matchImport(records: SpanRecord[], articles: ImportTarget[], schema: LabelSchema, opts: MatchImportOptions = {}): MatchImportResult {
  const now = opts.now ?? new Date().toISOString();
  const byId = new Map(articles.map((a) => [a.id, a]));
  let byText: Map<string, ImportTarget[]> | null = null;
  const findByText = (text: string): ImportTarget[] => {
    if (!byText) {
      byText = new Map();
      for (const a of articles) byText.set(a.text, [...(byText.get(a.text) ?? []), a]);
    }
    return byText.get(text) ?? [];
  };
  const labels = new Map(schema.labels.map((l) => [l.name, l]));
  const relationDefs = new Map(schema.relations.map((r) => [r.name, r]));
  const problems: ImportProblem[] = [];
  const out: ImportedArticle[] = [];
  const taken = new Map<string, SpanRecord>();
  let skippedOtherLayer = 0;

  for (const record of records) {
    const report = (code: ImportProblemCode, message: string, article?: string, span?: string) =>
      problems.push({ code, fileName: record.fileName, line: record.line, ...(article !== undefined ? { article } : {}), ...(span !== undefined ? { span } : {}), message });
    if (opts.sourceLayer && record.layer && record.layer !== opts.sourceLayer) {
      skippedOtherLayer++;
      continue;
    }
    // 1. Which article.
    if (record.id !== undefined && !isSafeArticleId(record.id)) {
      report('unsafe-id', `record skipped: article id ${JSON.stringify(record.id)} tries to leave the project (absolute path, "..", backslash or empty segment)`, record.id);
      continue;
    }
    let target: ImportTarget | undefined;
    const named = record.id !== undefined ? byId.get(record.id) : undefined;
    if (named && (record.text === undefined || record.text === named.text)) target = named;
    else if (record.text !== undefined) {
      const candidates = findByText(record.text);
      if (candidates.length === 1) target = candidates[0];
      else if (candidates.length > 1) {
        report('ambiguous-text', `record skipped: its text is the text of ${candidates.length} articles (${candidates.map((c) => c.id).join(', ')}) and its id does not pick one`, record.id);
        continue;
      } else if (named) {
        report('text-mismatch', `record skipped: its text differs from the text of article ${named.id} (the article changed since the export?) and matches no other article`, named.id);
        continue;
      } else {
        report('no-article', `record skipped: no article ${record.id !== undefined ? `with id ${JSON.stringify(record.id)} or ` : ''}with this text in the project`, record.id);
        continue;
      }
    } else {
      report('no-article', record.id !== undefined ? `record skipped: no article with id ${JSON.stringify(record.id)}, and the record has no text to match` : 'record skipped: it has neither an article id nor a text', record.id);
      continue;
    }
    const earlier = taken.get(target.id);
    if (earlier) {
      report('duplicate-id', `record skipped: article ${target.id} was already imported from line ${earlier.line}`, target.id);
      continue;
    }
    taken.set(target.id, record);

    // 2. Spans.
    const map = new OffsetMap(target.text);
    const given = new Set(record.spans.map((s) => s.id).filter((id): id is string => id !== undefined));
    let counter = 0;
    const freshId = (prefix: string, used: Set<string>) => {
      let id: string;
      do id = `${prefix}${++counter}`;
      while (used.has(id));
      return id;
    };
    const spanIds = new Set<string>();
    const spans: Span[] = [];
    const recordSpans = record.offsets === 'utf16' ? spansToCodePoints(record.spans, map) : record.spans;
    for (const s of recordSpans) {
      const name = s.id ?? `${s.label} ${s.start}..${s.end}`;
      if (s.error) {
        report('bad-offset', `span ${name} skipped: ${s.error}`, target.id, s.id);
        continue;
      }
      if (s.start < 0 || s.end > map.codePointLength || s.start > s.end) {
        report('offset-out-of-range', `span ${name} skipped: offsets ${s.start}..${s.end} are outside the article (0..${map.codePointLength} code points)`, target.id, s.id);
        continue;
      }
      if (s.start === s.end) {
        report('bad-offset', `span ${name} skipped: it is empty (${s.start}..${s.end})`, target.id, s.id);
        continue;
      }
      const def = labels.get(s.label);
      if (!def) {
        report('unknown-label', `span ${name} skipped: label ${s.label} is not in the schema (${[...labels.keys()].join(', ')})`, target.id, s.id);
        continue;
      }
      const slice = target.text.slice(map.toUtf16(s.start), map.toUtf16(s.end));
      if (s.text !== undefined && s.text !== slice) {
        report('text-mismatch', `span ${name} skipped: its text ${JSON.stringify(s.text)} is not the article's text at ${s.start}..${s.end} (${JSON.stringify(slice)})`, target.id, s.id);
        continue;
      }
      if (s.id !== undefined && spanIds.has(s.id)) {
        report('duplicate-id', `span ${s.id} skipped: the record has another span with this id`, target.id, s.id);
        continue;
      }
      const id = s.id ?? freshId('s', given);
      spanIds.add(id);
      const attrs: Record<string, string> = {};
      for (const [k, v] of Object.entries(s.attrs ?? {})) {
        const attr = def.attributes?.find((a) => a.name === k);
        if (!attr || !attr.values.includes(v)) {
          report('unknown-attribute', `span ${id}: attribute ${k}=${v} dropped: not defined for ${s.label} in the schema`, target.id, id);
          continue;
        }
        attrs[k] = v;
      }
      const span: Span = {
        id,
        start: s.start,
        end: s.end,
        label: s.label,
        text: slice,
        attrs,
        origin: (record.keepsOrigin && s.origin) || `import:${baseName(record.fileName)}`,
        createdAt: s.createdAt ?? now,
        updatedAt: s.updatedAt ?? s.createdAt ?? now,
      };
      if (s.flagged !== undefined) span.flagged = s.flagged;
      if (s.sources !== undefined && record.keepsOrigin) span.sources = s.sources;
      spans.push(span);
    }

    // 3. Relations.
    const spanById = new Map(spans.map((s) => [s.id, s]));
    const relIds = new Set(record.relations.map((r) => r.id).filter((id): id is string => id !== undefined));
    const usedRelIds = new Set<string>();
    counter = 0;
    const relations: Relation[] = [];
    for (const r of record.relations) {
      const name = r.id ?? `${r.type} ${r.from} -> ${r.to}`;
      const def = relationDefs.get(r.type);
      if (!def) {
        report('unknown-relation', `relation ${name} skipped: type ${r.type} is not in the schema`, target.id, r.id);
        continue;
      }
      const from = spanById.get(r.from);
      const to = spanById.get(r.to);
      if (!from || !to) {
        report('bad-relation', `relation ${name} skipped: span ${!from ? r.from : r.to} was not imported`, target.id, r.id);
        continue;
      }
      if (!def.from.includes(from.label) || !def.to.includes(to.label)) {
        report('bad-relation', `relation ${name} skipped: ${r.type} goes from ${def.from.join('/')} to ${def.to.join('/')}, not from ${from.label} to ${to.label}`, target.id, r.id);
        continue;
      }
      if (r.id !== undefined && usedRelIds.has(r.id)) {
        report('duplicate-id', `relation ${r.id} skipped: the record has another relation with this id`, target.id, r.id);
        continue;
      }
      const id = r.id ?? freshId('r', relIds);
      usedRelIds.add(id);
      relations.push({ id, type: r.type, from: r.from, to: r.to });
    }

    out.push({
      article: target.id,
      fileName: record.fileName,
      line: record.line,
      ...(record.layer !== undefined ? { layer: record.layer } : {}),
      ...(record.status !== undefined ? { status: record.status } : {}),
      spans,
      relations,
    });
  }
  return { articles: out, problems, skippedOtherLayer };
}

function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
}
