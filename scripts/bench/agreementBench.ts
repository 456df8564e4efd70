// Agreement over a generated project of 10,000 articles with three layers of 20 spans each, as
// `gloss agreement` computes it (reading every layer file, then every measure).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectStore } from '../../src/node/projectStore';
import { projectAgreement } from '../../src/node/projectAgreement';
import { generateProject } from './generate';

export interface AgreementFigures {
  articles: number;
  layers: number;
  ms: number;
  overallKappa: number | null;
}

export async function agreementBench(articles = 10_000): Promise<AgreementFigures> {
  const root = await mkdtemp(join(tmpdir(), 'gloss-bench-agreement-'));
  try {
    const layers = ['ann1', 'ann2', 'ann3'];
    await generateProject(root, { articles, length: 3_000, layers, spansPerArticle: 20 });
    const t0 = performance.now();
    const store = await ProjectStore.open(root);
    const result = await projectAgreement(store, { layers });
    const ms = performance.now() - t0;
    return { articles, layers: layers.length, ms, overallKappa: result.report.overall.kappa };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await agreementBench(Number(process.argv[2] ?? 10_000)));
}
