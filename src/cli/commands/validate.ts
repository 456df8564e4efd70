import type { Command } from '../command';
import { usage } from '../cliError';
import { ProjectStore } from '../../node/projectStore';

export const validate: Command = {
  summary: 'check a project: manifest, articles, every annotation file; exit 1 on any problem',
  help: `Usage: gloss validate <dir> [--json]

Lists every problem of a project: a broken gloss.json, annotation files that are not valid JSON
or not in the format, articles that cannot be decoded. Exit code 0 when there is none, 1 otherwise.`,
  options: { json: { type: 'boolean' } },
  async run(values, [dir, ...extra]) {
    if (!dir || extra.length) throw usage('gloss validate takes exactly one project folder');
    const problems: { file: string; line?: number; message: string }[] = [];
    let skipped: { path: string; reason: string }[] = [];
    let articles = 0;
    try {
      const store = await ProjectStore.open(dir);
      const info = await store.info();
      articles = info.articles.length;
      skipped = info.skipped;
      problems.push(...info.problems);
      for (const a of info.articles) if (!a.loadable) problems.push({ file: a.id, message: a.reason ?? 'cannot be loaded' });
    } catch (error) {
      const e = error as { file?: string; line?: number; message: string };
      problems.push({ file: e.file ?? dir, line: e.line, message: e.message });
    }
    if (values.json) {
      process.stdout.write(JSON.stringify({ ok: problems.length === 0, articles, problems, skipped }) + '\n');
    } else {
      for (const p of problems) process.stdout.write(`problem: ${p.message}\n`);
      for (const s of skipped) process.stdout.write(`skipped: ${s.path}: ${s.reason}\n`);
      process.stdout.write(problems.length === 0 ? `OK: ${articles} articles, no problems\n` : `${problems.length} problem(s) found\n`);
    }
    return problems.length === 0 ? 0 : 1;
  },
};
