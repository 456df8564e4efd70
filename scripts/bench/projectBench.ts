// Opening a project of 10,000 articles (about 50 MB): the store's listing, cold and warm, and in
// the browser the time to the article list and to the first article painted, plus the serving
// process's memory.
import { chromium } from '@playwright/test';
import { mkdtemp, mkdir, writeFile, rm, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectStore } from '../../src/node/projectStore';
import { generateProject } from './generate';
import { serve, CHROMIUM, CHROMIUM_ARGS } from './serve';

export interface ProjectFigures {
  articles: number;
  megabytes: number;
  listColdMs: number;
  listWarmMs: number;
  browserListMs: number;
  browserFirstArticleMs: number;
  serverRssMB: number;
}

export async function projectBench(articles = 10_000, length = 5_000): Promise<ProjectFigures> {
  const root = await mkdtemp(join(tmpdir(), 'gloss-bench-project-'));
  const project = join(root, 'project');
  try {
    await generateProject(project, { articles, length, layers: ['alice'], spansPerArticle: 20 });
    let t = performance.now();
    await (await ProjectStore.open(project)).info();
    const listColdMs = performance.now() - t;
    t = performance.now();
    await (await ProjectStore.open(project)).info();
    const listWarmMs = performance.now() - t;

    await mkdir(join(root, 'config'));
    await writeFile(join(root, 'config', 'settings.json'), JSON.stringify({ annotator: 'alice', recentProjects: [] }));
    const server = await serve(project, join(root, 'config'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const t0 = Date.now();
      await page.goto(server.url);
      await page.locator('[data-testid="article-item"]').first().waitFor({ timeout: 120_000 });
      const browserListMs = Date.now() - t0;
      await page.locator('.article-text p').first().waitFor({ timeout: 120_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      const browserFirstArticleMs = Date.now() - t0;
      const status = await readFile(`/proc/${server.child.pid}/status`, 'utf8').catch(() => '');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
      return { articles, megabytes: (articles * length) / 1e6, listColdMs, listWarmMs, browserListMs, browserFirstArticleMs, serverRssMB: rss };
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await projectBench(Number(process.argv[2] ?? 10_000)));
}
