import { useSyncExternalStore } from 'react';
import type { SaveStatus } from '../state/layerSaver';

/** The save state of the open layer: Saved, Saving…, Unsaved changes, or why it was not saved. */
export function SaveStatusView({ status, title }: { status: SaveStatus; title?: string }) {
  const state = useSyncExternalStore(status.subscribe, status.get);
  return (
    <span className={`save-state save-${state.kind}`} data-testid="save-state" role="status" title={title}>
      {state.kind === 'saved' ? 'Saved' : state.kind === 'saving' ? 'Saving…' : state.kind === 'unsaved' ? 'Unsaved changes' : `Not saved: ${state.message}`}
    </span>
  );
}
