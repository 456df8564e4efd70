import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { test, expect, selectText, selectAndPress, waitSaved, readJson, serveProject, repoRoot } from './fixtures';
import { pythonCheckNative } from './pythonCheck';
import type { Page } from '@playwright/test';
import type { LayerDoc } from '../src/common/model';

const QUOTE = '“We engage with countries around the world about our concerns regarding cyberthreats in telecommunications infrastructure,”';
const CLAIM = 'regarding cyberthreats in telecommunications infrastructure,” an unnamed US official told the Journal.';

async function openArticle(page: Page, id: string): Promise<void> {
  await page.locator(`[data-article-id="${id}"]`).click();
  await expect(page.locator('.article-id')).toHaveText(id);
}

async function exportNative(page: Page, layer: string, dir: string): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByLabel('Format').selectOption('native');
  await page.getByLabel('Layer', { exact: true }).selectOption(layer);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

test('labels a curly-quoted QUOTE and an overlapping CLAIM, keeps them over a reload, exports exact offsets', async ({ page, served }) => {
  await page.goto(served.url);
  const id = 'articles/002_9edfdb1c8f18fd6b.txt';
  await openArticle(page, id);

  await selectText(page, QUOTE);
  await page.keyboard.press('2');
  await expect(page.getByTestId('span-item')).toHaveCount(1);
  await selectText(page, CLAIM);
  await page.getByTestId('label-CLAIM').click();
  await expect(page.getByTestId('span-item')).toHaveCount(2);
  await waitSaved(page);
  // The article stays an editing host React does not walk on every render (see createArticleEditor).
  await expect(page.getByTestId('article-view').locator('.article-text')).toHaveAttribute('contenteditable', 'plaintext-only');

  // On disk, in the tester's layer.
  const doc = await readJson<LayerDoc>(join(served.projectDir, 'annotations', 'tester', '002_9edfdb1c8f18fd6b.txt.json'));
  expect(doc.spans.map((s) => [s.label, s.text]).sort()).toEqual([['CLAIM', CLAIM], ['QUOTE', QUOTE]]);

  // A reload comes back to the article this window had open (not the project's first).
  await page.reload();
  await expect(page.locator('.article-id')).toHaveText(id);
  await expect(page.getByTestId('span-item')).toHaveCount(2);
  await expect(page.locator('[data-testid="span-item"][data-label="QUOTE"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="span-item"][data-label="CLAIM"]')).toHaveCount(1);
  // The article list counts them too.
  await expect(page.locator(`[data-article-id="${id}"] [data-testid="article-count"]`)).toHaveText('2 spans');

  const file = await exportNative(page, 'tester', served.projectDir);
  expect(pythonCheckNative(file)).toEqual({ QUOTE: 1, CLAIM: 1 });
  // The README's screenshot is taken here, from the real app with real spans.
  await page.locator('[data-testid="span-item"][data-label="QUOTE"] .span-select').click();
  await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot.png') });
});

test('labels text after an emoji in a CRLF article with exact code point offsets', async ({ page }) => {
  const text = 'Emoji 😀 headline\r\n\r\nThe family 👩‍👩‍👧 said “we 🎉 agree” today.\r\nLast line after é and 中文.\r\n';
  const served = await serveProject({ setup: (dir) => writeFile(join(dir, 'articles', '010_emoji_crlf.txt'), text) });
  try {
    await page.goto(served.url);
    await openArticle(page, 'articles/010_emoji_crlf.txt');
    await selectText(page, '“we 🎉 agree”');
    await page.keyboard.press('2');
    await selectText(page, 'Last line after é');
    await page.keyboard.press('1');
    await waitSaved(page);
    const doc = await readJson<LayerDoc>(join(served.projectDir, 'annotations', 'tester', '010_emoji_crlf.txt.json'));
    const chars = Array.from(text);
    for (const s of doc.spans) expect(chars.slice(s.start, s.end).join('')).toBe(s.text);
    expect(doc.spans.map((s) => s.text).sort()).toEqual(['Last line after é', '“we 🎉 agree”']);
    const file = await exportNative(page, 'tester', served.projectDir);
    expect(pythonCheckNative(file)).toEqual({ QUOTE: 1, CLAIM: 1 });
  } finally {
    await served.stop();
  }
});

