import type { Command } from '../command';
import { list } from '../command';
import { usage } from '../cliError';
import { ApiError } from '../../common/api';
import { formatAgreementTable } from '../../common/review/formatAgreement';
import { ProjectStore } from '../../node/projectStore';
import { checkLayers, projectAgreement } from '../../node/projectAgreement';

export const agreement: Command = {
  help: `Usage: gloss agreement <dir> --layers A,B[,C...] [--labels L1,L2] [--json]

Measures how well the layers agree over every article of the project: span F1 (exact and
overlap), token-level kappa (Cohen's for two layers, Fleiss' for more), Krippendorff's alpha_u
and QUOTE->SPEAKER attribution, per label and overall; per article with the number of
disagreements (articles ranked by it); and for every pair of layers. docs/agreement.md defines
every measure. A layer with no annotation file for an article is empty there.

  --layers   two or more layers, comma-separated (the folders under annotations/)
  --labels   only these labels (default: every label the layers used)
  --json     print the report as JSON: keys layers, by_label, overall, by_article, pairs;
             null where a measure is undefined

Exit code 2 for usage errors (fewer than two layers, a layer given twice, an unknown layer).`,
  options: { layers: { type: 'string' }, labels: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, [dir, ...extra]) {
    if (!dir || extra.length) throw usage('gloss agreement takes exactly one project folder');
    const layers = list(values, 'layers');
    if (!layers) throw usage('gloss agreement needs --layers A,B (two or more layers)');
    const labels = list(values, 'labels');
    if (labels && labels.length === 0) throw usage('--labels names no label');
    const store = await ProjectStore.open(dir);
    try {
      await checkLayers(store, layers);
    } catch (error) {
      if (error instanceof ApiError) throw usage(error.message);
      throw error;
    }
    const { report, warnings } = await projectAgreement(store, { layers, labels });
    for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
    if (values.json) process.stdout.write(JSON.stringify(report) + '\n');
    else process.stdout.write(formatAgreementTable(report, { articles: report.by_article.length }));
  },
};
