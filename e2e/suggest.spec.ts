import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { test, expect, waitSaved, readJson } from './fixtures';
import type { Page } from '@playwright/test';
import type { LayerDoc } from '../src/common/model';
import type { RejectionsDoc } from '../src/common/suggest/pending';

const ID = 'articles/002_9edfdb1c8f18fd6b.txt';
const FILE = '002_9edfdb1c8f18fd6b.txt.json';
const QUOTE = '“We engage with countries around the world about our concerns regarding cyberthreats in telecommunications infrastructure,”';

async function openArticle(page: Page, id: string): Promise<void> {
  await page.locator(`[data-article-id="${id}"]`).click();
  await expect(page.locator('.article-id')).toHaveText(id);
}

const current = (page: Page) => page.getByTestId('current-suggestion');
const spanItems = (page: Page, label?: string) => page.locator(label ? `[data-testid="span-item"][data-label="${label}"]` : '[data-testid="span-item"]');

/** Presses Tab in the article until the current suggestion is `label` and starts with `text`. */
async function tabTo(page: Page, label: string, text: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const cur = current(page);
    if ((await cur.getAttribute('data-label')) === label && ((await cur.locator('.span-text').textContent()) ?? '').startsWith(text)) return;
  }
  throw new Error(`no ${label} suggestion starting with ${text}`);
}

