// The long-article editor benchmark: 100,000 characters with 2,000 spans (overlaps included).
import { chromium } from '@playwright/test';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSchema, FORMAT_VERSION } from '../../src/common/model';
import { generateSpans, generateText, sha256 } from './generate';
import { serve, CHROMIUM, CHROMIUM_ARGS, median, percentile } from './serve';

export interface EditorFigures {
  chars: number;
  spans: number;
  openMs: number;
  labelMedianMs: number;
  labelP95Ms: number;
  labelSamples: number;
  /** Median time the key handler took, the span's DOM already updated when it returns. */
  labelHandlerMedianMs: number;
  /** Median time to the first animation frame after the press (the frame that shows the span starts). */
  labelFrameMedianMs: number;
  scrollMs: number;
  scrollWorstFrameMs: number;
  heapMB: number;
}

export const LONG_LENGTH = 100_000;
export const LONG_SPANS = 2_000;

/** Writes the benchmark article and its spans; shared with the peer benchmark so both show the same. */
export function longArticle(): { text: string; spans: ReturnType<typeof generateSpans> } {
  const text = generateText(LONG_LENGTH, 42);
  return { text, spans: generateSpans(text, LONG_SPANS, 7) };
}

export async function editorBench(): Promise<EditorFigures> {
  const root = await mkdtemp(join(tmpdir(), 'gloss-bench-editor-'));
  const project = join(root, 'project');
  await mkdir(join(project, 'articles'), { recursive: true });
  await mkdir(join(project, 'annotations', 'bench'), { recursive: true });
  await mkdir(join(root, 'config'));
  await writeFile(join(root, 'config', 'settings.json'), JSON.stringify({ annotator: 'bench', recentProjects: [] }));
  await writeFile(join(project, 'gloss.json'), JSON.stringify({ format: 'gloss-project', formatVersion: FORMAT_VERSION, name: 'bench', schema: defaultSchema() }));
  await writeFile(join(project, 'articles', 'a-short.txt'), 'A short article.\n');
  const { text, spans } = longArticle();
  await writeFile(join(project, 'articles', 'b-long.txt'), text);
  await writeFile(join(project, 'annotations', 'bench', 'b-long.txt.json'), JSON.stringify({ formatVersion: FORMAT_VERSION, article: 'articles/b-long.txt', layer: 'bench', sha256: sha256(text), status: 'in_progress', spans, relations: [], updatedAt: '' }));

  const server = await serve(project, join(root, 'config'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // tsx keeps function names with a __name helper that the page does not have.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    // GLOSS_BENCH_SUGGESTIONS=off measures the editor without the engines' suggestions shown.
    if (process.env.GLOSS_BENCH_SUGGESTIONS === 'off') await page.addInitScript({ content: "localStorage.setItem('gloss-show-suggestions', 'off');" });
    await page.goto(server.url);
    await page.locator('.article-id').filter({ hasText: 'a-short' }).waitFor({ timeout: 30_000 });
    console.error('editor bench: app open');
    // Open: click in the list until the long article is painted with its spans and a frame is shown.
    const openMs = await page.evaluate(async () => {
      const t0 = performance.now();
      (document.querySelector('[data-article-id="articles/b-long.txt"]') as HTMLButtonElement).click();
      await new Promise<void>((resolve) => {
        const check = () => (document.querySelector('.article-id')?.textContent === 'articles/b-long.txt' && document.querySelector('.g-span') ? resolve() : requestAnimationFrame(check));
        check();
      });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    });
    console.error(`editor bench: long article open in ${openMs.toFixed(0)} ms`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    const heapMB = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024;

    // Label: select a few words, press "1", wait for the new span to be painted and a frame shown.
    const samples: number[] = [];
    const handlerSamples: number[] = [];
    const frameSamples: number[] = [];
    for (let i = 0; i < 40; i++) {
      const ms = await page.evaluate(async (i) => {
        const editorDom = document.querySelector('.article-text') as HTMLElement;
        editorDom.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        await new Promise((r) => setTimeout(r, 30));
        const paragraphs = document.querySelectorAll('.article-text p');
        const p = paragraphs[(i * 37) % paragraphs.length];
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        const node = walker.nextNode() as Text;
        if (!node || node.data.length < 12) return -1;
        window.getSelection()!.setBaseAndExtent(node, 2, node, Math.min(node.data.length, 20));
        // The editor picks up a DOM selection on the browser's selectionchange event.
        await new Promise((r) => setTimeout(r, 80));
        const t0 = performance.now();
        editorDom.dispatchEvent(new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true }));
        const handlerMs = performance.now() - t0;
        const frame = new Promise<number>((r) => requestAnimationFrame(() => r(performance.now() - t0)));
        const painted = await new Promise<boolean>((resolve) => {
          const check = () => (document.querySelector('.article-text .g-selected') ? resolve(true) : performance.now() - t0 > 5000 ? resolve(false) : requestAnimationFrame(check));
          queueMicrotask(check);
        });
        if (!painted) {
          const message = document.querySelector('[data-testid="message"]')?.textContent ?? '';
          // A selection the editor had not picked up yet is not a labelling sample.
          if (message.startsWith('Select some text')) return -1;
          throw new Error(`label ${i}: no span painted within 5 s (${message || 'no message'})`);
        }
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return { ms: performance.now() - t0, handlerMs, frameMs: await frame };
      }, i);
      if (ms === -1) continue;
      samples.push(ms.ms);
      handlerSamples.push(ms.handlerMs);
      frameSamples.push(ms.frameMs);
    }

    // Scroll the article from top to bottom a screen at a time, one frame per step.
    const scroll = await page.evaluate(async () => {
      const pane = document.querySelector('.article-pane') as HTMLElement;
      pane.scrollTop = 0;
      const t0 = performance.now();
      let worst = 0;
      while (pane.scrollTop + pane.clientHeight < pane.scrollHeight - 1) {
        const f0 = performance.now();
        pane.scrollTop += pane.clientHeight;
        await new Promise((r) => requestAnimationFrame(r));
        worst = Math.max(worst, performance.now() - f0);
      }
      return { total: performance.now() - t0, worst };
    });
    return {
      chars: text.length,
      spans: spans.length,
      openMs,
      labelMedianMs: median(samples),
      labelP95Ms: percentile(samples, 95),
      labelSamples: samples.length,
      labelHandlerMedianMs: median(handlerSamples),
      labelFrameMedianMs: median(frameSamples),
      scrollMs: scroll.total,
      scrollWorstFrameMs: scroll.worst,
      heapMB,
    };
  } finally {
    await browser.close();
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await editorBench());
}
