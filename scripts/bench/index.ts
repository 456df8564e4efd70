// npm run bench: every Gloss benchmark from deterministic generators, one JSON result file
// (bench-results/bench.json) and a table on stdout. Builds the app first.
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { editorBench } from './editorBench';
import { peerBench } from './peerBench';
import { projectBench } from './projectBench';
import { exportBench } from './exportBench';
import { agreementBench } from './agreementBench';
import { cliBench } from './cliBench';
import { repoRoot } from './serve';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const fmt = (n: number | null | undefined, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits));

if (!process.env.GLOSS_BENCH_NO_BUILD) {
  const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const results: Record<string, unknown> = {
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString() },
};
const rows: [string, string, string, string][] = [];
const row = (what: string, value: string, target: string, ok: boolean | null) => rows.push([what, value, target, ok === null ? '' : ok ? 'met' : 'NOT met']);

if (want('editor')) {
  const e = await editorBench();
  results.editor = e;
  row(`long article open (${e.chars} chars, ${e.spans} spans)`, `${fmt(e.openMs)} ms`, '<= 300 ms', e.openMs <= 300);
  row('label key press to painted span, median', `${fmt(e.labelMedianMs, 1)} ms`, '<= 20 ms', e.labelMedianMs <= 20);
  row('label key press to painted span, p95', `${fmt(e.labelP95Ms, 1)} ms`, '<= 40 ms', e.labelP95Ms <= 40);
  row('label press: key handler (span in the DOM) / first frame after it, medians', `${fmt(e.labelHandlerMedianMs, 1)} / ${fmt(e.labelFrameMedianMs, 1)} ms`, '', null);
  row('scroll top to bottom (worst frame)', `${fmt(e.scrollMs)} ms (${fmt(e.scrollWorstFrameMs)} ms)`, '', null);
  row('renderer JS heap on the long article', `${fmt(e.heapMB, 1)} MB`, '<= 150 MB', e.heapMB <= 150);
  if (want('peer')) {
    const p = await peerBench();
    results.peer = p;
    row('peer @recogito/text-annotator: open', `${fmt(p.openMs)} ms (Gloss/peer ${fmt(e.openMs / p.openMs, 2)})`, 'ratio < 1.0', e.openMs / p.openMs < 1);
    row('peer: add one annotation, median', `${fmt(p.addMedianMs, 1)} ms (Gloss/peer ${fmt(e.labelMedianMs / p.addMedianMs, 2)})`, 'ratio < 1.0', e.labelMedianMs / p.addMedianMs < 1);
  }
}
if (want('project')) {
  const p = await projectBench();
  results.project = p;
  row(`project open, ${p.articles} articles (${p.megabytes} MB): listing cold / warm`, `${fmt(p.listColdMs)} / ${fmt(p.listWarmMs)} ms`, '', null);
  row('project open in the browser: list shown / first article painted', `${fmt(p.browserListMs)} / ${fmt(p.browserFirstArticleMs)} ms`, '<= 1500 ms', p.browserFirstArticleMs <= 1500);
  row('serving process memory (RSS)', `${fmt(p.serverRssMB)} MB`, '', null);
}
if (want('export')) {
  const x = await exportBench();
  results.export = x;
  for (const f of ['native', 'prodigy'] as const) {
    row(`export ${f}, ${x.articles} articles`, `${fmt(x[f].ms)} ms, ${fmt(x[f].ratio, 2)}x baseline (${fmt(x[f].baselineMs)} ms)`, '<= 2x and < 5 s', x[f].ratio <= 2 && x[f].ms < 5000);
  }
}
if (want('agreement')) {
  const a = await agreementBench();
  results.agreement = a;
  row(`agreement, ${a.articles} articles x ${a.layers} layers`, `${fmt(a.ms)} ms`, '<= 3000 ms', a.ms <= 3000);
}
if (want('cli')) {
  const c = cliBench();
  results.cli = c;
  row('CLI start (gloss --version), median', `${fmt(c.medianMs)} ms`, '<= 300 ms', c.medianMs <= 300);
}

await mkdir(join(repoRoot, 'bench-results'), { recursive: true });
await writeFile(join(repoRoot, 'bench-results', 'bench.json'), JSON.stringify(results, null, 2) + '\n');
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), 6));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(['benchmark', 'figure', 'target', 'status']));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(`\n(${(results.machine as { cpus: number }).cpus} cores, ${process.version}; JSON in bench-results/bench.json)`);
