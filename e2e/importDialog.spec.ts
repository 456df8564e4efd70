import { join } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { test, expect, readJson } from './fixtures';
import type { LayerDoc } from '../src/common/model';

const ID = 'articles/002_9edfdb1c8f18fd6b.txt';

test('imports doccano spans through the Import dialog, then exports them as doccano with exact offsets', async ({ page, served }) => {
  const text = await readFile(join(served.projectDir, ID), 'utf8');
  const chars = Array.from(text);
  const at = (needle: string) => Array.from(text.slice(0, text.indexOf(needle))).length;
  const speaker = 'an unnamed US official';
  const s = at(speaker);
  const file = join(served.projectDir, 'predictions.jsonl');
  // Matched by identical text; one span out of range on line 2 of a second record.
  await writeFile(file, [
    JSON.stringify({ text, label: [[s, s + Array.from(speaker).length, 'SPEAKER']] }),
    JSON.stringify({ text, label: [[chars.length - 2, chars.length + 40, 'CLAIM']] }),
  ].join('\n') + '\n');

  await page.goto(served.url);
  await page.locator(`[data-article-id="${ID}"]`).click();
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('File to import').setInputFiles(file);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('import-report')).toContainText('line 2');
  await expect(page.getByTestId('import-report')).toContainText('Nothing was imported');
  await page.getByText('Skip invalid lines and spans').click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-report')).toContainText('1 span(s) and 0 link(s) in 1 article(s) imported into tester');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('[data-testid="span-item"][data-label="SPEAKER"]')).toHaveCount(1);
  const doc = await readJson<LayerDoc>(join(served.projectDir, 'annotations', 'tester', '002_9edfdb1c8f18fd6b.txt.json'));
  expect(doc.spans.map((x) => [x.text, x.origin])).toEqual([[speaker, 'import:predictions.jsonl']]);

  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByLabel('Format').selectOption('doccano');
  await page.getByLabel('Layer', { exact: true }).selectOption('tester');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  const out = join(served.projectDir, 'out.jsonl');
  await download.saveAs(out);
  const checked = execFileSync('python3', ['-c', `
import json, sys
n = 0
for line in open(sys.argv[1], encoding='utf-8'):
    rec = json.loads(line)
    for e in rec.get('entities', []):
        n += 1
        assert rec['text'][e['start_offset']:e['end_offset']] == ${JSON.stringify(speaker)}, e
    for s, t, l in rec.get('label', []):
        n += 1
        assert rec['text'][s:t] == ${JSON.stringify(speaker)}
print(n)
`, out], { encoding: 'utf8' });
  expect(checked.trim()).toBe('1');
});
