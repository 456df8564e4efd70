// Shared by the CLI tests: run `node bin/gloss.mjs` as a user would, inside a temp folder.
// Named *.testkit.ts so vitest does not collect it as a test file.
import { afterAll, beforeAll, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root, where the CLI runs from. */
export const ROOT = resolve(import.meta.dirname, '..', '..');
/** The sample project shipped with the repository, as an absolute path. */
export const SAMPLE_PROJECT = join(ROOT, 'projects', 'huawei-5g');

/** What one CLI run left behind. */
export interface GlossRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/gloss.mjs ...args` from the repository root, with its config in `configDir`. */
export function runGloss(configDir: string, ...args: string[]): Promise<GlossRun> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'gloss.mjs'), ...args], { cwd: ROOT, env: { ...process.env, GLOSS_CONFIG_DIR: configDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => ok({ code, stdout, stderr }));
  });
}

/** A temp folder for one CLI test file: made (and the bundle rebuilt once when stale) before all, removed after all. */
export interface GlossSandbox {
  /** The temp folder; set once the file's first beforeAll has run. */
  readonly tmp: string;
  /** Runs the CLI with its config inside `tmp`. */
  gloss(...args: string[]): Promise<GlossRun>;
  /** Copies a project folder (the sample by default) to `tmp/name` and returns that path. */
  copyProject(name: string, from?: string, filter?: (src: string) => boolean): Promise<string>;
}

/** Registers beforeAll/afterAll hooks that make and remove a temp folder named `prefix...`. Call at the top level of a test file. */
export function glossSandbox(prefix: string): GlossSandbox {
  let tmp = '';
  const sandbox: GlossSandbox = {
    get tmp() {
      return tmp;
    },
    gloss: (...args) => runGloss(join(tmp, 'config'), ...args),
    async copyProject(name, from = SAMPLE_PROJECT, filter) {
      const dir = join(tmp, name);
      await cp(from, dir, { recursive: true, filter });
      return dir;
    },
  };
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), prefix));
    // Rebuild the bundle once (when stale) before the tests start spawning.
    const version = await sandbox.gloss('--version');
    expect(version.code, version.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });
  return sandbox;
}
