/**
 * Reads an annotation file (JSONL, or one JSON array as Label Studio exports) into span records
 * with code point offsets, detecting each record's shape on its own: native, doccano (label or
 * entities + relations), Prodigy, Label Studio tasks. Nothing is matched to articles yet; see
 * `matchImport`.
 */
import type { OffsetUnit } from '../model';
import { jsonArrayElements, lineOfPosition } from './jsonArrayElements';
import { readSpanRecord } from './readSpanRecord';
import type { ParseError, ParsedSpanFile, SpanRecord } from './spanRecord';

/** Options: the offset unit of records that do not state one in `meta.offsets`. */
export interface ParseSpanOptions {
  /**
   * Unit of offsets in records that do not say (`meta.offsets`). Unset: code points, except
   * UTF-16 for Label Studio tasks (Label Studio counts in UTF-16).
   */
  offsets?: OffsetUnit;
}

/**
 * Parses the content of an annotation file. Every malformed line (bad JSON, unknown shape, bad
 * fields) is named by its 1-based line number in `errors`; the rest is read.
 */
export function parseSpanRecords(content: string, fileName: string, opts: ParseSpanOptions = {}): ParsedSpanFile {
  const text = content.startsWith('\ufeff') ? content.slice(1) : content;
  const records: SpanRecord[] = [];
  const errors: ParseError[] = [];
  const readOpts = { fileName, offsets: opts.offsets };
  const take = (value: unknown, line: number, prefix = '') => {
    const result = readSpanRecord(value, line, readOpts);
    records.push(...result.records);
    for (const message of result.errors) errors.push({ line, message: prefix + message });
  };

  if (text.trimStart().startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      // A JSONL file whose lines are arrays starts with '[' too: fall through to line reading.
      if (!text.includes('\n') || !looksLikeJsonl(text)) {
        errors.push({ line: errorLine(text), message: `malformed JSON: ${(error as Error).message}` });
        return { fileName, records, errors };
      }
    }
    if (Array.isArray(parsed)) {
      const elements = jsonArrayElements(text);
      parsed.forEach((item, i) => take(item, elements[i]?.line ?? 1, `item ${i + 1}: `));
      return { fileName, records, errors };
    }
  }

  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      errors.push({ line: i + 1, message: `malformed JSON: ${(error as Error).message}` });
      continue;
    }
    if (Array.isArray(value)) value.forEach((item, k) => take(item, i + 1, `item ${k + 1}: `));
    else take(value, i + 1);
  }
  return { fileName, records, errors };
}

function looksLikeJsonl(text: string): boolean {
  const first = text.trimStart().split('\n', 1)[0];
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}

/** The line of the first array element that does not parse on its own (Node's messages rarely give a position). */
function errorLine(text: string): number {
  const elements = jsonArrayElements(text);
  for (const el of elements) {
    const piece = text.slice(el.start, el.end);
    try {
      JSON.parse(piece);
    } catch (error) {
      const m = /position (\d+)/.exec((error as Error).message);
      return m ? el.line + lineOfPosition(piece, Number(m[1])) - 1 : el.line;
    }
  }
  return lineOfPosition(text, elements.length > 0 ? elements[elements.length - 1].end : 0);
}
