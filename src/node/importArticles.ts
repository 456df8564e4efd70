/**
 * `gloss add` for files that are not articles yet:
 *
 * - `.html` / `.htm`: the page's whole visible text (src/node/html: one line per block, scripts,
 *   styles and hidden elements never) becomes `articles/<name>.txt`; the original page is kept
 *   byte for byte as `sources/<name>.html`, and `sources/<name>.txt.meta.json` records its title
 *   and where it came from.
 * - `.jsonl`: one article per line `{"text": ..., "id"?: ..., "meta"?: {...}}`. The id becomes the
 *   file name (see `articleNameOfId`); `meta` is kept in `sources/<article path>.meta.json`,
 *   and exports put it into the records' `meta` (doccano, Prodigy, Label Studio).
 *
 * A JSONL file is added whole or not at all: a malformed line, an unsafe or duplicate id or a
 * name already taken stops the file (every such line is named) unless `skipInvalid` is set, in
 * which case those lines are skipped and counted. Nothing already in the project is overwritten.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { parseArticleJsonl } from '../common/exchange';
import type { ProjectStore } from './projectStore';
import { ARTICLES_DIR } from './projectStore';
import { ARTICLE_EXTENSIONS, decodeArticle } from './decodeArticle';
import { META_SUFFIX, SOURCES_DIR } from './exportProject';
import { parseHtmlDocument, renderHtml } from './html/htmlToText';

/** Extensions `gloss add` converts into articles (beside the plain-text ones it copies). */
export const ARTICLE_IMPORT_EXTENSIONS: string[] = ['.html', '.htm', '.jsonl'];

/** A line (or the whole file, without `line`) that could not be added. */
export interface ArticleFileProblem {
  line?: number;
  message: string;
}

/** What adding one .html or .jsonl file did. */
export interface ArticleFileResult {
  file: string;
  /** True when the file's articles were added (all of them, or all valid ones with skipInvalid). */
  ok: boolean;
  /** Ids of the articles added. */
  added: string[];
  /** Everything that stopped the file, or (with skipInvalid) the lines skipped. */
  problems: ArticleFileProblem[];
  /** Lines skipped (skipInvalid only). */
  skipped: number;
}

export interface ArticleFileOptions {
  /** JSONL: skip invalid lines (still reported) and add the rest. */
  skipInvalid?: boolean;
}

/**
 * Adds the articles of one .html or .jsonl file. `target` is the file's path relative to the
 * folder given to `gloss add` (or its base name), which names HTML articles and id-less JSONL
 * records. Never throws for a problem of the file; see `ok` and `problems`.
 */
export async function importArticleFile(store: ProjectStore, file: string, target: string, options: ArticleFileOptions = {}): Promise<ArticleFileResult> {
  const ext = extname(file).toLowerCase();
  try {
    if (ext === '.html' || ext === '.htm') return await addHtml(store, file, target);
    if (ext === '.jsonl') return await addJsonl(store, file, target, options);
    return fail(file, `unsupported file type "${ext || '(none)'}"`);
  } catch (error) {
    return fail(file, (error as Error).message);
  }
}

function fail(file: string, message: string, line?: number): ArticleFileResult {
  return { file, ok: false, added: [], problems: [{ ...(line !== undefined ? { line } : {}), message }], skipped: 0 };
}

/** The text of an HTML file: a BOM wins, then a `<meta charset>` (or http-equiv) the decoder knows, then Gloss's own detection. */
export function decodeHtml(bytes: Buffer): string {
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!bom) {
    const head = bytes.subarray(0, 4096).toString('latin1');
    const charset = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head)?.[1];
    if (charset) {
      try {
        return new TextDecoder(charset.toLowerCase(), { fatal: charset.toLowerCase().replace('-', '') === 'utf8' }).decode(bytes);
      } catch {
        // Unknown label, or not valid in the charset it claims: fall back to detection.
      }
    }
  }
  const decoded = decodeArticle(bytes);
  if (!decoded.ok) throw new Error(`cannot be decoded: ${decoded.reason}`);
  return decoded.text;
}

