import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { API_METHODS, ipcChannel } from '../common/apiMethods';

const built = join(import.meta.dirname, '..', '..', 'out', 'preload', 'index.cjs');

describe('built preload (out/preload/index.cjs)', () => {
  it('is one CommonJS file that requires only electron and exposes window.gloss from the contract', async () => {
    expect(existsSync(built), `${built} is missing: npm test builds it first (npm run build)`).toBe(true);
    const code = readFileSync(built, 'utf8');
    const required: string[] = [];
    const exposed: Record<string, Record<string, (...args: unknown[]) => unknown>> = {};
    const invoked: unknown[][] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => { exposed[key] = api; } },
      ipcRenderer: {
        invoke: (...args: unknown[]) => { invoked.push(args); return Promise.resolve('ok'); },
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const module = { exports: {} };
    runInNewContext(code, {
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`preload requires ${name}`);
        return fakeElectron;
      },
      module,
      exports: module.exports,
    });
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['gloss']);
    const gloss = exposed.gloss;
    expect(Object.keys(gloss).sort()).toEqual([...API_METHODS, 'onMenuCommand'].sort());
    // No raw ipcRenderer or electron object leaks into the page.
    for (const value of Object.values(gloss)) expect(typeof value).toBe('function');
    await expect(gloss.getArticle('articles/a.txt')).resolves.toBe('ok');
    expect(invoked).toEqual([[ipcChannel('getArticle'), 'articles/a.txt']]);
  });
});
