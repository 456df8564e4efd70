import { _electron as electron } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, repoRoot, selectText, waitSaved, readJson } from './fixtures';
import type { LayerDoc } from '../src/common/model';

/** The Electron binary if it was downloaded (npm fetches it on first use, which needs internet). */
function electronBinary(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
  const pathFile = join(repoRoot, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(repoRoot, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

test('the desktop app opens a project, labels a span and writes it to disk', async () => {
  const binary = electronBinary();
  if (!binary) {
    const reason = 'Electron binary not installed (node_modules/electron/path.txt missing: it is downloaded on first use, which needs internet); the browser-mode specs cover the same renderer';
    console.log(`SKIPPED electron spec: ${reason}`);
    test.skip(true, reason);
    return;
  }
  const root = await mkdtemp(join(tmpdir(), 'gloss-electron-'));
  const project = join(root, 'project');
  const config = join(root, 'config');
  await cp(join(repoRoot, 'projects', 'huawei-5g'), project, { recursive: true });
  await mkdir(config, { recursive: true });
  await writeFile(join(config, 'settings.json'), JSON.stringify({ annotator: 'desktop', recentProjects: [] }));
  const app = await electron.launch({ executablePath: binary, args: [repoRoot], env: { ...process.env, GLOSS_CONFIG_DIR: config, GLOSS_PROJECT: project } });
  try {
    const page = await app.firstWindow();
    await page.locator('[data-article-id="articles/002_9edfdb1c8f18fd6b.txt"]').click();
    await selectText(page, 'an unnamed US official');
    await page.keyboard.press('3');
    await waitSaved(page);
    const doc = await readJson<LayerDoc>(join(project, 'annotations', 'desktop', '002_9edfdb1c8f18fd6b.txt.json'));
    expect(doc.spans.map((s) => [s.label, s.text])).toEqual([['SPEAKER', 'an unnamed US official']]);
    // The window is hardened: no Node in the page, only window.gloss.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { gloss?: object }).gloss)).toBe('object');
  } finally {
    await app.close();
    await rm(root, { recursive: true, force: true });
  }
});