async function addHtml(store: ProjectStore, file: string, target: string): Promise<ArticleFileResult> {
  const bytes = await readFile(file);
  const html = decodeHtml(bytes);
  const document = parseHtmlDocument(html);
  const title = (document.title ?? '').replace(/\s+/g, ' ').trim();
  const text = renderHtml(document).text;
  if (text === '') return fail(file, 'the page has no visible text; nothing added');
  const below = target.split(/[\\/]/).filter(Boolean);
  const stem = below.pop()!.replace(/\.html?$/i, '');
  const articlePath = [...below, `${stem}.txt`].join('/');
  const sourcePath = [...below, basename(target)].join('/');
  const articleAbs = join(store.root, ARTICLES_DIR, ...articlePath.split('/'));
  const sourceAbs = join(store.root, SOURCES_DIR, ...sourcePath.split('/'));
  const metaAbs = join(store.root, SOURCES_DIR, ...`${articlePath}${META_SUFFIX}`.split('/'));
  for (const [abs, what] of [[articleAbs, `${ARTICLES_DIR}/${articlePath}`], [sourceAbs, `${SOURCES_DIR}/${sourcePath}`], [metaAbs, `${SOURCES_DIR}/${articlePath}${META_SUFFIX}`]]) {
    if (await exists(abs)) return fail(file, `${what} already exists (not overwritten)`);
  }
  const created: string[] = [];
  try {
    await writeNew(articleAbs, text + '\n', created);
    await writeNew(sourceAbs, bytes, created);
    await writeNew(metaAbs, JSON.stringify({ title, source: `${SOURCES_DIR}/${sourcePath}` }, null, 2) + '\n', created);
  } catch (error) {
    await removeAll(created);
    throw error;
  }
  return { file, ok: true, added: [`${ARTICLES_DIR}/${articlePath}`], problems: [], skipped: 0 };
}

interface Planned {
  line: number;
  /** Path below articles/. */
  path: string;
  text: string;
  meta?: Record<string, unknown>;
}

