import { resolve } from 'node:path';
import type { Command } from '../command';
import { str } from '../command';
import { CliError, usage } from '../cliError';
import { ApiError } from '../../common/api';
import { LAYER_NAME_PATTERN } from '../../common/model';
import type { OffsetUnit } from '../../common/model';
import { ProjectStore } from '../../node/projectStore';
import { importSpans } from '../../node/importSpans';
import type { ExistingSpansPolicy, ImportSpansReport } from '../../node/importSpans';
import { progressBar } from '../progressBar';

export const importCommand: Command = {
  help: `Usage: gloss import <dir> <file> --layer NAME [--from-layer NAME] [--offsets codepoint|utf16]
                    [--replace | --merge] [--skip-invalid] [--dry-run] [--json]

Reads spans from <file> into the layer NAME (an annotator's name or gold) of the project <dir>.
The shape is recognised per record: Gloss native JSONL, doccano (label triples, or entities and
relations), Prodigy / spaCy JSONL, Label Studio tasks (a JSON array or JSONL). A record goes to
the article its id names (id, meta.id, data.gloss_id) when its text, if it has one, is that
article's text; otherwise to the one article with identical text.

Everything is checked before anything is written; each problem names its line: malformed JSON,
unknown record shapes, ids that leave the project (absolute, ..), records for no article or for
an article already imported from another line, offsets outside the article, span text that is
not the article's text at its offsets, labels or relation types not in the schema, duplicate
span ids. On any problem nothing is written (exit 1), unless --skip-invalid.

Existing spans: when the layer already has spans for an article, the import stops (nothing is
written) unless you choose:
  --replace   the article's spans in the layer become the imported ones; the replaced file is
              kept as annotations/.backup/<layer>/...
  --merge     imported spans are added; a span with the label and offsets of one already there
              is not added twice, imported ids already used get new ones
Records with no spans, relations or status (e.g. native records of articles nobody annotated)
change nothing.

Options:
  --layer NAME       the layer to write (required)
  --from-layer NAME  files with several layers (exports of --layer all): the one to take
  --offsets UNIT     unit of offsets in records that do not say (meta.offsets); default:
                     codepoint, except utf16 for Label Studio tasks
  --skip-invalid     skip invalid lines, records and spans (each still listed) and import the rest
  --dry-run          check and report, write nothing
  --json             print the report as JSON

Exit code: 0 imported (or, with --dry-run, importable), 1 problems (nothing written), 2 usage.`,
  options: {
    layer: { type: 'string' }, 'from-layer': { type: 'string' }, offsets: { type: 'string' },
    replace: { type: 'boolean' }, merge: { type: 'boolean' }, 'skip-invalid': { type: 'boolean' },
    'dry-run': { type: 'boolean' }, json: { type: 'boolean' },
  },
  async run(values, [dir, file, ...extra]) {
    if (!dir || !file || extra.length) throw usage('gloss import takes a project folder and one file');
    const layer = str(values, 'layer');
    if (!layer) throw usage('gloss import needs --layer NAME (the layer to import into)');
    if (!LAYER_NAME_PATTERN.test(layer) || layer === 'all') throw usage(`--layer: "${layer}" cannot be a layer name (letters, digits, _ - . ; "all" is reserved)`);
    const fromLayer = str(values, 'from-layer');
    if (fromLayer !== undefined && !LAYER_NAME_PATTERN.test(fromLayer)) throw usage(`--from-layer: "${fromLayer}" is not a layer name`);
    const offsets = str(values, 'offsets');
    if (offsets !== undefined && offsets !== 'codepoint' && offsets !== 'utf16') throw usage(`--offsets must be codepoint or utf16, not "${offsets}"`);
    if (values.replace && values.merge) throw usage('choose one of --replace and --merge');
    const existing: ExistingSpansPolicy = values.replace ? 'replace' : values.merge ? 'merge' : 'refuse';
    const store = await ProjectStore.open(dir);
    let report: ImportSpansReport;
    try {
      report = await importSpans(store, resolve(file), {
        layer, fromLayer, offsets: offsets as OffsetUnit | undefined, existing,
        skipInvalid: values['skip-invalid'] === true, dryRun: values['dry-run'] === true,
        onProgress: values.json ? undefined : progressBar('Importing'),
      });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SEVERAL_LAYERS') throw usage(error.message);
      if (error instanceof ApiError) throw new CliError(error.message);
      throw error;
    }
    if (values.json) {
      process.stdout.write(JSON.stringify(report) + '\n');
      return report.ok ? 0 : 1;
    }
    for (const p of report.problems) {
      const where = [file, p.line].filter((x) => x !== undefined).join(':');
      process.stderr.write(`${report.ok ? 'skipped' : 'problem'}: ${where}: ${p.article ? `${p.article}: ` : ''}${p.message}\n`);
    }
    const counts = (['created', 'replaced', 'merged'] as const)
      .map((a) => [a, report.articles.filter((x) => x.action === a).length] as const)
      .filter(([, n]) => n > 0)
      .map(([a, n]) => `${n} ${a}`);
    const what = `${report.spans} span(s) and ${report.relations} relation(s) for ${report.articles.length} article(s)${counts.length ? ` (${counts.join(', ')})` : ''} in layer ${layer}`;
    const notes = [
      report.emptyRecords ? `${report.emptyRecords} record(s) without spans changed nothing` : '',
      report.otherLayerRecords ? `${report.otherLayerRecords} record(s) of other layers than ${report.fromLayer} not taken` : '',
      report.problems.length && report.ok ? `${report.problems.length} problem(s) skipped` : '',
      report.articles.some((a) => a.duplicates) ? `${report.articles.reduce((n, a) => n + (a.duplicates ?? 0), 0)} span(s) already in the layer not added again` : '',
    ].filter(Boolean);
    if (!report.ok) {
      process.stderr.write(`gloss: ${report.problems.length} problem(s) in ${file}; nothing was imported (fix them, or use --skip-invalid to import the rest)\n`);
      return 1;
    }
    process.stdout.write(`${report.dryRun ? 'Would import' : 'Imported'} ${what}${notes.length ? `; ${notes.join('; ')}` : ''}\n`);
    return 0;
  },
};
