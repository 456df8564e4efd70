// A reviewer's session: two annotators' layers come in, the reviewer compares them, checks the
// dashboard against `gloss agreement`, adjudicates a gold layer, reloads, and exports gold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, expect, glossSync, serveProject, selectText, waitSaved, readJson } from './fixtures';
import {
  A000, A002, CLAIM_1, CLAIM_SHORT, QUOTE_1, SPEAKER_1, SPEAKER_ALICE, REVIEW_LAYERS, glossImport, nativeRecords, writeJsonl,
} from './reviewFixture';
import type { AgreementReport } from '../src/common/agreement';
import type { LayerDoc } from '../src/common/model';
import { OVERALL_KEYS, SCORE_KEYS, formatScore } from '../src/common/review/formatAgreement';

async function openReview(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Review…' }).click();
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
}

async function openArticle(page: Page, id: string): Promise<void> {
  await page.locator(`[data-testid="review-article"][data-article-id="${id}"]`).click();
  await expect(page.locator('.article-id')).toHaveText(id);
  await expect(page.getByTestId('compare-view')).toBeVisible();
}

const disagreements = (page: Page) => page.getByTestId('disagreement');
const goldSpans = (page: Page) => page.getByTestId('gold-span');

const test = base.extend({
  // A copy of the sample project into which Alice's and Bob's layers are imported with the CLI,
  // from native JSONL files made on the articles' text.
  // eslint-disable-next-line no-empty-pattern
  served: async ({}, use) => {
    const served = await serveProject({
      annotator: 'rev',
      setup: async (dir) => {
        for (const layer of REVIEW_LAYERS) {
          const file = join(dir, '..', `${layer}.jsonl`);
          await writeJsonl(file, await nativeRecords(dir, layer));
          glossImport(dir, file, layer);
        }
      },
    });
    await use(served);
    await served.stop();
  },
});

