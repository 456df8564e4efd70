import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { claimLayer, LOCK_TTL_MS } from './layerLock';

describe('claimLayer', () => {
  it('grants the first window, refuses a second while the claim is fresh, and lets the holder renew', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gloss-lock-'));
    expect(await claimLayer(root, 'alice', 'window-one-1', 1_000)).toEqual({ granted: true });
    const refused = await claimLayer(root, 'alice', 'window-two-2', 2_000);
    expect(refused.granted).toBe(false);
    expect(refused.holder).toContain(`process ${process.pid}`);
    expect((await claimLayer(root, 'alice', 'window-one-1', 3_000)).granted).toBe(true);
    // Another layer is free.
    expect((await claimLayer(root, 'bob', 'window-two-2', 3_000)).granted).toBe(true);
  });

  it('takes over a claim that lapsed or whose process is gone', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gloss-lock-'));
    await claimLayer(root, 'alice', 'window-one-1', 1_000);
    expect((await claimLayer(root, 'alice', 'window-two-2', 1_000 + LOCK_TTL_MS + 1)).granted).toBe(true);
    await mkdir(join(root, '.gloss', 'locks'), { recursive: true });
    await writeFile(join(root, '.gloss', 'locks', 'carol.json'), JSON.stringify({ client: 'dead-window', pid: 2 ** 22 + 12345, host: hostname(), renewedAt: Date.now() }));
    expect((await claimLayer(root, 'carol', 'window-two-2')).granted).toBe(true);
  });
});
