import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cp, mkdtemp, mkdir, writeFile, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..');

/** Runs `node bin/gloss.mjs ...args` to completion and returns its stdout; throws when it exits non-zero. */
export function glossSync(...args: string[]): string {
  return execFileSync(process.execPath, [join(repoRoot, 'bin', 'gloss.mjs'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A running `gloss serve` on a fresh copy of a project. */
export interface Served {
  url: string;
  projectDir: string;
  configDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Copies a project (default: the sample) to a temp folder and serves it in browser mode. */
export async function serveProject(options: { project?: string; annotator?: string | null; setup?: (dir: string) => Promise<void> } = {}): Promise<Served> {
  const root = await mkdtemp(join(tmpdir(), 'gloss-e2e-'));
  const projectDir = join(root, 'project');
  const configDir = join(root, 'config');
  await cp(options.project ?? join(repoRoot, 'projects', 'huawei-5g'), projectDir, { recursive: true });
  await mkdir(configDir, { recursive: true });
  if (options.annotator !== null) {
    await writeFile(join(configDir, 'settings.json'), JSON.stringify({ annotator: options.annotator ?? 'tester', recentProjects: [] }));
  }
  await options.setup?.(projectDir);
  return startServer(projectDir, configDir, root);
}

/** Starts `gloss serve` on an existing folder. */
export async function startServer(projectDir: string, configDir: string, cleanup?: string): Promise<Served> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'gloss.mjs'), 'serve', projectDir], {
    env: { ...process.env, GLOSS_CONFIG_DIR: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gloss serve did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Open: (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`gloss serve exited with ${code}: ${output}`)));
  });
  return {
    url,
    projectDir,
    configDir,
    process: child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (cleanup) await rm(cleanup, { recursive: true, force: true });
    },
  };
}

/**
 * Selects occurrence `occurrence` (0: the first) of `needle` in the article text of the view with
 * test id `view` (the article view, or the review's compare view), as a user's drag would.
 */
export async function selectText(page: Page, needle: string, occurrence = 0, view: 'article-view' | 'compare-view' = 'article-view'): Promise<void> {
  await selectAndPress(page, needle, null, occurrence, view);
  // Let ProseMirror pick up the DOM selection.
  await page.waitForTimeout(50);
}

/**
 * Selects as selectText does and, when `key` is given, presses it in the same task: before the
 * page has had any chance to react to the new selection (the fastest a user could be). Returns
 * what the save status said right after the key's own updates (null without a key).
 */
export async function selectAndPress(page: Page, needle: string, key: string | null, occurrence = 0, view: 'article-view' | 'compare-view' = 'article-view'): Promise<string | null> {
  const found = await page.evaluate(async ({ needle, key, occurrence, view }) => {
    const root = document.querySelector(`[data-testid="${view}"] .article-text`);
    if (!root) return `no ${view}`;
    // Walk text nodes, building the visible text with its node positions.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: { node: Text; start: number }[] = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n as Text, start: all.length });
      all += (n as Text).data;
    }
    let at = -1;
    for (let i = 0; i <= occurrence; i++) {
      at = all.indexOf(needle, at + 1);
      if (at === -1) return `"${needle}" not found`;
    }
    const locate = (offset: number, end: boolean) => {
      for (let i = nodes.length - 1; i >= 0; i--) {
        const { node, start } = nodes[i];
        if (end ? start < offset : start <= offset) return { node, offset: offset - start };
      }
      return { node: nodes[0].node, offset: 0 };
    };
    const a = locate(at, false);
    const b = locate(at + needle.length, true);
    window.getSelection()!.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
    if (!key) return { ok: true, status: null };
    (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    await new Promise((resolve) => queueMicrotask(() => resolve(null)));
    return { ok: true, status: document.querySelector('[data-testid="save-state"]')?.textContent ?? null };
  }, { needle, key, occurrence, view });
  expect(typeof found === 'string' ? found : 'ok').toBe('ok');
  return typeof found === 'string' ? null : found.status;
}

/** Waits until the UI says everything is saved. */
export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
}

export async function readJson<T = unknown>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

export const test = base.extend<{ served: Served }>({
  // eslint-disable-next-line no-empty-pattern
  served: async ({}, use) => {
    const served = await serveProject();
    await use(served);
    await served.stop();
  },
});
export { expect };
