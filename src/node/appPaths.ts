import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The Gloss installation root: the nearest folder above this module with a package.json. Source
 * files (src/node) and bundles (out/main, out/cli, out/cli/chunks) sit one to three folders below it.
 */
export function packageRoot(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(import.meta.dirname, '..', '..');
  }
}

/** The built renderer served in browser mode and loaded by Electron. */
export function rendererDir(): string {
  return join(packageRoot(), 'out', 'renderer');
}

/** The sample project that opens on first start. */
export function sampleProjectDir(): string {
  return join(packageRoot(), 'projects', 'huawei-5g');
}
