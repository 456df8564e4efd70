import { join } from 'node:path';
import { homedir } from 'node:os';
import { mkdir } from 'node:fs/promises';
import type { AppSettings } from '../common/api';
import { readTextIfExists, writeFileDurably } from './durableFile';

const MAX_RECENT = 10;

/** The folder Gloss keeps its settings in: GLOSS_CONFIG_DIR, else the platform's config folder. */
export function defaultConfigDir(): string {
  if (process.env.GLOSS_CONFIG_DIR) return process.env.GLOSS_CONFIG_DIR;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Gloss');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Gloss');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'gloss');
}

/** The app's settings (annotator name, recent projects), kept in settings.json. */
export class SettingsStore {
  private cache: AppSettings | null = null;

  constructor(private readonly dir: string) {}

  private get file(): string {
    return join(this.dir, 'settings.json');
  }

  async get(): Promise<AppSettings> {
    if (this.cache) return this.cache;
    const text = await readTextIfExists(this.file);
    let settings: AppSettings = { annotator: null, recentProjects: [] };
    if (text !== null) {
      try {
        const data = JSON.parse(text) as Partial<AppSettings>;
        settings = {
          annotator: typeof data.annotator === 'string' ? data.annotator : null,
          recentProjects: Array.isArray(data.recentProjects) ? data.recentProjects.filter((p) => typeof p === 'string') : [],
        };
      } catch {
        // A damaged settings file only costs the recent list; it is rewritten on the next change.
      }
    }
    this.cache = settings;
    return settings;
  }

  async update(change: Partial<AppSettings>): Promise<AppSettings> {
    const next = { ...(await this.get()), ...change };
    await mkdir(this.dir, { recursive: true });
    await writeFileDurably(this.file, JSON.stringify(next, null, 2) + '\n');
    this.cache = next;
    return next;
  }

  async addRecent(path: string): Promise<AppSettings> {
    const current = await this.get();
    return this.update({ recentProjects: [path, ...current.recentProjects.filter((p) => p !== path)].slice(0, MAX_RECENT) });
  }
}
