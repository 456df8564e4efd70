// Deterministic generators for the benchmarks: articles, spans and projects.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { defaultSchema, FORMAT_VERSION } from '../../src/common/model';
import type { LayerDoc, Span } from '../../src/common/model';
import { seededRandom } from '../../src/common/seededRandom';

const WORDS = 'the government said huawei equipment networks allies officials security telecom company report according spokesperson united states china 5G infrastructure market countries concerns sanctions “quoted” words café naïve 😀 über'.split(' ');

/** News-like text of about `length` characters, in lines of sentences, some with emoji and accents. */
export function generateText(length: number, seed: number): string {
  const random = seededRandom(seed);
  const lines: string[] = [];
  let total = 0;
  while (total < length) {
    const sentences: string[] = [];
    const n = 1 + Math.floor(random() * 4);
    for (let s = 0; s < n; s++) {
      const words: string[] = [];
      const w = 6 + Math.floor(random() * 18);
      for (let i = 0; i < w; i++) words.push(WORDS[Math.floor(random() * WORDS.length)]);
      words[0] = words[0][0].toUpperCase() + words[0].slice(1);
      sentences.push(words.join(' ') + '.');
    }
    const line = sentences.join(' ');
    lines.push(line);
    total += line.length + 1;
  }
  return lines.join('\n').slice(0, length);
}

/** `count` spans over the text with word-ish boundaries, about a third overlapping another. */
export function generateSpans(text: string, count: number, seed: number, labels = ['CLAIM', 'QUOTE', 'SPEAKER', 'BOILERPLATE']): Span[] {
  const random = seededRandom(seed);
  const chars = Array.from(text);
  const spans: Span[] = [];
  const now = '2026-11-25T00:00:00.000Z';
  for (let i = 0; i < count; i++) {
    const start = Math.floor(random() * (chars.length - 200));
    const end = start + 3 + Math.floor(random() * (random() < 0.3 ? 180 : 40));
    spans.push({ id: `s${seed}_${i}`, start, end, label: labels[Math.floor(random() * labels.length)], text: chars.slice(start, end).join(''), attrs: {}, origin: 'manual', createdAt: now, updatedAt: now });
  }
  return spans.sort((a, b) => a.start - b.start);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Writes a project folder: gloss.json, `articles` articles and the given layers with `spansPerArticle` spans each. */
export async function generateProject(dir: string, options: { articles: number; length: number; layers: string[]; spansPerArticle: number; seed?: number }): Promise<void> {
  const seed = options.seed ?? 1;
  await mkdir(join(dir, 'articles'), { recursive: true });
  await writeFile(join(dir, 'gloss.json'), JSON.stringify({ format: 'gloss-project', formatVersion: FORMAT_VERSION, name: 'bench', schema: defaultSchema() }, null, 2));
  for (const layer of options.layers) await mkdir(join(dir, 'annotations', layer), { recursive: true });
  const pad = String(options.articles).length;
  const writes: Promise<void>[] = [];
  for (let i = 0; i < options.articles; i++) {
    const name = `a${String(i).padStart(pad, '0')}.txt`;
    const text = generateText(options.length, seed * 100_003 + i);
    writes.push(writeFile(join(dir, 'articles', name), text));
    options.layers.forEach((layer, l) => {
      const doc: LayerDoc = { formatVersion: FORMAT_VERSION, article: `articles/${name}`, layer, sha256: sha256(text), status: 'in_progress', spans: generateSpans(text, options.spansPerArticle, seed * 7919 + i * 31 + l), relations: [], updatedAt: '2026-11-25T00:00:00.000Z' };
      writes.push(writeFile(join(dir, 'annotations', layer, `${name}.json`), JSON.stringify(doc)));
    });
    if (writes.length > 200) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}
