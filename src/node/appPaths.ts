import { join, resolve } from 'node:path';

/**
 * The Gloss installation root. Source files (src/node) and bundles (out/cli, out/main) both sit
 * two folders below it.
 */
export function packageRoot(): string {
  return resolve(import.meta.dirname, '..', '..');
}

/** The built renderer served in browser mode and loaded by Electron. */
export function rendererDir(): string {
  return join(packageRoot(), 'out', 'renderer');
}

/** The sample project that opens on first start. */
export function sampleProjectDir(): string {
  return join(packageRoot(), 'projects', 'huawei-5g');
}
