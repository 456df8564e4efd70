import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The window options stay a literal in src/main/index.ts so electronegativity (run in CI by
// scripts/security/electronegativity.cjs) can read them too; this test pins every flag.
const main = readFileSync(join(import.meta.dirname, 'index.ts'), 'utf8');
const prefs = /webPreferences: \{([\s\S]*?)\n    \}/.exec(main)?.[1] ?? '';

describe('Electron window hardening (src/main/index.ts)', () => {
  it.each([
    ['contextIsolation', 'true'],
    ['sandbox', 'true'],
    ['nodeIntegration', 'false'],
    ['nodeIntegrationInWorker', 'false'],
    ['nodeIntegrationInSubFrames', 'false'],
    ['webSecurity', 'true'],
    ['allowRunningInsecureContent', 'false'],
    ['webviewTag', 'false'],
    ['disableBlinkFeatures', "'Auxclick'"],
  ])('sets %s: %s', (flag, value) => {
    expect(prefs).toMatch(new RegExp(`\\b${flag}: ${value},`));
  });

  it('denies new windows, foreign navigation and permission requests, and never opens links externally', () => {
    expect(main).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(main).toMatch(/will-navigate[\s\S]*?isAppPage[\s\S]*?preventDefault/);
    expect(main).toContain('setPermissionRequestHandler((_wc, _permission, callback) => callback(false))');
    expect(main).toContain('app.enableSandbox()');
    expect(main).toContain('Content-Security-Policy');
    expect(main).not.toMatch(/openExternal/);
  });
});
