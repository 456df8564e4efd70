// Keeps the layers of docs/architecture (common <- node <- main/cli; common <- renderer) from
// rotting: every import specifier of every .ts/.tsx file under src is checked against the rules
// of the folder the file lives in.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';

const SRC = resolve(import.meta.dirname);
const LAYERS = ['common', 'node', 'main', 'preload', 'renderer', 'cli'] as const;
type Layer = (typeof LAYERS)[number];

interface Rule {
  /** Layers (folders under src) this layer may import from. */
  layers: Layer[];
  /** Whether a bare specifier (a package or node:*) may be imported. */
  packages: (specifier: string) => boolean;
  /** Only these files of other layers, when set (the preload reaches only the method list). */
  onlyFiles?: string[];
}

const isNodeBuiltin = (s: string) => s.startsWith('node:');
const isTestLib = (s: string) => s === 'vitest' || s.startsWith('vitest/') || s === 'fast-check' || s.startsWith('@testing-library/');
const isUiLib = (s: string) => s === 'react' || s.startsWith('react/') || s === 'react-dom' || s.startsWith('react-dom/') || s.startsWith('@tiptap/');
const isElectron = (s: string) => s === 'electron' || s.startsWith('electron/');

const RULES: Record<Layer, Rule> = {
  common: { layers: ['common'], packages: (s) => s === 'zod' },
  node: { layers: ['common', 'node'], packages: (s) => !isElectron(s) && !isUiLib(s) },
  main: { layers: ['common', 'node', 'main'], packages: (s) => isElectron(s) || isNodeBuiltin(s) },
  preload: { layers: ['preload', 'common'], onlyFiles: ['common/apiMethods'], packages: isElectron },
  renderer: { layers: ['common', 'renderer'], packages: isUiLib },
  cli: { layers: ['common', 'node', 'cli'], packages: isNodeBuiltin },
};

/** Test files, and the test kits they share (*.testkit.ts), may also use Node and the test libraries (and are not shipped). */
const TEST_FILE = /\.test(kit)?\.tsx?$/;