test('suggestions do the first pass: accept a quote with its speaker, reject a boilerplate line, the rejection holds, only accepted spans are exported', async ({ page, served }) => {
  await page.goto(served.url);
  await openArticle(page, ID);

  // The engines' suggestions are painted apart from the (still empty) layer.
  await expect(page.getByTestId('suggestions')).toContainText(/Suggestions \(\d+\)/);
  await expect(page.locator('[data-testid="suggestion-label"][data-label="QUOTE"]')).toContainText('3');
  expect(await page.locator('.g-suggestion').count()).toBeGreaterThan(5);
  await expect(spanItems(page)).toHaveCount(0);

  // Tab through the suggestions to the quote, Enter accepts it: the speaker and the link come along.
  await page.locator('.article-text').focus();
  await tabTo(page, 'QUOTE', '“We engage');
  await expect(current(page)).toContainText('ATTRIBUTED_TO SPEAKER “an unnamed US official”');
  await page.keyboard.press('Enter');
  await expect(spanItems(page, 'QUOTE')).toHaveCount(1);
  await expect(spanItems(page, 'SPEAKER')).toHaveText(/an unnamed US official/);
  await spanItems(page, 'QUOTE').locator('.span-select').click();
  await expect(page.getByTestId('relation')).toContainText('ATTRIBUTED_TO SPEAKER “an unnamed US official”');
  await expect(page.getByTestId('selected-span')).toContainText('suggestion:quotes');

  // A boilerplate line: the current suggestion is rejected with Backspace.
  await page.keyboard.press('Escape');
  await page.locator('.article-text').focus();
  await tabTo(page, 'BOILERPLATE', 'Go to Source');
  await page.keyboard.press('Backspace');
  await expect(page.locator('.g-suggestion[data-label="BOILERPLATE"]', { hasText: 'Go to Source' })).toHaveCount(0);
  await expect(page.locator('.g-suggestion[data-label="BOILERPLATE"]', { hasText: 'Leave a Reply' })).toHaveCount(1);
  await waitSaved(page);

  // On disk: the layer has only what was accepted; the rejection lives apart from it.
  const doc = await readJson<LayerDoc>(join(served.projectDir, 'annotations', 'tester', FILE));
  expect(doc.spans.map((s) => [s.label, s.text, s.origin]).sort()).toEqual([
    ['QUOTE', QUOTE, 'suggestion:quotes'],
    ['SPEAKER', 'an unnamed US official', 'suggestion:quotes'],
  ]);
  const quote = doc.spans.find((s) => s.label === 'QUOTE')!;
  expect(quote.attrs).toEqual({ kind: 'direct' });
  expect(doc.relations).toEqual([expect.objectContaining({ type: 'ATTRIBUTED_TO', from: quote.id, to: doc.spans.find((s) => s.label === 'SPEAKER')!.id })]);
  const rejections = await readJson<RejectionsDoc>(join(served.projectDir, 'suggestions', 'tester', FILE));
  expect(rejections.rejected).toEqual([expect.objectContaining({ label: 'BOILERPLATE', text: 'Go to Source', engine: 'boilerplate' })]);

  // Reload: the engines run again; the rejection holds, the accepted quote is a span, not a suggestion.
  await page.reload();
  await openArticle(page, ID);
  await expect(page.locator('[data-testid="suggestion-label"][data-label="BOILERPLATE"]')).toBeVisible();
  await expect(page.locator('.g-suggestion[data-label="BOILERPLATE"]', { hasText: 'Leave a Reply' })).toHaveCount(1);
  await expect(page.locator('.g-suggestion[data-label="BOILERPLATE"]', { hasText: 'Go to Source' })).toHaveCount(0);
  await expect(page.locator('[data-testid="suggestion-label"][data-label="QUOTE"]')).toContainText('2');
  await expect(page.getByTestId('suggestions')).toContainText('restore 1 rejected');

  // The toolbar toggle hides the suggestions, and shows them again.
  await page.getByRole('button', { name: /^Suggestions: on/ }).click();
  await expect(page.locator('.g-suggestion')).toHaveCount(0);
  await page.getByRole('button', { name: /^Suggestions: off/ }).click();
  await expect(page.locator('.g-suggestion').first()).toBeVisible();

  // The native export (as the Export dialog downloads it) has the accepted spans only.
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByLabel('Format').selectOption('native');
  await page.getByLabel('Layer', { exact: true }).selectOption('tester');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  const out = join(served.projectDir, '..', download.suggestedFilename());
  await download.saveAs(out);
  const records = (await readFile(out, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  const spans = records.flatMap((r: { spans: { label: string; origin: string; text: string }[] }) => r.spans);
  expect(spans.map((s: { label: string; origin: string }) => [s.label, s.origin]).sort()).toEqual([['QUOTE', 'suggestion:quotes'], ['SPEAKER', 'suggestion:quotes']]);
  const rec = records.find((r: { id: string }) => r.id === ID);
  for (const s of rec.spans) expect(Array.from(rec.text as string).slice(s.start, s.end).join('')).toBe(s.text);
});

test('accept all and reject all of one label; the guidelines show as plain text', async ({ page, served }) => {
  await page.goto(served.url);
  await openArticle(page, 'articles/003_9563d52e9be91989.txt');
  const bp = page.locator('[data-testid="suggestion-label"][data-label="BOILERPLATE"]');
  await expect(bp).toBeVisible();
  const n = Number(await bp.locator('.count').textContent());
  expect(n).toBeGreaterThan(20);
  await bp.getByRole('button', { name: /Accept all/ }).click();
  // The span list is virtualised: its heading counts them all.
  await expect(page.getByRole('heading', { name: `Spans (${n})` })).toBeVisible();
  await expect(bp).toHaveCount(0);
  const claims = page.locator('[data-testid="suggestion-label"][data-label="CLAIM"]');
  await claims.getByRole('button', { name: /Reject all/ }).click();
  await expect(claims).toHaveCount(0);
  await waitSaved(page);
  const doc = await readJson<LayerDoc>(join(served.projectDir, 'annotations', 'tester', '003_9563d52e9be91989.txt.json'));
  expect(doc.spans).toHaveLength(n);
  expect(new Set(doc.spans.map((s) => s.origin))).toEqual(new Set(['suggestion:boilerplate']));
  // Undo takes the accepted lines back as suggestions.
  await page.locator('.article-text').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('heading', { name: 'Spans (0)' })).toBeVisible();
  await expect(bp).toContainText(String(n));

  await page.getByRole('button', { name: 'Guidelines' }).click();
  const panel = page.getByTestId('guidelines');
  await expect(panel).toContainText('# huawei-5g: annotation guidelines');
  // Markdown is shown as written, never rendered.
  await expect(panel.locator('h1')).toHaveCount(0);
  await expect(panel).toContainText('**with** their opening and closing quotation marks');
  await panel.getByRole('button', { name: 'Close the guidelines' }).click();
  await expect(panel).toHaveCount(0);
});
