import { join } from 'node:path';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { test, expect, selectText, waitSaved, readJson, serveProject } from './fixtures';
import type { LayerDoc } from '../src/common/model';

const ID = 'articles/002_9edfdb1c8f18fd6b.txt';
const FILE = '002_9edfdb1c8f18fd6b.txt.json';

test('reloads an annotation file another program rewrote, and lists an article added on disk', async ({ page, served }) => {
  await page.goto(served.url);
  await page.locator(`[data-article-id="${ID}"]`).click();
  await expect(page.locator('.article-id')).toHaveText(ID);
  const text = await readFile(join(served.projectDir, ID), 'utf8');
  const quote = 'an unnamed US official';
  const start = Array.from(text.slice(0, text.indexOf(quote))).length;
  const doc: LayerDoc = {
    formatVersion: 1, article: ID, layer: 'tester', sha256: createHash('sha256').update(text).digest('hex'), status: 'in_progress',
    spans: [{ id: 'pulled', start, end: start + quote.length, label: 'SPEAKER', text: quote, attrs: {}, origin: 'manual', createdAt: '', updatedAt: '' }],
    relations: [], updatedAt: '',
  };
  await mkdir(join(served.projectDir, 'annotations', 'tester'), { recursive: true });
  await writeFile(join(served.projectDir, 'annotations', 'tester', FILE), JSON.stringify(doc));
  await expect(page.getByTestId('outside-change')).toContainText('changed by another program', { timeout: 15_000 });
  await expect(page.locator('[data-testid="span-item"][data-label="SPEAKER"]')).toHaveCount(1);

  await writeFile(join(served.projectDir, 'articles', '005_new.txt'), 'A new article pulled in by git\nSecond line.\n');
  await expect(page.locator('[data-article-id="articles/005_new.txt"]')).toHaveCount(1, { timeout: 15_000 });
});

test('a second window on the same layer is read-only', async ({ browser, served }) => {
  const first = await browser.newPage();
  await first.goto(served.url);
  await first.locator(`[data-article-id="${ID}"]`).click();
  await expect(first.locator('.article-id')).toHaveText(ID);
  const second = await (await browser.newContext()).newPage();
  await second.goto(served.url);
  await second.locator(`[data-article-id="${ID}"]`).click();
  await expect(second.locator('.article-id')).toHaveText(ID);
  await expect(second.locator('.read-only')).toContainText('Read-only: another Gloss window');
  await selectText(second, 'an unnamed US official');
  await second.keyboard.press('3');
  await expect(second.getByTestId('span-item')).toHaveCount(0);
  // Nor does it record rejections of suggestions: the buttons are off and the key says why.
  await expect(second.getByTestId('suggestion-label').first()).toBeVisible();
  await expect(second.getByRole('button', { name: /^Reject all/ }).first()).toBeDisabled();
  await second.locator('.article-view .ProseMirror').focus();
  await second.keyboard.press('Tab');
  await expect(second.getByTestId('current-suggestion')).toBeVisible();
  await expect(second.getByTestId('current-suggestion').getByRole('button', { name: /^Reject/ })).toBeDisabled();
  await second.keyboard.press('Backspace');
  await expect(second.getByTestId('message')).toHaveText('Not rejected: this layer is open read-only here.');
  await expect(readdir(join(served.projectDir, 'suggestions'))).rejects.toThrow();
  // The first window still edits.
  await selectText(first, 'an unnamed US official');
  await first.keyboard.press('3');
  await waitSaved(first);
  const doc = await readJson<LayerDoc>(join(served.projectDir, 'annotations', 'tester', FILE));
  expect(doc.spans).toHaveLength(1);
});

test('an unreadable layer file can be set aside and the layer started fresh, losing nothing', async ({ page }) => {
  const corrupt = '<<<<<<< HEAD\n{"spans": []}\n=======\n{"spans": [1]}\n>>>>>>> theirs\n';
  const served = await serveProject({
    setup: async (dir) => {
      await mkdir(join(dir, 'annotations', 'tester'), { recursive: true });
      await writeFile(join(dir, 'annotations', 'tester', FILE), corrupt);
    },
  });
  try {
    await page.goto(served.url);
    await page.locator(`[data-article-id="${ID}"]`).click();
    await expect(page.locator('.read-only')).toContainText('git conflict markers at line 1');
    await page.getByRole('button', { name: /Start this layer fresh/ }).click();
    await expect(page.getByTestId('message')).toContainText('moved to');
    await selectText(page, 'an unnamed US official');
    await page.keyboard.press('3');
    await waitSaved(page);
    const doc = await readJson<LayerDoc>(join(served.projectDir, 'annotations', 'tester', FILE));
    expect(doc.spans.map((s) => s.text)).toEqual(['an unnamed US official']);
    // The conflicted file was kept, byte for byte.
    const asideDir = join(served.projectDir, 'annotations', '.set-aside');
    const kept = await findFiles(asideDir);
    expect(await Promise.all(kept.map((f) => readFile(f, 'utf8')))).toContain(corrupt);
  } finally {
    await served.stop();
  }
});

test('article text that looks like HTML or script is shown as text and never runs', async ({ page }) => {
  const hostile = 'Headline <script>window.__pwned = 1</script>\n<img src="http://127.0.0.2/x.png" onerror="window.__pwned = 2">\n<a href="javascript:window.__pwned=3">click</a>\n';
  const served = await serveProject({ setup: (dir) => writeFile(join(dir, 'articles', '009_hostile.txt'), hostile) });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
  try {
    await page.goto(served.url);
    await page.locator('[data-article-id="articles/009_hostile.txt"]').click();
    await expect(page.locator('.article-text')).toContainText('<script>window.__pwned = 1</script>');
    await expect(page.locator('.article-text img, .article-text script, .article-text a')).toHaveCount(0);
    await page.locator('.article-text').getByText('click').click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    expect(requests.filter((u) => !u.startsWith(served.url.split('/?')[0]))).toEqual([]);
  } finally {
    await served.stop();
  }
});

async function findFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const item of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const abs = join(dir, item.name);
    if (item.isDirectory()) out.push(...(await findFiles(abs)));
    else out.push(abs);
  }
  return out;
}
