// The export benchmark: a project of 10,000 articles of about 3,000 characters with 20 spans
// each in one layer, exported in process to a file as `native` and `prodigy`, timed against a
// baseline that does only the unavoidable work: read every article and annotation file (in the
// same order, with the same synchronous reads) and write the same number of bytes as the export
// wrote, through the same kind of write stream, made durable the same way.
//
// Run: npx tsx scripts/bench/exportBench.ts   (prints the figures as JSON)
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, open, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportProjectToFile } from '../../src/node/exportProject';
import { ProjectStore } from '../../src/node/projectStore';
import { generateProject } from './generate';

export interface ExportTiming {
  /** Wall time of the export to a file, best of the rounds. */
  ms: number;
  /** Bytes written. */
  bytes: number;
  /** Baseline for the same bytes: read every input file and write `bytes` bytes, best of the rounds. */
  baselineMs: number;
  /** ms / baselineMs. */
  ratio: number;
}

export interface ExportFigures {
  articles: number;
  spansPerArticle: number;
  /** Bytes of every article and annotation file read. */
  bytesIn: number;
  native: ExportTiming;
  prodigy: ExportTiming;
  /** The baseline for the native export's byte count (each format's own is in its figures). */
  baselineMs: number;
  rounds: number;
}

export interface ExportBenchOptions {
  articles?: number;
  length?: number;
  spansPerArticle?: number;
  /** Each measurement is repeated this many times and the best is kept. */
  rounds?: number;
}

export async function exportBench(options: ExportBenchOptions = {}): Promise<ExportFigures> {
  const articles = options.articles ?? 10_000;
  const spansPerArticle = options.spansPerArticle ?? 20;
  const rounds = options.rounds ?? 2;
  const root = await mkdtemp(join(tmpdir(), 'gloss-bench-export-'));
  try {
    const project = join(root, 'project');
    await generateProject(project, { articles, length: options.length ?? 3_000, layers: ['bench'], spansPerArticle });
    const inputs = await inputFiles(project);
    let bytesIn = 0;
    for (const file of inputs) bytesIn += (await stat(file)).size;

    const timeExport = async (format: 'native' | 'prodigy') => {
      let best = Infinity;
      let bytes = 0;
      for (let r = 0; r < rounds; r++) {
        // A fresh store each round, as a CLI run has.
        const store = await ProjectStore.open(project);
        const out = join(root, `out-${format}.jsonl`);
        const t0 = performance.now();
        const result = await exportProjectToFile(store, { format, layer: 'bench' }, out);
        best = Math.min(best, performance.now() - t0);
        bytes = result.bytes;
        if (result.unreadable.length) throw new Error(`benchmark export could not read: ${result.unreadable[0]}`);
        await rm(out, { force: true });
        await rm(`${out}.manifest.json`, { force: true });
      }
      return { ms: best, bytes };
    };
    const timeBaseline = async (bytes: number) => {
      let best = Infinity;
      for (let r = 0; r < rounds; r++) {
        const out = join(root, 'out-baseline');
        const t0 = performance.now();
        await baseline(inputs, bytes, out);
        best = Math.min(best, performance.now() - t0);
        await rm(out, { force: true });
      }
      return best;
    };

    const native = await timeExport('native');
    const nativeBase = await timeBaseline(native.bytes);
    const prodigy = await timeExport('prodigy');
    const prodigyBase = await timeBaseline(prodigy.bytes);
    const figures = (t: { ms: number; bytes: number }, base: number): ExportTiming => ({ ms: Math.round(t.ms), bytes: t.bytes, baselineMs: Math.round(base), ratio: Math.round((t.ms / base) * 100) / 100 });
    return {
      articles,
      spansPerArticle,
      bytesIn,
      native: figures(native, nativeBase),
      prodigy: figures(prodigy, prodigyBase),
      baselineMs: Math.round(nativeBase),
      rounds,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Every article and annotation file of the project, in the order the export reads them. */
async function inputFiles(project: string): Promise<string[]> {
  const names = (await readdir(join(project, 'articles'))).sort();
  return names.flatMap((name) => [join(project, 'articles', name), join(project, 'annotations', 'bench', `${name}.json`)]);
}

/**
 * Reads every input file in order, with the same synchronous reads as the export's BulkReader,
 * and writes `bytes` bytes to `out` as it goes, through the same kind of write stream.
 */
async function baseline(inputs: string[], bytes: number, out: string): Promise<void> {
  const stream = createWriteStream(out, { highWaterMark: 1 << 20 });
  const perFile = Math.floor(bytes / inputs.length);
  let left = bytes;
  for (let i = 0; i < inputs.length; i++) {
    const data = readFileSync(inputs[i]);
    const n = i === inputs.length - 1 ? left : Math.min(left, perFile);
    left -= n;
    // Write n bytes made from what was read (repeated as needed), as an export writes its input out.
    const chunk = n <= data.length ? data.subarray(0, n) : Buffer.concat(Array.from({ length: Math.ceil(n / Math.max(1, data.length)) }, () => data)).subarray(0, n);
    if (!stream.write(chunk)) await new Promise<void>((ok) => stream.once('drain', () => ok()));
  }
  await new Promise<void>((ok, fail) => {
    stream.once('error', fail);
    stream.end(() => ok());
  });
  // The export makes its file durable before renaming it into place; so does the baseline.
  const handle = await open(out, 'r+');
  await handle.sync();
  await handle.close();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const articles = process.env.BENCH_ARTICLES ? Number(process.env.BENCH_ARTICLES) : undefined;
  exportBench({ articles }).then((figures) => process.stdout.write(JSON.stringify(figures, null, 2) + '\n'));
}
