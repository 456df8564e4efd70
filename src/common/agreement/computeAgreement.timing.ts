// Times computeAgreement on a project of the size the Review issue asks for (not a test):
//   npx tsx src/common/agreement/computeAgreement.timing.ts [articles] [length] [spans]
import { computeAgreement } from './computeAgreement';
import { randomProject } from './randomProject';

const [articles = 10_000, length = 3_000, spans = 20] = process.argv.slice(2).map(Number);
const layers = ['alice', 'bob', 'carol'];
let started = performance.now();
const project = randomProject(1, { articles, length, layers, spans });
console.log(`generated ${articles} articles × ~${length} code points, ${layers.length} layers × ${spans} spans in ${Math.round(performance.now() - started)} ms`);
// Wall time depends on what else the machine runs; the CPU time of this process is steadier.
const runs: string[] = [];
for (let run = 0; run < 3; run++) {
  const cpu = process.cpuUsage();
  started = performance.now();
  const report = computeAgreement(project, { layers });
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  runs.push(`${Math.round(wall)} ms wall / ${Math.round((used.user + used.system) / 1000)} ms CPU`);
  if (run === 0) console.log(`overall: ${JSON.stringify(report.overall)}`);
}
console.log(`computeAgreement: ${runs.join(', ')} (the first run includes JIT warm-up)`);
