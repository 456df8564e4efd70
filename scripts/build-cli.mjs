// Bundles the gloss CLI (src/cli) into one ES module, out/cli/gloss.mjs, with its npm
// dependencies left external so they load from node_modules.
import { build } from 'esbuild';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCli() {
  // Chunks are content-hashed and never deleted here, so a CLI already running keeps its files.
  await build({
    entryPoints: [join(root, 'src', 'cli', 'index.ts')],
    outdir: join(root, 'out', 'cli'),
    entryNames: 'gloss',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // Each command and the npm packages it needs load only when that command runs.
    splitting: true,
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