/** Every import, export-from, dynamic import() and require() specifier of a source text. */
export function importSpecifiers(source: string): string[] {
  const patterns = [
    /^\s*import\s+(?:type\s+)?[\w$*{},\s]+?\s+from\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /^\s*export\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  const found: string[] = [];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** The import violations of one file, given its path relative to src (posix) and its text. */
export function layeringViolations(file: string, source: string): string[] {
  const layer = file.split('/')[0] as Layer;
  const rule = RULES[layer];
  if (!rule) return [];
  const isTest = TEST_FILE.test(file);
  const problems: string[] = [];
  for (const specifier of importSpecifiers(source)) {
    if (specifier.startsWith('.')) {
      const target = posix.normalize(posix.join(posix.dirname(file), specifier));
      const targetLayer = target.split('/')[0] as Layer;
      if (target === '../package.json' && (layer === 'node' || layer === 'main' || layer === 'cli')) {
        // The package manifest (for the version number) is fine on the Node side.
      } else if (target.startsWith('..')) {
        problems.push(`${file}: imports ${specifier}, outside src`);
      } else if (targetLayer !== layer && !rule.layers.includes(targetLayer)) {
        problems.push(`${file}: ${layer} may not import from ${targetLayer} (${specifier})`);
      } else if (targetLayer !== layer && rule.onlyFiles && !rule.onlyFiles.includes(target.replace(/\.(ts|tsx|js)$/, ''))) {
        problems.push(`${file}: ${layer} may import only ${rule.onlyFiles.join(', ')} from other layers (${specifier})`);
      }
    } else if (!rule.packages(specifier) && !(isTest && (isNodeBuiltin(specifier) || isTestLib(specifier)))) {
      problems.push(`${file}: ${layer} may not import the package ${specifier}`);
    }
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, item.name);
    if (item.isDirectory()) out.push(...sourceFiles(abs));
    else if (/\.tsx?$/.test(item.name)) out.push(abs);
  }
  return out;
}

describe('layering', () => {
  it('finds the files of every layer', () => {
    const files = sourceFiles(SRC).map((f) => relative(SRC, f).split(sep).join('/'));
    for (const layer of LAYERS) expect(files.some((f) => f.startsWith(`${layer}/`)), layer).toBe(true);
  });

  it('every file under src imports only from the layers it may use', () => {
    const problems = sourceFiles(SRC).flatMap((abs) => layeringViolations(relative(SRC, abs).split(sep).join('/'), readFileSync(abs, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('reads static, multi-line, type-only, re-export, side-effect, dynamic and require imports', () => {
    const source = [
      "import a from 'a';",
      "import type { B } from 'b';",
      'import {',
      '  c1,',
      '  c2,',
      "} from 'c';",
      "import * as d from 'd';",
      "import 'e.css';",
      "export { f } from 'f';",
      "export * from 'g';",
      "export type { H } from 'h';",
      "const i = await import('i');",
      "type J = import('j').J;",
      "const k = require('k');",
      "// import l from 'l';",
      "const text = Buffer.from('not an import');",
    ].join('\n');
    expect(importSpecifiers(source).sort()).toEqual(['a', 'b', 'c', 'd', 'e.css', 'f', 'g', 'h', 'i', 'j', 'k']);
  });

  it('flags bad imports (self-test of the checker)', () => {
    const bad: [string, string][] = [
      ['common/offsets.ts', "import { readFile } from 'node:fs';"],
      ['common/offsets.ts', "import type { BrowserWindow } from 'electron';"],
      ['common/x/y.ts', "import { ProjectStore } from '../../node/projectStore';"],
      ['common/model.ts', "import { Low } from 'lowdb';"],
      ['common/model.ts', "import { useState } from 'react';"],
      ['common/model.ts', "import { Editor } from '@tiptap/core';"],
      ['common/model.ts', "import { parseHTML } from 'linkedom';"],
      ['node/projectStore.ts', "import { app } from 'electron';"],
      ['node/projectStore.ts', "import { Workbench } from '../renderer/components/Workbench';"],
      ['node/projectStore.ts', "import { registerIpc } from '../main/registerIpc';"],
      ['main/index.ts', "import { App } from '../renderer/App';"],
      ['main/index.ts', "import { Low } from 'lowdb';"],
      ['preload/index.ts', "import { validateArgs } from '../common/api';"],
      ['preload/index.ts', "import { readFile } from 'node:fs';"],
      ['renderer/App.tsx', "import { readFile } from 'node:fs/promises';"],
      ['renderer/App.tsx', "import { ipcRenderer } from 'electron';"],
      ['renderer/App.tsx', "import { Low } from 'lowdb';"],
      ['renderer/App.tsx', "const store = await import('../node/projectStore');"],
      ['cli/main.ts', "import { app } from 'electron';"],
      ['cli/main.ts', "import { App } from '../renderer/App';"],
      ['cli/main.ts', "import { registerIpc } from '../main/registerIpc';"],
      ['common/offsets.test.ts', "import { ProjectStore } from '../node/projectStore';"],
      ['node/x.ts', "import { buildCli } from '../../scripts/build-cli.mjs';"],
      ['renderer/x.ts', "import pkg from '../../package.json';"],
    ];
    for (const [file, source] of bad) expect(layeringViolations(file, source), `${file}: ${source}`).toHaveLength(1);
  });

  it('accepts the imports each layer may use', () => {
    const good: [string, string][] = [
      ['common/api.ts', "import { z } from 'zod';\nimport type { LayerDoc } from './model';"],
      ['common/offsets.test.ts', "import { describe } from 'vitest';\nimport fc from 'fast-check';\nimport { readFileSync } from 'node:fs';"],
      ['node/projectStore.ts', "import { Low } from 'lowdb';\nimport { readFile } from 'node:fs/promises';\nimport { ApiError } from '../common/api';"],
      ['main/index.ts', "import { app } from 'electron';\nimport { GlossService } from '../node/glossService';\nimport { join } from 'node:path';"],
      ['preload/index.ts', "import { contextBridge } from 'electron';\nimport { API_METHODS } from '../common/apiMethods';"],
      ['renderer/App.tsx', "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { Editor } from '@tiptap/core';\nimport './styles.css';\nimport { ApiError } from '../common/api';"],
      ['node/version.ts', "import pkg from '../../package.json';"],
      ['cli/main.ts', "import { parseArgs } from 'node:util';\nimport { ProjectStore } from '../node/projectStore';\nimport { ApiError } from '../common/api';"],
    ];
    for (const [file, source] of good) expect(layeringViolations(file, source), file).toEqual([]);
  });
});


