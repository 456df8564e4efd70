import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { CACHE_DIR } from './summaryIndex';
import { writeFileDurably } from './durableFile';

/** How long a holder's claim lasts without being renewed. */
export const LOCK_TTL_MS = 30_000;

interface LockData {
  client: string;
  pid: number;
  host: string;
  renewedAt: number;
}

/**
 * One editor per layer of a project: the first window (or browser tab, or other Gloss
 * instance) to claim a layer edits it and renews its claim; any other opens it read-only until
 * the claim lapses or its process is gone. Claims live in .gloss/locks/<layer>.json.
 */
export async function claimLayer(root: string, layer: string, client: string, now = Date.now()): Promise<{ granted: boolean; holder?: string }> {
  const dir = join(root, CACHE_DIR, 'locks');
  const file = join(dir, `${layer}.json`);
  let current: LockData | null = null;
  try {
    current = JSON.parse(await readFile(file, 'utf8')) as LockData;
  } catch {
    current = null;
  }
  if (current && current.client !== client && now - current.renewedAt < LOCK_TTL_MS && alive(current)) {
    return { granted: false, holder: `another Gloss window (process ${current.pid} on ${current.host})` };
  }
  await mkdir(dir, { recursive: true });
  await writeFileDurably(file, JSON.stringify({ client, pid: process.pid, host: hostname(), renewedAt: now } satisfies LockData));
  return { granted: true };
}

function alive(lock: LockData): boolean {
  if (lock.host !== hostname()) return true;
  try {
    process.kill(lock.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
