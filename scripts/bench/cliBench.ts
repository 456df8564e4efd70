// Start-up time of the CLI: `gloss --version` as a user runs it, median of repeated runs.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { median } from './serve';

export function cliBench(runs = 15): { medianMs: number; runs: number } {
  const bin = join(import.meta.dirname, '..', '..', 'bin', 'gloss.mjs');
  spawnSync(process.execPath, [bin, '--version']);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`gloss --version failed: ${r.stderr}`);
    times.push(performance.now() - t0);
  }
  return { medianMs: median(times), runs };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(cliBench());
