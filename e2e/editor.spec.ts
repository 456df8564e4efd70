import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { test, expect, glossSync, selectText, waitSaved, readJson, serveProject } from './fixtures';
import type { Page } from '@playwright/test';
import type { LayerDoc } from '../src/common/model';

const ID = 'articles/002_9edfdb1c8f18fd6b.txt';
const FILE = '002_9edfdb1c8f18fd6b.txt.json';

async function openArticle(page: Page, id: string): Promise<void> {
  await page.locator(`[data-article-id="${id}"]`).click();
  await expect(page.locator('.article-id')).toHaveText(id);
}

const spanItems = (page: Page, label?: string) => page.locator(label ? `[data-testid="span-item"][data-label="${label}"]` : '[data-testid="span-item"]');

test('overlapping, nested, linked and attributed spans with undo and redo survive a reload and reach the export', async ({ page, served }) => {
  await page.goto(served.url);
  await openArticle(page, ID);

  // Two CLAIMs sharing words, and a QUOTE nested inside the first; a selection mid-word snaps to words.
  await selectText(page, 'United States government has reportedly asked');
  await page.keyboard.press('1');
  await selectText(page, 'portedly asked foreign allies to stop');
  await page.keyboard.press('1');
  await selectText(page, 'States government');
  await page.keyboard.press('2');
  await expect(spanItems(page, 'CLAIM')).toHaveCount(2);
  await expect(spanItems(page, 'QUOTE')).toHaveCount(1);
  await waitSaved(page);
  let doc = await readJson<LayerDoc>(join(served.projectDir, 'annotations', 'tester', FILE));
  expect(doc.spans.map((s) => s.text).sort()).toEqual(['States government', 'United States government has reportedly asked', 'reportedly asked foreign allies to stop'].sort());

  // Clicking text covered by several spans cycles through them.
  const nested = page.locator('.g-span', { hasText: 'States' }).first();
  await nested.click();
  const first = await page.locator('[data-testid="span-item"].selected').getAttribute('data-label');
  await nested.click();
  const second = await page.locator('[data-testid="span-item"].selected').getAttribute('data-label');
  expect(new Set([first, second])).toEqual(new Set(['QUOTE', 'CLAIM']));

  // A real quote linked to its speaker: select the quote, press A, click the speaker.
  await selectText(page, '“We engage with countries around the world about our concerns regarding cyberthreats in telecommunications infrastructure,”');
  await page.keyboard.press('2');
  await selectText(page, 'an unnamed US official');
  await page.keyboard.press('3');
  await spanItems(page, 'QUOTE').filter({ hasText: 'We engage' }).locator('.span-select').click();
  await page.keyboard.press('a');
  await page.getByTestId('link-target').filter({ hasText: 'an unnamed US official' }).click();
  await expect(page.getByTestId('relation')).toContainText('ATTRIBUTED_TO SPEAKER');

  // An attribute set in the side panel.
  await page.getByLabel('Attribute kind').selectOption('direct');
  await expect(spanItems(page, 'QUOTE').filter({ hasText: 'We engage' })).toContainText('kind: direct');

  // Undo the attribute, the link, then redo both.
  await page.locator('.article-text').focus();
  await page.keyboard.press('Control+z');
  await expect(spanItems(page, 'QUOTE').filter({ hasText: 'We engage' })).not.toContainText('kind: direct');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('relation')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('relation')).toHaveCount(1);
  await expect(spanItems(page, 'QUOTE').filter({ hasText: 'We engage' })).toContainText('kind: direct');

  // Undo and redo a span deletion.
  await spanItems(page, 'QUOTE').filter({ hasText: 'States government' }).locator('.span-select').click();
  await page.keyboard.press('Delete');
  await expect(spanItems(page, 'QUOTE')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(spanItems(page, 'QUOTE')).toHaveCount(2);
  await page.keyboard.press('Control+Shift+z');
  await expect(spanItems(page, 'QUOTE')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(spanItems(page, 'QUOTE')).toHaveCount(2);

  // A whole-line BOILERPLATE with Shift: a selection inside "Go to Source" labels the line.
  await selectText(page, 'to Sou');
  await page.keyboard.press('Shift+4');
  await expect(spanItems(page, 'BOILERPLATE')).toHaveText(/Go to Source/);
  await page.keyboard.press('Control+z');
  await expect(spanItems(page, 'BOILERPLATE')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(spanItems(page, 'BOILERPLATE')).toHaveCount(1);

  // Status by key, undone and redone.
  await page.keyboard.press('d');
  await expect(page.getByLabel('Article status')).toHaveValue('done');
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Article status')).toHaveValue('in_progress');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByLabel('Article status')).toHaveValue('done');
  await waitSaved(page);

  // After a reload everything is there, and undo history survived the save.
  await page.reload();
  await openArticle(page, ID);
  await expect(spanItems(page)).toHaveCount(6);
  await spanItems(page, 'QUOTE').filter({ hasText: 'We engage' }).locator('.span-select').click();
  await expect(page.getByTestId('relation')).toContainText('an unnamed US official');
  await expect(page.getByLabel('Attribute kind')).toHaveValue('direct');

  doc = await readJson<LayerDoc>(join(served.projectDir, 'annotations', 'tester', FILE));
  expect(doc.status).toBe('done');
  const boiler = doc.spans.find((s) => s.label === 'BOILERPLATE')!;
  expect(boiler.text).toBe('Go to Source');

  // The native export carries relations and attributes.
  const out = join(served.projectDir, 'export.jsonl');
  glossSync('export', served.projectDir, '--format', 'native', '--layer', 'tester', '--out', out);
  const records = (await import('node:fs')).readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const rec = records.find((r: { id: string }) => r.id === ID);
  const quote = rec.spans.find((s: { text: string }) => s.text.startsWith('“We engage'));
  const speaker = rec.spans.find((s: { text: string }) => s.text === 'an unnamed US official');
  expect(quote.attrs).toEqual({ kind: 'direct' });
  expect(rec.relations).toEqual([expect.objectContaining({ type: 'ATTRIBUTED_TO', from: quote.id, to: speaker.id })]);
  for (const s of rec.spans) expect(Array.from(rec.text as string).slice(s.start, s.end).join('')).toBe(s.text);

  // Exported from the app as HuggingFace tags: the download is the CLI's file byte for byte, and
  // the status line says which overlapping spans the format could not hold.
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByLabel('Format').selectOption('hf');
  await page.getByLabel('Layer', { exact: true }).selectOption('tester');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe('huawei-5g-tester-hf.jsonl');
  const downloaded = join(served.projectDir, 'downloaded-hf.jsonl');
  await download.saveAs(downloaded);
  const cliHf = join(served.projectDir, 'cli-hf.jsonl');
  glossSync('export', served.projectDir, '--format', 'hf', '--layer', 'tester', '--out', cliHf);
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(downloaded, 'utf8')).toBe(readFileSync(cliHf, 'utf8'));
  await expect(page.getByTestId('message')).toContainText(/Exported huawei-5g-tester-hf\.jsonl, with \d+ warning\(s\): .*overlap/);
});

test('status keys, J/K and N move through the list, which shows status and filters', async ({ page, served }) => {
  await page.goto(served.url);
  const ids = ['000_d60caff024a14a5b', '001_60324c60597a4f74', '002_9edfdb1c8f18fd6b', '003_9563d52e9be91989', '004_8898504a670454c0'].map((n) => `articles/${n}.txt`);
  await expect(page.locator('.article-id')).toHaveText(ids[0]);
  await page.locator('.article-text').focus();
  await page.keyboard.press('j');
  await expect(page.locator('.article-id')).toHaveText(ids[1]);
  await page.keyboard.press('s');
  await expect(page.locator(`[data-article-id="${ids[1]}"] [data-testid="article-status"]`)).toHaveText('skipped');
  await page.keyboard.press('k');
  await expect(page.locator('.article-id')).toHaveText(ids[0]);
  await page.keyboard.press('d');
  await expect(page.locator(`[data-article-id="${ids[0]}"] [data-testid="article-status"]`)).toHaveText('done');
  // N skips the done and skipped articles.
  await page.keyboard.press('n');
  await expect(page.locator('.article-id')).toHaveText(ids[2]);
  await page.keyboard.press('i');
  await waitSaved(page);
  await page.reload();
  await expect(page.locator(`[data-article-id="${ids[0]}"] [data-testid="article-status"]`)).toHaveText('done');
  await expect(page.locator(`[data-article-id="${ids[1]}"] [data-testid="article-status"]`)).toHaveText('skipped');
  await expect(page.locator(`[data-article-id="${ids[2]}"] [data-testid="article-status"]`)).toHaveText('in progress');
  await page.getByLabel('Filter by status').selectOption('done');
  await expect(page.getByTestId('article-item')).toHaveCount(1);
  await page.getByLabel('Filter by status').selectOption('');
  await page.getByLabel('Search titles').fill('NDTV');
  await expect(page.getByTestId('article-item')).toHaveCount(1);
  // Find in the article highlights hits.
  await page.getByLabel('Search titles').fill('');
  await page.locator(`[data-article-id="${ids[2]}"]`).click();
  await page.locator('.article-text').focus();
  await page.keyboard.press('Control+f');
  await page.getByLabel('Find in article').fill('huawei');
  await expect(page.getByTestId('find-count')).toHaveText(/^1 of \d+$/);
  expect(await page.locator('.g-find').count()).toBeGreaterThan(3);
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('next unfinished article');
});

test('renaming a label carries its spans along, deleting one asks first', async ({ page }) => {
  // Start from the articles alone, so the counts below are this annotator's spans only.
  const served = await serveProject({ setup: (dir) => rm(join(dir, 'annotations'), { recursive: true, force: true }) });
  try {
  await page.goto(served.url);
  await openArticle(page, ID);
  await selectText(page, 'an unnamed US official');
  await page.keyboard.press('3');
  await selectText(page, 'Go to Source');
  await page.keyboard.press('4');
  await waitSaved(page);
  await page.getByRole('button', { name: 'Labels…' }).click();
  await page.getByLabel('Label 3 name').fill('SOURCE');
  await page.getByRole('button', { name: 'Delete label BOILERPLATE' }).click();
  await page.getByRole('button', { name: 'Save schema' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Deleting BOILERPLATE removes 1 span(s) in 1 file(s)');
  await page.getByRole('button', { name: 'Delete and save' }).click();
  await expect(spanItems(page, 'SOURCE')).toHaveCount(1);
  await expect(spanItems(page, 'BOILERPLATE')).toHaveCount(0);
  const manifest = await readJson<{ schema: { labels: { name: string }[]; relations: { to: string[] }[] } }>(join(served.projectDir, 'gloss.json'));
  expect(manifest.schema.labels.map((l) => l.name)).toEqual(['CLAIM', 'QUOTE', 'SOURCE']);
  expect(manifest.schema.relations[0].to).toEqual(['SOURCE']);
  const doc = await readJson<LayerDoc>(join(served.projectDir, 'annotations', 'tester', FILE));
  expect(doc.spans.map((s) => [s.label, s.text])).toEqual([['SOURCE', 'an unnamed US official']]);
  await page.reload();
  await openArticle(page, ID);
  await expect(spanItems(page, 'SOURCE')).toHaveCount(1);
  } finally {
    await served.stop();
  }
});
