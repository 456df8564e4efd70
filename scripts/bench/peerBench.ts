// Side by side in one Chromium run: the same article and spans shown by @recogito/text-annotator,
// a maintained JavaScript text annotation library.
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { createServer } from 'node:http';

import { join } from 'node:path';
import { OffsetMap } from '../../src/common/offsets';
import { longArticle } from './editorBench';
import { CHROMIUM, CHROMIUM_ARGS, median, percentile } from './serve';

export interface PeerFigures {
  openMs: number;
  addMedianMs: number;
  addP95Ms: number;
}

export async function peerBench(): Promise<PeerFigures> {
  const bundle = await build({ entryPoints: [join(import.meta.dirname, 'peer', 'page.ts')], bundle: true, write: false, format: 'esm', outdir: 'out', loader: { '.css': 'css' }, logLevel: 'error' });
  const js = bundle.outputFiles.find((f) => f.path.endsWith('.js'))!.text;
  const css = bundle.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css} body{margin:0} #article{white-space:pre-wrap;font-family:Georgia,serif;font-size:17px;line-height:1.9;max-width:820px;padding:12px 28px}</style></head><body><div id="article"></div><script type="module">${js}</script></body></html>`;
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'runPeer' in window);
    const { text, spans } = longArticle();
    const map = new OffsetMap(text);
    // The library counts UTF-16 code units, like the DOM.
    const toPeer = (s: { id: string; start: number; end: number; text: string }) => ({ id: s.id, start: map.toUtf16(s.start), end: map.toUtf16(s.end), quote: s.text });
    const extra = spans.slice(0, 40).map((s, i) => toPeer({ ...s, id: `extra-${i}` }));
    const result = await page.evaluate(([t, s, e]) => (window as unknown as { runPeer: (a: unknown, b: unknown, c: unknown) => Promise<{ openMs: number; addMs: number[] }> }).runPeer(t, s, e), [text, spans.map(toPeer), extra] as const);
    return { openMs: result.openMs, addMedianMs: median(result.addMs), addP95Ms: percentile(result.addMs, 95) };
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await peerBench());
}