test('a reviewer compares two layers, checks the dashboard against gloss agreement, adjudicates gold, reloads and exports it', async ({ page, served }) => {
  test.setTimeout(180_000);
  await page.goto(served.url);
  await openReview(page);

  // Every annotator's layer is there to compare (the sample project brings its own reference
  // layer, which this reviewer leaves out), and the list says who finished each article.
  const pick = page.getByRole('group', { name: 'Layers to compare' });
  const offered = await pick.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => (b.parentElement?.textContent ?? '').trim()));
  expect(offered).toEqual(expect.arrayContaining(REVIEW_LAYERS));
  for (const layer of offered) {
    await expect(pick.getByLabel(layer)).toBeChecked();
    if (!REVIEW_LAYERS.includes(layer)) await pick.getByLabel(layer).uncheck();
  }
  await expect(page.locator(`[data-testid="review-article"][data-article-id="${A002}"] [data-testid="finished-by"]`)).toContainText(/done by .*alice, bob/);

  // The compare view: both layers at once, coloured by agreement; three disagreements in reading order.
  await openArticle(page, A002);
  await expect(page.locator('.g-cmp', { hasText: 'reportedly asked foreign allies' }).first()).toHaveAttribute('data-rows', 'alice:agree bob:agree');
  await expect(page.locator('.g-cmp', { hasText: 'Germany, Italy' }).first()).toHaveAttribute('data-rows', 'alice:partial bob:none');
  await expect(page.locator('.g-cmp', { hasText: 'we remind them' }).first()).toHaveAttribute('data-rows', 'alice:none bob:only');
  await expect(disagreements(page)).toHaveCount(3);
  expect(await disagreements(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['partial', 'only', 'only']);
  await expect(disagreements(page).nth(0).getByTestId('version')).toHaveText([/^alice: CLAIM US is concerned that much/, /^bob: CLAIM US is concerned that much/]);
  await expect(page.locator(`[data-testid="review-article"][data-article-id="${A002}"] [data-testid="review-disagreements"]`)).toHaveText('3 disagreements');

  // Navigable by keyboard: J/K anywhere, arrows in the list; the article outlines the current one.
  const selected = page.getByRole('listbox', { name: 'Disagreements' }).getByRole('option', { selected: true });
  await expect(selected).toHaveAttribute('data-kind', 'partial');
  await page.keyboard.press('j');
  await expect(selected).toContainText('only bob');
  await expect(page.locator('.g-current').first()).toContainText('As they');
  await page.keyboard.press('j');
  await expect(selected).toContainText('only alice');
  await expect(page.locator('.g-current')).toHaveText(SPEAKER_ALICE);
  await page.getByRole('listbox', { name: 'Disagreements' }).focus();
  await page.keyboard.press('Home');
  await expect(selected).toHaveAttribute('data-kind', 'partial');
  await page.keyboard.press('ArrowDown');
  await expect(selected).toContainText('only bob');
  await page.keyboard.press('ArrowUp');
  await expect(selected).toHaveAttribute('data-kind', 'partial');

  // The dashboard shows exactly the figures `gloss agreement --json` prints.
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  const report = JSON.parse(glossSync('agreement', served.projectDir, '--layers', 'alice,bob', '--json')) as AgreementReport;
  const figure = async (testId: string, value: number | null) => {
    const cell = page.getByTestId(testId);
    await expect(cell).toHaveAttribute('data-value', value === null ? 'null' : String(value));
    await expect(cell).toHaveText(formatScore(value));
  };
  for (const key of OVERALL_KEYS) await figure(`overall-${key}`, report.overall[key]);
  expect(Object.keys(report.by_label)).toEqual(['BOILERPLATE', 'CLAIM', 'QUOTE', 'SPEAKER']);
  await expect(page.getByTestId('label-row')).toHaveCount(4);
  for (const [label, scores] of Object.entries(report.by_label)) for (const key of SCORE_KEYS) await figure(`label-${label}-${key}`, scores[key]);
  for (const key of OVERALL_KEYS) await figure(`pair-alice-bob-${key}`, report.pairs[0].overall[key]);
  // Articles ranked by disagreement, as the CLI ranks them.
  expect(report.by_article.map((a) => [a.id, a.disagreements]).slice(0, 2)).toEqual([[A002, 3], [A000, 1]]);
  expect(await page.getByTestId('article-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-article-id')))).toEqual(report.by_article.map((a) => a.id));
  for (const a of report.by_article) {
    await expect(page.getByTestId(`article-${a.id}-disagreements`)).toHaveText(String(a.disagreements));
    for (const key of SCORE_KEYS) await figure(`article-${a.id}-${key}`, a[key]);
  }
  for (const chart of ['chart-labels', 'chart-articles', 'chart-article-measure']) await expect(page.getByTestId(chart)).toBeVisible();
  await expect(page.getByTestId('chart-articles').locator('rect')).toHaveCount(report.by_article.length);
  // The figures are sane for what the annotators did: QUOTE and the quote's link agree exactly.
  expect(report.overall.attribution).toBe(1);
  expect(report.by_label.BOILERPLATE.f1_exact).toBe(0);

  // From the ranking back to the article.
  await page.getByTestId('article-row').first().getByRole('button').click();
  await expect(page.locator('.article-id')).toHaveText(A002);

  // Adjudicate: everything both agree on, in this article in one step, then in the whole project.
  await page.getByRole('button', { name: 'Accept agreed (this article)' }).click();
  await expect(page.getByTestId('message')).toHaveText('Gold: 3 agreed spans and 1 link accepted in this article.');
  await expect(goldSpans(page)).toHaveCount(3);
  await waitSaved(page);
  await page.getByRole('button', { name: 'Accept agreed (all articles)' }).click();
  await expect(page.getByTestId('message')).toHaveText('Gold: 1 agreed span and 0 links accepted in 1 article.');
  await expect(goldSpans(page)).toHaveCount(3);
  await expect(page.locator('.g-cmp.g-gold', { hasText: 'reportedly asked' }).first()).toHaveAttribute('data-gold', 'CLAIM');

  // Resolve the claim's extent in Bob's favour, Alice's speaker by keyboard; leave Bob's quote out.
  await disagreements(page).nth(0).click();
  await disagreements(page).nth(0).getByTestId('accept-bob').click();
  await expect(disagreements(page).nth(0).getByTestId('gold-state')).toHaveText('gold: as bob');
  await page.locator('.article-id').click();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(selected).toContainText('only alice');
  await page.keyboard.press('Alt+1');
  await expect(disagreements(page).nth(2).getByTestId('gold-state')).toHaveText('gold: as alice');
  await expect(disagreements(page).nth(1).getByTestId('gold-state')).toHaveText('gold: as alice (nothing)');

  // Edit: a span neither annotator marked, drawn in the compare view with a label key; then undone and redone.
  await selectText(page, 'people familiar with the discussions', 0, 'compare-view');
  await page.keyboard.press('3');
  await expect(goldSpans(page)).toHaveCount(6);
  await page.keyboard.press('Control+z');
  await expect(goldSpans(page)).toHaveCount(5);
  await page.keyboard.press('Control+Shift+z');
  await expect(goldSpans(page)).toHaveCount(6);
  // Shift with a label key takes each whole line the selection touches, as in annotation; undone.
  await selectText(page, 'to Sou', 0, 'compare-view');
  await page.keyboard.press('Shift+Digit4');
  await expect(goldSpans(page)).toHaveCount(7);
  await expect(page.locator('[data-testid="gold-span"][data-label="BOILERPLATE"] .span-text', { hasText: 'Go to Source' })).toHaveText('Go to Source');
  await page.keyboard.press('Control+z');
  await expect(goldSpans(page)).toHaveCount(6);
  await page.getByLabel('Gold status').selectOption('done');
  await waitSaved(page);

  const expectGold = (doc: LayerDoc) => {
    const byText = new Map(doc.spans.map((s) => [s.text, s]));
    expect([...byText.keys()].sort()).toEqual([CLAIM_1, QUOTE_1, SPEAKER_1, CLAIM_SHORT, SPEAKER_ALICE, 'people familiar with the discussions'].sort());
    expect(byText.get(CLAIM_1)).toMatchObject({ origin: 'adjudicated:alice+bob', sources: ['alice', 'bob'] });
    expect(byText.get(CLAIM_SHORT)).toMatchObject({ label: 'CLAIM', origin: 'adjudicated:bob', sources: ['bob'] });
    expect(byText.get(SPEAKER_ALICE)).toMatchObject({ label: 'SPEAKER', origin: 'adjudicated:alice', sources: ['alice'] });
    expect(byText.get('people familiar with the discussions')).toMatchObject({ label: 'SPEAKER', origin: 'manual' });
    expect(doc.relations).toEqual([expect.objectContaining({ type: 'ATTRIBUTED_TO', from: byText.get(QUOTE_1)!.id, to: byText.get(SPEAKER_1)!.id })]);
  };
  const goldFile = join(served.projectDir, 'annotations', 'gold', '002_9edfdb1c8f18fd6b.txt.json');
  const onDisk = await readJson<LayerDoc>(goldFile);
  expectGold(onDisk);
  expect(onDisk.status).toBe('done');

  // After a reload, the window is back in the review screen on the same article; gold is still
  // there, and so is what it says about each disagreement.
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.article-id')).toHaveText(A002);
  await expect(goldSpans(page)).toHaveCount(6);
  await expect(page.getByLabel('Gold status')).toHaveValue('done');
  await expect(disagreements(page).getByTestId('gold-state')).toHaveText(['gold: as bob', 'gold: as alice (nothing)', 'gold: as alice']);
  await expect(page.locator(`[data-testid="review-article"][data-article-id="${A002}"] .status`, { hasText: 'gold' })).toHaveClass(/status-done/);

  // Gold is a normal layer: the native export has it, with exact code point offsets and origins.
  const out = join(served.projectDir, 'gold.jsonl');
  glossSync('export', served.projectDir, '--format', 'native', '--layer', 'gold', '--out', out);
  const records = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string; layer: string; status: string; spans: LayerDoc['spans']; relations: LayerDoc['relations'] });
  expect(records.every((r) => r.layer === 'gold')).toBe(true);
  const r002 = records.find((r) => r.id === A002)!;
  expect(r002.status).toBe('done');
  expectGold({ ...onDisk, spans: r002.spans, relations: r002.relations });
  for (const r of records) for (const s of r.spans) expect(Array.from(r.text).slice(s.start, s.end).join('')).toBe(s.text);
  expect(records.find((r) => r.id === A000)!.spans.map((s) => [s.label, s.origin])).toEqual([['CLAIM', 'adjudicated:alice+bob']]);
});
