#!/usr/bin/env node
// The gloss command. Runs the bundled CLI (out/cli/gloss.mjs), rebuilding it first when any
// source it depends on is newer, so `npm run -s gloss` always runs the code in src/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out', 'cli', 'gloss.mjs');

function newestSource() {
  let newest = statSync(join(root, 'package.json')).mtimeMs;
  const visit = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, item.name);
      if (item.isDirectory()) visit(abs);
      else if (/\.tsx?$/.test(item.name)) newest = Math.max(newest, statSync(abs).mtimeMs);
    }
  };
  for (const layer of ['common', 'node', 'cli']) if (existsSync(join(root, 'src', layer))) visit(join(root, 'src', layer));
  return newest;
}

if (existsSync(join(root, 'src', 'cli')) && (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource())) {
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli();
}
await import(pathToFileURL(bundle).href);
