import type { Command } from '../command';
import { usage } from '../cliError';
import { ProjectStore } from '../../node/projectStore';
import { projectStats } from '../../node/projectStats';
import { progressBar } from '../progressBar';

export const stats: Command = {
  help: `Usage: gloss stats <dir> [--json]

Counts the project's articles and, for every layer: how many articles have an annotation file,
how many articles are in each status (articles without a file count as todo), the spans per
label, the relations, and the orphaned spans (spans whose article changed so that they have no
place in it). Annotation files that cannot be read are listed.

  --json   print the counts as JSON:
           {articles, skipped, layers: {NAME: {files, status: {todo, in_progress, done, skipped},
            spans, labels: {LABEL: n}, relations, orphans}}, problems: [{file, line?, message}]}

Exit code: 0, or 1 when an annotation file cannot be read, 2 for a usage error.`,
  options: { json: { type: 'boolean' } },
  async run(values, [dir, ...extra]) {
    if (!dir || extra.length) throw usage('gloss stats takes exactly one project folder');
    const store = await ProjectStore.open(dir);
    const s = await projectStats(store, values.json ? undefined : progressBar('Counting'));
    if (values.json) {
      process.stdout.write(JSON.stringify(s) + '\n');
      return s.problems.length ? 1 : 0;
    }
    const out: string[] = [`${store.name}: ${s.articles} article(s)${s.skipped ? `, ${s.skipped} file(s) skipped` : ''}`];
    const layers = Object.entries(s.layers);
    if (layers.length === 0) out.push('no layers yet');
    for (const [name, l] of layers) {
      out.push('', `layer ${name}: ${l.files} annotated file(s), ${l.spans} span(s), ${l.relations} relation(s)${l.orphans ? `, ${l.orphans} orphaned span(s)` : ''}`);
      out.push(`  status: ${Object.entries(l.status).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      const labels = Object.entries(l.labels);
      if (labels.length) {
        const width = Math.max(...labels.map(([k]) => k.length));
        for (const [label, n] of labels) out.push(`  ${label.padEnd(width)}  ${n}`);
      }
    }
    process.stdout.write(out.join('\n') + '\n');
    for (const p of s.problems) process.stderr.write(`problem: ${p.message}\n`);
    return s.problems.length ? 1 : 0;
  },
};
