import { writeFile } from 'node:fs/promises';
import type { Command } from '../command';
import { list, str } from '../command';
import { usage } from '../cliError';
import { ProjectStore } from '../../node/projectStore';
import { exportProject } from '../../node/exportProject';
import { EXPORT_FORMATS } from '../../common/exchange';
import { ARTICLE_STATUSES } from '../../common/model';
import type { ArticleStatus, OffsetUnit } from '../../common/model';
import { progressBar } from '../progressBar';

export const exportCommand: Command = {
  summary: 'export annotations as JSONL for ML pipelines (native, doccano, prodigy, hf, ...)',
  help: `Usage: gloss export <dir> --format FORMAT [--layer NAME|gold|all] [--out FILE]
                    [--offsets codepoint|utf16] [--status done,...] [--labels L1,L2] [--json]

Formats: ${EXPORT_FORMATS.join(', ')}
  --layer     an annotator's layer, gold, or all (default: all)
  --out       write to FILE (plus FILE.manifest.json and any sidecar); default: stdout
  --offsets   unit of every offset (default codepoint, as Python's str counts)
  --status    only articles whose status in the layer is one of these (${ARTICLE_STATUSES.join(', ')})
  --labels    only these labels
  --json      with --out: print a JSON summary instead of text`,
  options: {
    format: { type: 'string' }, layer: { type: 'string' }, out: { type: 'string' }, offsets: { type: 'string' },
    status: { type: 'string' }, labels: { type: 'string' }, json: { type: 'boolean' },
  },
  async run(values, [dir, ...extra]) {
    if (!dir || extra.length) throw usage('gloss export takes exactly one project folder');
    const format = str(values, 'format');
    if (!format) throw usage(`gloss export needs --format (${EXPORT_FORMATS.join(', ')})`);
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw usage(`Unknown format "${format}"; choose one of ${EXPORT_FORMATS.join(', ')}`);
    const offsets = str(values, 'offsets');
    if (offsets !== undefined && offsets !== 'codepoint' && offsets !== 'utf16') throw usage(`--offsets must be codepoint or utf16, not "${offsets}"`);
    const status = list(values, 'status');
    const badStatus = status?.find((s) => !(ARTICLE_STATUSES as readonly string[]).includes(s));
    if (badStatus) throw usage(`Unknown status "${badStatus}"; choose from ${ARTICLE_STATUSES.join(', ')}`);
    const store = await ProjectStore.open(dir);
    const out = str(values, 'out');
    const result = await exportProject(store, {
      format, layer: str(values, 'layer') ?? 'all', offsets: offsets as OffsetUnit | undefined,
      status: status as ArticleStatus[] | undefined, labels: list(values, 'labels'),
    }, out ? progressBar('Exporting') : undefined);
    for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
    if (!out) {
      process.stdout.write(result.content);
      return;
    }
    await writeFile(out, result.content, 'utf8');
    await writeFile(`${out}.manifest.json`, JSON.stringify(result.manifest, null, 2) + '\n', 'utf8');
    const sidecars: string[] = [];
    for (const [suffix, content] of Object.entries(result.sidecars)) {
      await writeFile(`${out}${suffix}`, content, 'utf8');
      sidecars.push(`${out}${suffix}`);
    }
    if (values.json) process.stdout.write(JSON.stringify({ out, manifest: `${out}.manifest.json`, sidecars, warnings: result.warnings }) + '\n');
    else process.stdout.write(`Wrote ${out} and ${out}.manifest.json${sidecars.length ? ` and ${sidecars.join(', ')}` : ''}\n`);
  },
};
