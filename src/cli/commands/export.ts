import type { Command } from '../command';
import { list, str } from '../command';
import { CliError, usage } from '../cliError';
import { ApiError } from '../../common/api';
import { ProjectStore } from '../../node/projectStore';
import { exportProjectToFile, exportProjectToStream } from '../../node/exportProject';
import type { ProjectExportRequest } from '../../node/exportProject';
import { EXPORT_FORMATS } from '../../common/exchange';
import { ARTICLE_STATUSES, LAYER_NAME_PATTERN } from '../../common/model';
import type { ArticleStatus, OffsetUnit } from '../../common/model';
import { progressBar } from '../progressBar';

export const exportCommand: Command = {
  help: `Usage: gloss export <dir> --format FORMAT [--layer NAME|gold|all] [--out FILE]
                    [--offsets codepoint|utf16] [--status done,...] [--labels L1,L2]
                    [--no-relations] [--json]

Formats (docs/formats.md has every shape and policy):
  native        Gloss's own JSONL, one line per article per layer; imports back unchanged
  doccano       doccano sequence labelling JSONL (entities + relations, or label triples)
  prodigy       Prodigy / spaCy JSONL with tokens; spans widened to whole tokens
  hf            HuggingFace token classification: tokens + BIO tags (+ FILE.labels.json)
  label-studio  one JSON array of Label Studio tasks, one annotation per layer
  w3c           W3C Web Annotation JSON-LD, one annotation per line
  clean-text    article text without BOILERPLATE spans (or the spans of --labels)

Options:
  --format    one of ${EXPORT_FORMATS.join(', ')} (required)
  --layer     an annotator's layer, gold, or all (default: all; every record names its layer)
  --out FILE  write FILE, then FILE.manifest.json (format, options, counts per label and per
              layer, the label schema, the Gloss version, the sha256 of FILE) and any sidecar
              (hf: FILE.labels.json); default: the export goes to stdout, no manifest
  --offsets   unit of every offset written. Default per format: codepoint (Unicode code points,
              Python's text[start:end]) for native, doccano, prodigy and w3c; utf16 for
              label-studio (Label Studio counts UTF-16 code units); hf and clean-text carry no
              offsets. w3c is code points only.
  --status    only (article, layer) pairs with one of these statuses (${ARTICLE_STATUSES.join(', ')})
  --labels    only spans with these labels (hf: the tag set; clean-text: the labels removed)
  --no-relations  leave relations out (default: written when the schema defines relation types)
  --json      print a JSON summary (file, manifest, sha256, counts, warnings) on stdout; needs --out

Warnings (spans left out or widened, articles that cannot be read) go to stderr and into the
manifest. Exit code: 0 when the export was written, 1 when it failed or an article or
annotation file could not be read (the export is still written and says so), 2 for a usage error.`,
  options: {
    format: { type: 'string' }, layer: { type: 'string' }, out: { type: 'string' }, offsets: { type: 'string' },
    status: { type: 'string' }, labels: { type: 'string' }, 'no-relations': { type: 'boolean' }, json: { type: 'boolean' },
  },
  async run(values, [dir, ...extra]) {
    if (!dir || extra.length) throw usage('gloss export takes exactly one project folder');
    const format = str(values, 'format');
    if (!format) throw usage(`gloss export needs --format (${EXPORT_FORMATS.join(', ')})`);
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw usage(`Unknown format "${format}"; choose one of ${EXPORT_FORMATS.join(', ')}`);
    const offsets = str(values, 'offsets');
    if (offsets !== undefined && offsets !== 'codepoint' && offsets !== 'utf16') throw usage(`--offsets must be codepoint or utf16, not "${offsets}"`);
    if (format === 'w3c' && offsets === 'utf16') throw usage('w3c offsets are code points by specification; --offsets utf16 is not available for w3c');
    const status = list(values, 'status');
    const badStatus = status?.find((s) => !(ARTICLE_STATUSES as readonly string[]).includes(s));
    if (badStatus) throw usage(`Unknown status "${badStatus}"; choose from ${ARTICLE_STATUSES.join(', ')}`);
    const layer = str(values, 'layer') ?? 'all';
    if (layer !== 'all' && !LAYER_NAME_PATTERN.test(layer)) throw usage(`--layer: "${layer}" is not a layer name (letters, digits, _ - . ; or all)`);
    const labels = list(values, 'labels');
    if (labels !== undefined && labels.length === 0) throw usage('--labels needs at least one label');
    const out = str(values, 'out');
    if (values.json && !out) throw usage('--json needs --out (without --out the export itself goes to stdout)');

    const store = await ProjectStore.open(dir);
    const unknownLabels = (labels ?? []).filter((l) => !store.manifest.schema.labels.some((d) => d.name === l));
    if (unknownLabels.length) throw usage(`--labels: ${unknownLabels.join(', ')} not in the project's schema (${store.manifest.schema.labels.map((l) => l.name).join(', ')})`);
    const request: ProjectExportRequest = {
      format, layer, offsets: offsets as OffsetUnit | undefined, status: status as ArticleStatus[] | undefined, labels,
      ...(values['no-relations'] ? { relations: false } : {}),
    };
    try {
      if (!out) {
        // stdout: the export streams out as it is made; no manifest.
        let result;
        try {
          result = await exportProjectToStream(store, request, process.stdout);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') return 0; // the reader stopped early (e.g. | head): not a failure
          if (code !== undefined && !(error instanceof ApiError)) throw new CliError(`Cannot write the export to stdout (${code})`);
          throw error;
        }
        await new Promise<void>((ok) => process.stdout.write('', () => ok()));
        for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
        return result.unreadable.length ? 1 : 0;
      }
      const result = await exportProjectToFile(store, request, out, progressBar('Exporting'));
      if (values.json) {
        process.stdout.write(JSON.stringify({
          ok: result.unreadable.length === 0,
          file: result.file,
          manifest: result.manifestFile,
          sidecars: result.sidecarFiles,
          bytes: result.bytes,
          sha256: result.sha256,
          format,
          offsets: result.manifest.offsets,
          records: result.summary.records,
          spans: result.summary.spans,
          relations: result.summary.relations,
          countsByLabel: result.summary.countsByLabel,
          countsByLayer: result.summary.countsByLayer,
          unreadable: result.unreadable,
          warnings: result.warnings,
        }) + '\n');
      } else {
        for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
        const s = result.summary;
        process.stdout.write(`Wrote ${result.file} (${s.records} record(s), ${s.spans} span(s), ${s.relations} relation(s), offsets ${result.manifest.offsets ?? 'none'})\n`);
        process.stdout.write(`and ${result.manifestFile}${result.sidecarFiles.length ? `, ${result.sidecarFiles.join(', ')}` : ''}\n`);
        if (result.unreadable.length) process.stderr.write(`gloss: ${result.unreadable.length} article(s) or annotation file(s) could not be read and are missing from the export\n`);
      }
      return result.unreadable.length ? 1 : 0;
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'BAD_FORMAT' || error.code === 'BAD_OPTIONS' || error.code === 'BAD_LAYER')) throw usage(error.message);
      if (error instanceof ApiError) throw new CliError(error.message);
      throw error;
    }
  },
};
