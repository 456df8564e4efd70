/** Every keyboard shortcut of the workbench, as the ? help lists them. */
export const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: 'label key (1–4 by default)', action: 'label the selection (snapped to whole words)' },
  { keys: 'Alt + select', action: 'select exact characters, no snapping to words' },
  { keys: 'Shift + label key', action: 'label each whole line the selection touches' },
  { keys: 'Shift + arrows', action: 'select text from the caret by keyboard' },
  { keys: 'click a span', action: 'select it; click again to cycle through overlapping spans' },
  { keys: '[ / ]', action: 'select the previous / next span' },
  { keys: 'Delete / Backspace', action: 'remove the selected span' },
  { keys: 'A', action: 'link the selected span (e.g. a QUOTE) to another (its SPEAKER): then click or pick it' },
  { keys: 'Escape', action: 'cancel linking, clear the selection, close dialogs' },
  { keys: 'Ctrl/Cmd + Z', action: 'undo' },
  { keys: 'Ctrl/Cmd + Shift + Z, Ctrl + Y', action: 'redo' },
  { keys: 'T / I / D / S', action: 'status: to do / in progress / done / skipped' },
  { keys: 'J / K', action: 'next / previous article in the list' },
  { keys: 'N', action: 'next unfinished article' },
  { keys: 'Ctrl/Cmd + F', action: 'find text in the article; Enter for the next hit' },
  { keys: 'Tab / Shift + Tab', action: 'next / previous suggestion (when suggestions are on)' },
  { keys: 'Enter', action: 'accept the current suggestion (a QUOTE brings its SPEAKER and link)' },
  { keys: 'Backspace / Delete (no span selected)', action: 'reject the current suggestion; it stays rejected' },
  { keys: '?', action: 'show this help' },
];

/** Keys the workbench uses for commands; labels cannot take them. */
export const RESERVED_KEYS = ['a', 'j', 'k', 'n', 't', 'i', 'd', 's', '?', '[', ']'];

/** Whether a key event presses a label's key (Shift and keyboard layout taken into account). */
export function isLabelKey(event: KeyboardEvent, key: string): boolean {
  if (!key) return false;
  const k = key.toLowerCase();
  if (event.key.toLowerCase() === k) return true;
  // With Shift, "4" arrives as "$": fall back to the physical key.
  return /^[0-9]$/.test(k) ? event.code === `Digit${k}` || event.code === `Numpad${k}` : event.code === `Key${k.toUpperCase()}`;
}

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, in the workbench and the review screen
 * alike. Returns whether the key was one of them (it is then handled); `say` gets the message to
 * show, or null to clear it.
 */
export function handleUndoKeys(e: KeyboardEvent, history: { undo(): boolean; redo(): boolean }, say: (message: string | null) => void): boolean {
  if (!(e.ctrlKey || e.metaKey)) return false;
  const key = e.key.toLowerCase();
  if (key === 'z') {
    e.preventDefault();
    if (!(e.shiftKey ? history.redo() : history.undo())) say(e.shiftKey ? 'Nothing to redo' : 'Nothing to undo');
    else say(null);
    return true;
  }
  if (key === 'y') {
    e.preventDefault();
    if (!history.redo()) say('Nothing to redo');
    return true;
  }
  return false;
}
