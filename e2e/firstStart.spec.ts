import { join } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { test, expect, serveProject, readJson } from './fixtures';

test('asks the annotator name once and uses it as the layer', async ({ page }) => {
  const served = await serveProject({ annotator: null });
  try {
    await page.goto(served.url);
    await page.getByLabel('Annotator name').fill('alice');
    await page.getByRole('button', { name: 'Start annotating' }).click();
    await expect(page.getByLabel('Your layer')).toHaveText('layer: alice');
    const settings = await readJson<{ annotator: string }>(join(served.configDir, 'settings.json'));
    expect(settings.annotator).toBe('alice');
    await page.reload();
    await expect(page.getByLabel('Your layer')).toHaveText('layer: alice');
    await expect(page.getByLabel('Annotator name')).toHaveCount(0);
  } finally {
    await served.stop();
  }
});

test('names a corrupt annotation file, never overwrites it, and keeps other articles working', async ({ page }) => {
  const corrupt = '{"formatVersion": 1, "spans": [\n  {"id": "s1",, }\n';
  const served = await serveProject({
    setup: async (dir) => {
      const { mkdir } = await import('node:fs/promises');
      await mkdir(join(dir, 'annotations', 'tester'), { recursive: true });
      await writeFile(join(dir, 'annotations', 'tester', '000_d60caff024a14a5b.txt.json'), corrupt);
    },
  });
  try {
    await page.goto(served.url);
    await expect(page.locator('.problems')).toContainText('annotations/tester/000_d60caff024a14a5b.txt.json: not valid JSON at line 2');
    await page.locator('[data-article-id="articles/000_d60caff024a14a5b.txt"]').click();
    await expect(page.locator('.read-only')).toContainText('000_d60caff024a14a5b.txt.json');
    await page.keyboard.press('1');
    // Another article still works and saves.
    await page.locator('[data-article-id="articles/001_60324c60597a4f74.txt"]').click();
    await expect(page.locator('.article-id')).toHaveText('articles/001_60324c60597a4f74.txt');
    await expect(page.locator('.read-only')).toHaveCount(0);
    expect(await readFile(join(served.projectDir, 'annotations', 'tester', '000_d60caff024a14a5b.txt.json'), 'utf8')).toBe(corrupt);
  } finally {
    await served.stop();
  }
});
