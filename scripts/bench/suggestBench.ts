/**
 * getSuggestions (all engines, as the workbench asks) per article on a generated project:
 *   npx tsx scripts/bench/suggestBench.ts [articles=10000] [samples=300]
 * Writes the project to a temp folder (10% of its articles labelled in layer `alice`), builds
 * the project evidence once (line index, the layer's passages), then times one article at a
 * time, as the app does when an article opens.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateArticles } from '../eval/generateArticles';
import { ProjectStore, sha256 } from '../../src/node/projectStore';
import { SuggestionService } from '../../src/node/suggestionService';
import { emptyLayerDoc } from '../../src/common/model';
import { addSpan } from '../../src/common/spanOps';
import { suggestQuotes } from '../../src/common/suggest/suggestQuotes';

const count = Number(process.argv[2] ?? 10_000);
const samples = Number(process.argv[3] ?? 300);

const tmp = await mkdtemp(join(tmpdir(), 'gloss-suggest-bench-'));
try {
  const store = await ProjectStore.init(join(tmp, 'project'), 'bench');
  const texts = generateArticles(count);
  const id = (i: number) => `articles/${String(i).padStart(5, '0')}.txt`;
  let t = performance.now();
  await mkdir(join(store.root, 'articles'), { recursive: true });
  for (let i = 0; i < texts.length; i++) await writeFile(join(store.root, id(i)), texts[i]);
  // 10% labelled: each quote of the article, as an annotator would have accepted it.
  for (let i = 0; i < texts.length; i += 10) {
    let doc = emptyLayerDoc(id(i), 'alice', sha256(texts[i]));
    for (const s of suggestQuotes(texts[i])) if (s.label === 'QUOTE') doc = addSpan(doc, texts[i], s.start, s.end, 'QUOTE').doc;
    await mkdir(join(store.root, 'annotations', 'alice'), { recursive: true });
    await writeFile(join(store.root, 'annotations', 'alice', `${id(i).slice('articles/'.length)}.json`), JSON.stringify(doc));
  }
  console.log(`${count} articles written in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const service = new SuggestionService(store);
  t = performance.now();
  await service.warm('alice');
  console.log(`project evidence (line index over ${count} articles, layer passages): ${((performance.now() - t) / 1000).toFixed(2)} s, once`);

  const ms: number[] = [];
  const wall: number[] = [];
  let n = 0;
  for (let k = 0; k < samples; k++) {
    const i = Math.floor((k * 7919) % count);
    const w = performance.now();
    const r = await service.getSuggestions(id(i), 'alice');
    wall.push(performance.now() - w);
    ms.push(r.ms);
    n += r.suggestions.length;
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  console.log(`getSuggestions, ${samples} articles: median ${q(wall, 0.5).toFixed(1)} ms, p95 ${q(wall, 0.95).toFixed(1)} ms, max ${Math.max(...wall).toFixed(1)} ms (${(n / samples).toFixed(1)} suggestions an article)`);
} finally {
  await rm(tmp, { recursive: true, force: true });
}
