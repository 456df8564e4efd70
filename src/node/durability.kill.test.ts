// Kill test: a child process serves a project over the HTTP bridge; the test streams saveLayer
// calls with an increasing counter and SIGKILLs the child at random moments (fixed seed), many
// times. After every kill each annotation file must still be valid and hold at least the last
// edit whose call returned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { LayerDoc, Span } from '../common/model';
import { seededRandom } from '../common/seededRandom';
import { ProjectStore, sha256 } from './projectStore';
import { TOKEN_HEADER } from './httpBridge';

const SAMPLE = resolve(import.meta.dirname, '..', '..', 'projects', 'huawei-5g');
const ROUNDS = 30;
const SEED = 20261125;
const LAYER = 'kill';

let tmp: string;
let project: string;
let childScript: string;
let rendererDir: string;
let articles: { id: string; text: string }[];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gloss-kill-'));
  project = join(tmp, 'huawei-5g');
  await cp(SAMPLE, project, { recursive: true });
  rendererDir = join(tmp, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html>');
  childScript = join(tmp, 'child.mjs');
  // One bundle, so each restart costs a plain `node` start-up rather than a TypeScript loader's.
  await build({
    entryPoints: [join(import.meta.dirname, 'durability.child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  const store = await ProjectStore.open(project);
  const { articles: entries } = await store.scanArticles();
  articles = await Promise.all(entries.map(async (e) => ({ id: e.id, text: (await store.readArticle(e.id)).text })));
}, 60_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A layer document whose first span carries the counter; it grows and shrinks so file sizes vary. */
function docFor(article: { id: string; text: string }, counter: number): LayerDoc {
  const n = 1 + (counter % 40);
  const spans: Span[] = Array.from({ length: n }, (_, i) => {
    const start = (i * 37) % Math.max(1, article.text.length - 20);
    return { id: `s${i}`, start, end: start + 10, label: 'CLAIM', text: [...article.text].slice(start, start + 10).join(''), attrs: i === 0 ? { counter: String(counter) } : ({} as Record<string, string>), origin: 'manual', createdAt: '2026-11-25T10:00:00Z', updatedAt: new Date().toISOString() };
  });
  return { formatVersion: 1, article: article.id, layer: LAYER, sha256: sha256(article.text), status: 'in_progress', spans, relations: [], updatedAt: new Date().toISOString() };
}

function startChild(): Promise<{ child: ChildProcess; port: number; token: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [childScript, project, rendererDir, join(tmp, 'config')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const line = out.split('\n')[0];
      if (out.includes('\n')) ok({ child, ...(JSON.parse(line) as { port: number; token: string }) });
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('exit', (code, signal) => {
      if (!out.includes('\n')) fail(new Error(`child exited (${code ?? signal}) before listening: ${err}`));
    });
  });
}

describe('durability under SIGKILL', () => {
  it(`keeps every annotation file valid and every acknowledged save, over ${ROUNDS} kills`, async () => {
    const random = seededRandom(SEED); // fixed seed: every run kills at the same moments
    const acknowledged = new Map<string, number>();
    const sent = new Map<string, number>();
    let counter = 0;
    let acks = 0;
    let interrupted = 0;
    let tempLeftovers = 0;
    const started = performance.now();
    for (let round = 0; round < ROUNDS; round++) {
      const { child, port, token } = await startChild();
      const exited = new Promise<void>((done) => child.on('exit', () => done()));
      let alive = true;
      // One stream of saves per article, all in flight at once, until the kill.
      const streams = articles.map(async (article) => {
        while (alive) {
          const n = ++counter;
          sent.set(article.id, n);
          try {
            const response = await fetch(`http://127.0.0.1:${port}/api/saveLayer`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
              body: JSON.stringify({ args: [article.id, LAYER, docFor(article, n)] }),
            });
            const body = (await response.json()) as { result?: unknown; error?: { message: string } };
            if (response.status !== 200 || body.error) throw new Error(`save refused: ${body.error?.message ?? response.status}`);
            acknowledged.set(article.id, n);
            acks++;
          } catch (error) {
            if (alive) throw error;
            interrupted++;
          }
        }
      });
      const delay = 15 + Math.floor(random() * 250);
      await new Promise((done) => setTimeout(done, delay));
      alive = false;
      child.kill('SIGKILL');
      await exited;
      await Promise.all(streams);

      // A fresh store reads what is on disk, as the next start of Gloss would.
      const store = await ProjectStore.open(project);
      for (const article of articles) {
        const doc = await store.readLayerFile(article.id, LAYER);
        const ack = acknowledged.get(article.id);
        if (ack === undefined) continue;
        expect(doc, `${article.id} after round ${round}`).not.toBeNull();
        const onDisk = Number(doc!.spans[0].attrs.counter);
        expect(onDisk, `${article.id} after round ${round}`).toBeGreaterThanOrEqual(ack);
        expect(onDisk).toBeLessThanOrEqual(sent.get(article.id)!);
        const backup = await store.readLayerBackup(article.id, LAYER);
        if (backup) expect(Number(backup.spans[0].attrs.counter)).toBeLessThanOrEqual(onDisk);
      }
      const check = await store.validate();
      expect(check.problems, `round ${round}`).toEqual([]);
      // Temp files of a killed process are swept by the next process's first save of that file: they never pile up.
      const leftovers = check.warnings.filter((w) => /temporary file left by an interrupted save/.test(w.message)).length;
      expect(leftovers).toBeLessThanOrEqual(articles.length);
      tempLeftovers += leftovers;
    }
    const seconds = (performance.now() - started) / 1000;
    const files = await readdir(join(project, 'annotations', LAYER));
    console.log(`kill test: ${ROUNDS} SIGKILLs, ${acks} acknowledged saves, ${interrupted} interrupted, ${tempLeftovers} temp files left by the kills (swept on the next start), ${files.filter((f) => f.endsWith('.json')).length} annotation files, ${seconds.toFixed(1)} s`);
    expect(acks).toBeGreaterThan(ROUNDS);
  }, 90_000);
});
