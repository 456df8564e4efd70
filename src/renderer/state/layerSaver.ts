import type { LayerDoc } from '../../common/model';

export type SaveState = { kind: 'saved'; at?: string } | { kind: 'unsaved' } | { kind: 'saving' } | { kind: 'error'; message: string };

/**
 * The save state as a small external store. A status element reads it with useSyncExternalStore,
 * so it changes at once even when the edit that caused it renders as a deferred transition:
 * "Saved" never shows while an edit is still waiting to be written.
 */
export class SaveStatus {
  private state: SaveState = { kind: 'saved' };
  private readonly listeners = new Set<() => void>();
  readonly get = (): SaveState => this.state;
  readonly set = (state: SaveState): void => {
    this.state = state;
    for (const listener of this.listeners) listener();
  };
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** Longest time an edit waits before it is written. */
export const SAVE_DELAY_MS = 300;

/**
 * Saves a layer document at most SAVE_DELAY_MS after an edit, one write at a time, always the
 * newest version. "Saved" is reported only once the write is durable on disk; a failed write
 * keeps the edit pending and says why.
 */
export class LayerSaver {
  private pending: LayerDoc | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(private readonly write: (doc: LayerDoc) => Promise<string>, private readonly onState: (state: SaveState) => void) {}

  /** Queues the newest version of the document for saving. */
  schedule(doc: LayerDoc): void {
    this.pending = doc;
    this.onState({ kind: 'unsaved' });
    if (!this.timer && !this.inFlight) this.timer = setTimeout(() => void this.run(), SAVE_DELAY_MS);
  }

  get dirty(): boolean {
    return this.pending !== null || this.inFlight !== null;
  }

  private async run(): Promise<void> {
    this.timer = null;
    const doc = this.pending;
    if (!doc) return;
    this.pending = null;
    this.onState({ kind: 'saving' });
    let failed = false;
    this.inFlight = this.write(doc).then(
      (at) => { if (!this.pending) this.onState({ kind: 'saved', at }); },
      (error: Error) => { failed = true; this.pending ??= doc; this.onState({ kind: 'error', message: error.message }); },
    );
    await this.inFlight;
    this.inFlight = null;
    if (this.pending && !failed) await this.run();
  }

  /** Drops pending edits (the user chose the version on disk). A write already running completes. */
  discard(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.pending = null;
    this.onState({ kind: 'saved' });
  }

  /** Writes whatever is pending now. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.inFlight) await this.inFlight;
    if (this.pending) await this.run();
  }
}
