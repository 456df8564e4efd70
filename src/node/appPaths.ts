import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | null = null;

/**
 * The Gloss installation root: the nearest folder above this file (source, CLI bundle or chunk,
 * Electron main bundle) whose package.json names Gloss.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = import.meta.dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'gloss') return (root = dir);
      } catch {
        // Not ours; keep looking upwards.
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`Cannot find the Gloss installation above ${import.meta.dirname}`);
    dir = up;
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
