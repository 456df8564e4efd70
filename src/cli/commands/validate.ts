import type { Command } from '../command';
import { usage } from '../cliError';
import { ProjectStore } from '../../node/projectStore';
import type { ProjectCheck } from '../../node/projectStore';

export const validate: Command = {
  help: `Usage: gloss validate <dir> [--json]

Lists every problem of a project: a missing or broken gloss.json, annotation files that are not
valid JSON (git conflict markers included) or not in the format or of a newer format version,
spans that do not match their article's text, articles that cannot be decoded. Each names the
file and, where it can, the line. Warnings (articles changed since they were annotated, orphaned
spans, annotations of missing articles, leftovers of an interrupted save) do not fail the check.
Exit code 0 when there is no problem, 1 otherwise.`,
  options: { json: { type: 'boolean' } },
  async run(values, [dir, ...extra]) {
    if (!dir || extra.length) throw usage('gloss validate takes exactly one project folder');
    let check: ProjectCheck;
    try {
      const store = await ProjectStore.open(dir);
      check = await store.validate();
    } catch (error) {
      const e = error as { file?: string; line?: number; message: string };
      check = { articles: 0, problems: [{ file: e.file ?? dir, line: e.line, message: e.message }], warnings: [], skipped: [] };
    }
    const { articles, problems, warnings, skipped } = check;
    if (values.json) {
      process.stdout.write(JSON.stringify({ ok: problems.length === 0, articles, problems, warnings, skipped }) + '\n');
    } else {
      for (const p of problems) process.stdout.write(`problem: ${p.message}\n`);
      for (const w of warnings) process.stdout.write(`warning: ${w.message}\n`);
      for (const s of skipped) process.stdout.write(`skipped: ${s.path}: ${s.reason}\n`);
      process.stdout.write(problems.length === 0 ? `OK: ${articles} articles, no problems${warnings.length ? `, ${warnings.length} warning(s)` : ''}\n` : `${problems.length} problem(s) found\n`);
    }
    return problems.length === 0 ? 0 : 1;
  },
};
