// Bundles the gloss CLI (src/cli) into one ES module, out/cli/gloss.mjs, with its npm
// dependencies left external so they load from node_modules.
import { build } from 'esbuild';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCli() {
  await build({
    entryPoints: [join(root, 'src', 'cli', 'index.ts')],
    outfile: join(root, 'out', 'cli', 'gloss.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'error',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