test('deletes a selected span with the Delete key and saves the change', async ({ page, served }) => {
  await page.goto(served.url);
  const id = 'articles/002_9edfdb1c8f18fd6b.txt';
  await openArticle(page, id);
  await selectText(page, 'an unnamed US official');
  await page.keyboard.press('3');
  await waitSaved(page);
  await expect(page.getByTestId('span-item')).toHaveCount(1);
  // Click the painted span in the text, then delete it by keyboard.
  await page.locator('.g-span').first().click();
  await expect(page.locator('[data-testid="span-item"].selected')).toHaveCount(1);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('span-item')).toHaveCount(0);
  await waitSaved(page);
  const doc = await readJson<LayerDoc>(join(served.projectDir, 'annotations', 'tester', '002_9edfdb1c8f18fd6b.txt.json'));
  expect(doc.spans).toEqual([]);
});

test('a label key pressed the instant text is selected labels that text, also while suggestions arrive over it', async ({ page, served }) => {
  // Hold the engines' suggestions back: they paint over the very words selected below.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/getSuggestions', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(served.url);
  const id = 'articles/002_9edfdb1c8f18fd6b.txt';
  await openArticle(page, id);

  // Select and press 3 (SPEAKER) in one task, before the editor has seen the selection change.
  // The status line says at once that the edit is not saved yet ("Saved" means on disk).
  expect(await selectAndPress(page, 'an unnamed US official', '3')).toBe('Unsaved changes');
  await expect(page.getByTestId('span-item')).toHaveCount(1);
  await expect(page.locator('[data-testid="span-item"][data-label="SPEAKER"]')).toHaveCount(1);

  // Select, then let the suggestions arrive and repaint the text under the selection: the
  // selection stays, and the label key still labels it.
  await selectAndPress(page, 'told the Journal', null);
  release();
  await expect(page.locator('.g-suggestion').first()).toBeVisible();
  expect(await page.evaluate(() => String(window.getSelection()))).toBe('told the Journal');
  await page.keyboard.press('1');
  await expect(page.getByTestId('span-item')).toHaveCount(2);
  await waitSaved(page);
  const doc = await readJson<LayerDoc>(join(served.projectDir, 'annotations', 'tester', '002_9edfdb1c8f18fd6b.txt.json'));
  expect(doc.spans.map((s) => [s.label, s.text]).sort()).toEqual([['CLAIM', 'told the Journal'], ['SPEAKER', 'an unnamed US official']]);
});

test('an edit made while the open article reloads is kept, not replaced by what was read', async ({ page, served }) => {
  await page.goto(served.url);
  const id = 'articles/002_9edfdb1c8f18fd6b.txt';
  await openArticle(page, id);
  // Hold the next read of the layer: picking the open article again reloads it.
  let arrived: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (arrived = resolve));
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/getLayer', async (route) => {
    arrived();
    await released;
    await route.continue();
  });
  await page.locator(`[data-article-id="${id}"]`).click();
  await held;
  // The article is still there to work on while it reloads: label a speaker.
  await selectText(page, 'an unnamed US official');
  await page.keyboard.press('3');
  await expect(page.getByTestId('span-item')).toHaveCount(1);
  const reloaded = page.waitForResponse('**/api/getLayer');
  release();
  await reloaded;
  await page.unroute('**/api/getLayer');
  // What the reload read (no spans) does not replace the newer edit, and the next edit builds on it.
  await selectText(page, 'told the Journal');
  await page.keyboard.press('1');
  await expect(page.getByTestId('span-item')).toHaveCount(2);
  await waitSaved(page);
  const doc = await readJson<LayerDoc>(join(served.projectDir, 'annotations', 'tester', '002_9edfdb1c8f18fd6b.txt.json'));
  expect(doc.spans.map((s) => [s.label, s.text]).sort()).toEqual([['CLAIM', 'told the Journal'], ['SPEAKER', 'an unnamed US official']]);
});

test('selects by keyboard: a caret and Shift+arrows, then a label key', async ({ page, served }) => {
  await page.goto(served.url);
  const id = 'articles/002_9edfdb1c8f18fd6b.txt';
  await openArticle(page, id);
  // Put the caret just before "an unnamed US official" (an empty selection), as a click would.
  await page.evaluate(() => {
    const root = document.querySelector('[data-testid="article-view"] .article-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf('an unnamed US official');
      if (at >= 0) {
        window.getSelection()!.collapse(n, at);
        return;
      }
    }
    throw new Error('text not found');
  });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 'an unnamed US official'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  expect(await page.evaluate(() => String(window.getSelection()))).toBe('an unnamed US official');
  await page.keyboard.press('3');
  await expect(page.locator('[data-testid="span-item"][data-label="SPEAKER"]')).toHaveCount(1);
  await waitSaved(page);
  const doc = await readJson<LayerDoc>(join(served.projectDir, 'annotations', 'tester', '002_9edfdb1c8f18fd6b.txt.json'));
  expect(doc.spans.map((s) => [s.label, s.text])).toEqual([['SPEAKER', 'an unnamed US official']]);
});
