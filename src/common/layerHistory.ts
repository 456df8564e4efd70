import type { LayerDoc } from './model';

const LIMIT = 500;

/**
 * Undo and redo for one article's layer: every change is a new immutable document, so history is
 * a list of documents. It is independent of saving: undo after a save restores and saves again.
 */
export class LayerHistory {
  private past: LayerDoc[] = [];
  private future: LayerDoc[] = [];

  /** Records that `before` was replaced by a new version. */
  record(before: LayerDoc): void {
    this.past.push(before);
    if (this.past.length > LIMIT) this.past.shift();
    this.future = [];
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** The document to go back to from `current`, or null. */
  undo(current: LayerDoc): LayerDoc | null {
    const previous = this.past.pop();
    if (!previous) return null;
    this.future.push(current);
    return previous;
  }

  /** The document to go forward to from `current`, or null. */
  redo(current: LayerDoc): LayerDoc | null {
    const next = this.future.pop();
    if (!next) return null;
    this.past.push(current);
    return next;
  }
}
