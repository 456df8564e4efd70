import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import type { Command } from '../command';
import { usage } from '../cliError';
import { ProjectStore, ARTICLES_DIR } from '../../node/projectStore';
import { ARTICLE_EXTENSIONS } from '../../node/decodeArticle';
import { importArticleFile, ARTICLE_IMPORT_EXTENSIONS } from '../../node/importArticles';

export const add: Command = {
  summary: 'add articles from .txt .md .html .jsonl files or folders',
  help: `Usage: gloss add <dir> <file-or-folder>... [--json]

Copies text articles (.txt .md) byte for byte into <dir>/articles/. An .html page becomes the
page's visible text (navigation and footers included, scripts and hidden parts never) with the
original kept in <dir>/sources/. A .jsonl file adds one article per record with "text" and an
optional "id" and "meta". Existing articles are never overwritten.`,
  options: { json: { type: 'boolean' } },
  async run(values, [dir, ...inputs]) {
    if (!dir || inputs.length === 0) throw usage('gloss add needs a project folder and at least one file or folder');
    const store = await ProjectStore.open(dir);
    const added: string[] = [];
    const failed: { file: string; reason: string }[] = [];
    const addOne = async (file: string, target: string) => {
      try {
        const ext = extname(file).toLowerCase();
        if (ARTICLE_EXTENSIONS.includes(ext)) {
          const dest = join(store.root, ARTICLES_DIR, target);
          await mkdir(join(dest, '..'), { recursive: true });
          await copyFile(file, dest, 1 /* COPYFILE_EXCL: never overwrite */);
          added.push([ARTICLES_DIR, ...target.split(sep)].join('/'));
        } else if (ARTICLE_IMPORT_EXTENSIONS.includes(ext)) {
          added.push(...(await importArticleFile(store, file, target)));
        } else {
          failed.push({ file, reason: `unsupported file type "${ext || '(none)'}"` });
        }
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        failed.push({ file, reason: e.code === 'EEXIST' ? 'an article of that name already exists (not overwritten)' : e.message });
      }
    };
    for (const input of inputs) {
      const info = await stat(input).catch(() => null);
      if (!info) {
        failed.push({ file: input, reason: 'does not exist' });
      } else if (info.isDirectory()) {
        for (const file of await walk(input)) await addOne(file, relative(input, file));
      } else {
        await addOne(input, basename(input));
      }
    }
    if (values.json) process.stdout.write(JSON.stringify({ added, failed }) + '\n');
    else {
      for (const f of failed) process.stderr.write(`not added: ${f.file}: ${f.reason}\n`);
      process.stdout.write(`Added ${added.length} article(s)${failed.length ? `, ${failed.length} failed` : ''}\n`);
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
