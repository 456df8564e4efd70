import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import type { Command } from '../command';
import { usage } from '../cliError';
import { ProjectStore, ARTICLES_DIR } from '../../node/projectStore';
import { ARTICLE_EXTENSIONS } from '../../node/decodeArticle';
import { importArticleFile, ARTICLE_IMPORT_EXTENSIONS } from '../../node/importArticles';
import type { ArticleFileProblem } from '../../node/importArticles';
import { progressBar } from '../progressBar';

export const add: Command = {
  help: `Usage: gloss add <dir> <file-or-folder>... [--skip-invalid] [--json]

Adds articles to the project <dir>. Folders are walked; each file's path inside the folder is
kept below articles/. Nothing already in the project is ever overwritten.

  .txt .md .text .markdown   copied byte for byte into <dir>/articles/
  .html .htm                 the page's whole visible text (one line per block; scripts, styles
                             and hidden elements never) becomes articles/<name>.txt; the original
                             page is kept as sources/<name>.html and its title in
                             sources/<name>.txt.meta.json
  .jsonl                     one article per line: {"text": "...", "id"?: "...", "meta"?: {...}}
                             "id" names the file: articles/<id>.txt (a leading articles/ is
                             dropped, unsafe characters become _, .txt added unless the id ends
                             in .txt or .md); without an id: articles/<file>-<line>.txt.
                             "meta" is kept in sources/<id>.txt.meta.json and exported with the
                             article. Ids with .. or absolute paths are refused.

A .jsonl file is added whole or not at all: a malformed line, a missing text, an unsafe id, a
duplicate id (in the file or already in the project) each name their line and nothing of that
file is added, unless --skip-invalid (then those lines are skipped and counted).

  --skip-invalid   .jsonl: skip invalid lines, add the others, report how many were skipped
  --json           print {added, failed, skipped} as JSON

Exit code: 0 when every file was added (lines skipped with --skip-invalid included), 1 when a
file could not be added, 2 for a usage error.`,
  options: { json: { type: 'boolean' }, 'skip-invalid': { type: 'boolean' } },
  async run(values, [dir, ...inputs]) {
    if (!dir || inputs.length === 0) throw usage('gloss add needs a project folder and at least one file or folder');
    const store = await ProjectStore.open(dir);
    const skipInvalid = values['skip-invalid'] === true;
    const added: string[] = [];
    const failed: { file: string; reason: string; problems?: ArticleFileProblem[] }[] = [];
    const skipped: { file: string; line?: number; message: string }[] = [];
    const addOne = async (file: string, target: string) => {
      const ext = extname(file).toLowerCase();
      if (ARTICLE_EXTENSIONS.includes(ext)) {
        try {
          const dest = join(store.root, ARTICLES_DIR, target);
          await mkdir(join(dest, '..'), { recursive: true });
          await copyFile(file, dest, 1 /* COPYFILE_EXCL: never overwrite */);
          added.push([ARTICLES_DIR, ...target.split(sep)].join('/'));
        } catch (error) {
          const e = error as NodeJS.ErrnoException;
          failed.push({ file, reason: e.code === 'EEXIST' ? 'an article of that name already exists (not overwritten)' : e.message });
        }
      } else if (ARTICLE_IMPORT_EXTENSIONS.includes(ext)) {
        const result = await importArticleFile(store, file, target, { skipInvalid });
        added.push(...result.added);
        if (!result.ok) {
          const lines = result.problems.filter((p) => p.line !== undefined).length;
          const reason = lines > 0 && ext === '.jsonl'
            ? `${lines} invalid line(s), nothing added from this file (use --skip-invalid to add the valid lines)`
            : result.problems.map((p) => p.message).join('; ');
          failed.push({ file, reason, problems: result.problems });
        } else {
          for (const p of result.problems) skipped.push({ file, ...p });
        }
      } else {
        failed.push({ file, reason: `unsupported file type "${ext || '(none)'}" (articles: ${[...ARTICLE_EXTENSIONS, ...ARTICLE_IMPORT_EXTENSIONS].join(' ')})` });
      }
    };
    const work: { file: string; target: string }[] = [];
    for (const input of inputs) {
      const info = await stat(input).catch(() => null);
      if (!info) failed.push({ file: input, reason: 'does not exist' });
      else if (info.isDirectory()) for (const file of await walk(input)) work.push({ file, target: relative(input, file) });
      else work.push({ file: input, target: basename(input) });
    }
    const progress = work.length > 20 && !values.json ? progressBar('Adding') : undefined;
    let done = 0;
    for (const { file, target } of work) {
      await addOne(file, target);
      progress?.(++done, work.length);
    }
    if (values.json) {
      process.stdout.write(JSON.stringify({ ok: failed.length === 0, added, failed, skipped }) + '\n');
    } else {
      for (const f of failed) {
        process.stderr.write(`not added: ${f.file}: ${f.reason}\n`);
        for (const p of f.problems ?? []) if (p.line !== undefined) process.stderr.write(`  ${f.file}:${p.line}: ${p.message}\n`);
      }
      for (const s of skipped) process.stderr.write(`skipped: ${s.file}${s.line !== undefined ? `:${s.line}` : ''}: ${s.message}\n`);
      const parts = [`Added ${added.length} article(s)`];
      if (skipped.length) parts.push(`skipped ${skipped.length} invalid line(s)`);
      if (failed.length) parts.push(`${failed.length} file(s) failed`);
      process.stdout.write(parts.join(', ') + '\n');
    }
    return failed.length ? 1 : 0;
  },
};

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const abs = join(dir, item.name);
    if (item.isDirectory()) out.push(...(await walk(abs)));
    else if (item.isFile()) out.push(abs);
  }
  return out.sort();
}
