// Two annotators' layers (alice, bob) on the sample project, for the review spec: native JSONL
// records built from the articles' own text, so every offset is exact.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { glossSync } from './fixtures';

export const A002 = 'articles/002_9edfdb1c8f18fd6b.txt';
export const A000 = 'articles/000_d60caff024a14a5b.txt';

export const CLAIM_1 = 'The United States government has reportedly asked foreign allies to stop using Huawei telecommunications products.';
export const QUOTE_1 = '“We engage with countries around the world about our concerns regarding cyberthreats in telecommunications infrastructure,”';
export const SPEAKER_1 = 'an unnamed US official';
export const CLAIM_LONG = 'US is concerned that much of its traffic still moves over commercial networks in countries such as Germany, Italy and Japan';
export const CLAIM_SHORT = 'US is concerned that much of its traffic still moves over commercial networks';
export const QUOTE_BOB = '“As they’re looking to move to 5G, we remind them of those concerns. There are additional complexities to 5G networks that make them more vulnerable to cyberattacks.”';
export const SPEAKER_ALICE = 'A Huawei spokesperson';
export const CLAIM_000 = 'the USA would be willing to boost aid for advanced telecoms equipment';
export const BOILER_000 = 'U.S. asks allies to shun Huawei equipment WSJ reports sector stocks fall Posted';

/** A span of a native record, placed at the first occurrence of its text. */
type SpanSpec = { id: string; label: string; text: string };

interface NativeRecord {
  id: string;
  text: string;
  sha256: string;
  layer: string;
  status: string;
  spans: { id: string; start: number; end: number; label: string; text: string; attrs: Record<string, string>; origin: string; createdAt: string; updatedAt: string }[];
  relations: { id: string; type: string; from: string; to: string }[];
  meta: { offsets: 'codepoint'; project: string };
}

const WHEN = '2026-11-20T09:00:00.000Z';

type Layer = Record<string, { spans: SpanSpec[]; links: [string, string][] }>;

/**
 * One annotator's layer: on A002 the claim, quote and speaker (quote linked to speaker) that both
 * annotators mark, then their own spans; then their spans on A000. Span ids are `<prefix>1`, `<prefix>2`, ...
 */
function annotatorLayer(prefix: string, ownOnA002: [label: string, text: string][], onA000: [label: string, text: string][]): Layer {
  let n = 0;
  const spans = (list: [string, string][]): SpanSpec[] => list.map(([label, text]) => ({ id: `${prefix}${++n}`, label, text }));
  return {
    [A002]: { spans: spans([['CLAIM', CLAIM_1], ['QUOTE', QUOTE_1], ['SPEAKER', SPEAKER_1], ...ownOnA002]), links: [[`${prefix}2`, `${prefix}3`]] },
    [A000]: { spans: spans(onA000), links: [] },
  };
}

/** What each annotator marked: article -> spans and QUOTE->SPEAKER links. */
const LAYERS: Record<string, Layer> = {
  alice: annotatorLayer('a', [['CLAIM', CLAIM_LONG], ['SPEAKER', SPEAKER_ALICE]], [['CLAIM', CLAIM_000]]),
  bob: annotatorLayer('b', [['CLAIM', CLAIM_SHORT], ['QUOTE', QUOTE_BOB]], [['CLAIM', CLAIM_000], ['BOILERPLATE', BOILER_000]]),
};

export const REVIEW_LAYERS = Object.keys(LAYERS);

/** Code point offsets of the first occurrence of `needle`. */
export function codePointRange(text: string, needle: string): { start: number; end: number } {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`"${needle}" is not in the article`);
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(needle).length };
}

/** One layer's native JSONL records, made on the articles of a project folder. */
export async function nativeRecords(projectDir: string, layer: string): Promise<NativeRecord[]> {
  const records: NativeRecord[] = [];
  for (const [id, { spans, links }] of Object.entries(LAYERS[layer])) {
    const text = await readFile(join(projectDir, ...id.split('/')), 'utf8');
    records.push({
      id,
      text,
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      layer,
      status: 'done',
      spans: spans.map((s) => ({ id: s.id, ...codePointRange(text, s.text), label: s.label, text: s.text, attrs: {}, origin: 'manual', createdAt: WHEN, updatedAt: WHEN })),
      relations: links.map(([from, to], k) => ({ id: `${layer}-r${k}`, type: 'ATTRIBUTED_TO', from, to })),
      meta: { offsets: 'codepoint', project: 'huawei-5g' },
    });
  }
  return records;
}

/** Writes a layer's records as native JSONL beside the project, for `gloss import`. */
export async function writeJsonl(path: string, records: NativeRecord[]): Promise<void> {
  await writeFile(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n', 'utf8');
}

/** Imports a JSONL file into a layer with the CLI, as a reviewer would. */
export function glossImport(projectDir: string, file: string, layer: string): string {
  return glossSync('import', projectDir, file, '--layer', layer);
}

/**
 * The CLI-independent path: writes each record as the layer's annotation file
 * (annotations/<layer>/<article path>.json, docs/project-format.md).
 */
export async function writeLayerFiles(projectDir: string, records: NativeRecord[]): Promise<void> {
  for (const r of records) {
    const file = join(projectDir, 'annotations', r.layer, ...r.id.split('/').slice(1)) + '.json';
    await mkdir(dirname(file), { recursive: true });
    const doc = { formatVersion: 1, article: r.id, layer: r.layer, sha256: r.sha256, status: r.status, spans: r.spans, relations: r.relations, updatedAt: WHEN };
    await writeFile(file, JSON.stringify(doc, null, 2) + '\n', 'utf8');
  }
}