async function addJsonl(store: ProjectStore, file: string, target: string, options: ArticleFileOptions): Promise<ArticleFileResult> {
  const content = await readFile(file, 'utf8');
  const parsed = parseArticleJsonl(content, basename(file));
  const problems: ArticleFileProblem[] = parsed.errors.map((e) => ({ line: e.line, message: e.message }));
  const below = target.split(/[\\/]/).filter(Boolean);
  const stem = below.pop()!.replace(/\.jsonl$/i, '');
  const lastLine = content.split('\n').length;
  const width = String(lastLine).length;
  const { articles: existing } = await store.scanArticles();
  const taken = new Map<string, string>(existing.map((a) => [a.id.toLowerCase(), a.id]));
  const names = new Map<string, number>();
  const planned: Planned[] = [];
  for (const record of parsed.articles) {
    const path = record.id !== undefined ? articleNameOfId(record.id) : [...below, `${stem}-${String(record.line).padStart(width, '0')}.txt`].join('/');
    const id = `${ARTICLES_DIR}/${path}`;
    const key = id.toLowerCase();
    const earlier = names.get(key);
    if (earlier !== undefined) {
      problems.push({ line: record.line, message: `duplicate id: ${JSON.stringify(record.id)} gives the article name ${id}, already used by line ${earlier}${record.id !== undefined && articleNameOfId(record.id) !== record.id ? ' (names are compared after making them safe file names, ignoring case)' : ''}` });
      continue;
    }
    names.set(key, record.line);
    const there = taken.get(key);
    if (there !== undefined) {
      problems.push({ line: record.line, message: `duplicate id: ${there} is already in the project (not overwritten)` });
      continue;
    }
    const problem = textProblem(record.text);
    if (problem) {
      problems.push({ line: record.line, message: problem });
      continue;
    }
    if (await exists(join(store.root, ARTICLES_DIR, ...path.split('/')))) {
      problems.push({ line: record.line, message: `duplicate id: ${id} already exists (not overwritten)` });
      continue;
    }
    if (record.meta !== undefined && (await exists(metaFileOf(store, path)))) {
      problems.push({ line: record.line, message: `${SOURCES_DIR}/${path}${META_SUFFIX} already exists (not overwritten)` });
      continue;
    }
    planned.push({ line: record.line, path, text: record.text, ...(record.meta !== undefined ? { meta: record.meta } : {}) });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (problems.length > 0 && !options.skipInvalid) return { file, ok: false, added: [], problems, skipped: 0 };

  const created: string[] = [];
  const added: string[] = [];
  try {
    for (const p of planned) {
      await writeNew(join(store.root, ARTICLES_DIR, ...p.path.split('/')), p.text, created);
      if (p.meta !== undefined) await writeNew(metaFileOf(store, p.path), JSON.stringify(p.meta, null, 2) + '\n', created);
      added.push(`${ARTICLES_DIR}/${p.path}`);
    }
  } catch (error) {
    await removeAll(created);
    return { file, ok: false, added: [], problems: [...problems, { message: `nothing added from this file: ${(error as Error).message}` }], skipped: 0 };
  }
  return { file, ok: true, added, problems, skipped: problems.length };
}

function metaFileOf(store: ProjectStore, path: string): string {
  return join(store.root, SOURCES_DIR, ...`${path}${META_SUFFIX}`.split('/'));
}

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * The path below articles/ of a JSONL record's id (a safe relative path, see isSafeArticleId):
 * a leading `articles/` is dropped (ids of Gloss's own exports name the same file again); in each
 * segment the characters that some systems forbid in file names (`< > : " | ? *` and controls)
 * become `_`, trailing dots and spaces are dropped, Windows device names get a `_`, and a long
 * segment is cut to 150 characters plus a short hash; `.txt` is appended unless the id already
 * ends in an article extension (.txt .md .text .markdown).
 */
export function articleNameOfId(id: string): string {
  const segments = id.split('/');
  if (segments.length > 1 && segments[0] === ARTICLES_DIR) segments.shift();
  const safe = segments.map((segment) => {
    let s = segment.replace(/[<>:"|?*\u0000-\u001f\u007f]/g, '_').replace(/[. ]+$/, '');
    if (s === '' || s === '.' || s === '..') s = '_';
    if (RESERVED.test(s)) s = `${s}_`;
    if (s.length > 180) s = `${s.slice(0, 150)}-${createHash('sha256').update(segment).digest('hex').slice(0, 12)}`;
    return s;
  });
  const last = safe[safe.length - 1];
  if (!ARTICLE_EXTENSIONS.some((ext) => last.toLowerCase().endsWith(ext))) safe[safe.length - 1] = `${last}.txt`;
  return safe.join('/');
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a text cannot be stored as an article file that reads back as the same text, or null. */
function textProblem(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return '"text" holds an unpaired surrogate (\\ud800-\\udfff), which a UTF-8 file cannot store';
  const decoded = decodeArticle(Buffer.from(text, 'utf8'));
  if (!decoded.ok) return `"text" cannot be stored as an article: ${decoded.reason}`;
  if (decoded.text !== text) return '"text" would not read back identically from a UTF-8 file (it starts with a byte-order mark U+FEFF)';
  return null;
}

async function exists(abs: string): Promise<boolean> {
  return lstat(abs).then(() => true, () => false);
}

/** Writes a file that must not exist yet (never overwrites), creating its folder; remembers it in `created`. */
async function writeNew(abs: string, content: string | Buffer, created: string[]): Promise<void> {
  await mkdir(dirname(abs), { recursive: true });
  try {
    await writeFile(abs, content, { flag: 'wx' });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new Error(e.code === 'EEXIST' ? `${abs} already exists (not overwritten)` : `${abs} cannot be written (${e.code ?? e.message})`);
  }
  created.push(abs);
}

async function removeAll(files: string[]): Promise<void> {
  for (const f of files.reverse()) await unlink(f).catch(() => undefined);
}
