/**
 * Reads an article JSONL file (`gloss add file.jsonl`): one article per line, `{"text": ...}`
 * with an optional `id` (a project-relative path the caller may use as the article's name) and
 * an optional `meta` object. Malformed lines are named by their 1-based line number.
 */
import { isSafeArticleId } from './isSafeArticleId';
import type { ParseError } from './spanRecord';

/** One article read from a JSONL file. */
export interface ArticleRecord {
  line: number;
  id?: string;
  text: string;
  meta?: Record<string, unknown>;
}

/** The articles of the file and the lines that could not be read. */
export interface ParsedArticleFile {
  fileName: string;
  articles: ArticleRecord[];
  errors: ParseError[];
}

/** Parses an article JSONL file. Ids must be safe project-relative paths and unique within the file. */
export function parseArticleJsonl(content: string, fileName: string): ParsedArticleFile {
  const text = content.startsWith('\ufeff') ? content.slice(1) : content;
  const articles: ArticleRecord[] = [];
  const errors: ParseError[] = [];
  const seen = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i].trim();
    if (raw === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      errors.push({ line, message: `malformed JSON: ${(error as Error).message}` });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push({ line, message: 'expected a JSON object with a "text" field' });
      continue;
    }
    const rec = value as Record<string, unknown>;
    if (typeof rec.text !== 'string' || rec.text.length === 0) {
      errors.push({ line, message: rec.text === undefined ? 'missing "text"' : '"text" must be a non-empty string' });
      continue;
    }
    const article: ArticleRecord = { line, text: rec.text };
    if (rec.id !== undefined) {
      const id = typeof rec.id === 'number' && Number.isInteger(rec.id) ? String(rec.id) : rec.id;
      if (typeof id !== 'string') {
        errors.push({ line, message: '"id" must be a string' });
        continue;
      }
      if (!isSafeArticleId(id)) {
        errors.push({ line, message: `id ${JSON.stringify(id)} tries to leave the project (absolute path, "..", backslash or empty segment)` });
        continue;
      }
      const first = seen.get(id);
      if (first !== undefined) {
        errors.push({ line, message: `duplicate id ${JSON.stringify(id)} (first on line ${first})` });
        continue;
      }
      seen.set(id, line);
      article.id = id;
    }
    if (rec.meta !== undefined) {
      if (typeof rec.meta !== 'object' || rec.meta === null || Array.isArray(rec.meta)) {
        errors.push({ line, message: '"meta" must be an object' });
        continue;
      }
      article.meta = rec.meta as Record<string, unknown>;
    }
    articles.push(article);
  }
  return { fileName, articles, errors };
}
