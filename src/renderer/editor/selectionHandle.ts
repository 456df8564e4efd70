import type { Editor } from '@tiptap/core';
import type { TextLayout } from '../../common/textLayout';
import type { OffsetMap } from '../../common/offsets';
import { snapToWords, touchedLines, trimWhitespace } from '../../common/selectionSnap';
import { visibleSelection } from './spanDecorations';

/** A code point range. */
export interface CpRange {
  start: number;
  end: number;
}

/** What a view of an article offers the screen that labels its selection. */
export interface SelectionHandle {
  /** The selection as a code point range: whitespace trimmed, snapped to words unless `exact`. Null when empty. */
  selection(exact: boolean): CpRange | null;
  /** Each whole line the selection (or the caret) touches, as code point ranges. */
  selectedLines(): CpRange[];
  /** What a label key labels: each whole line touched (`wholeLines`), else the selection (none when empty). */
  labelRanges(wholeLines: boolean, exact: boolean): CpRange[];
  clearSelection(): void;
  focus(): void;
}

/** The selection handle of an article editor showing `text` laid out by `layout`. */
export function selectionHandle(editor: () => Editor | null, text: string, layout: TextLayout, offsets: OffsetMap): SelectionHandle {
  /** The visible selection as a UTF-16 range of the text (from <= to), or null without an editor. */
  const visibleRange = () => {
    const e = editor();
    if (!e) return null;
    const { anchor, head } = visibleSelection(e.view);
    return { from: layout.posToOffset(Math.min(anchor, head)), to: layout.posToOffset(Math.max(anchor, head)) };
  };
  const toCp = (r: { from: number; to: number }) => ({ start: offsets.toCodePoint(r.from), end: offsets.toCodePoint(r.to) });
  const handle: SelectionHandle = {
    selection(exact) {
      const sel = visibleRange();
      if (!sel || sel.from === sel.to) return null;
      const range = exact ? trimWhitespace(text, sel.from, sel.to) : snapToWords(text, sel.from, sel.to);
      return range.from < range.to ? toCp(range) : null;
    },
    selectedLines() {
      const range = visibleRange();
      return range ? touchedLines(text, layout.lineStarts, layout.lineEnds, range.from, range.to).map(toCp) : [];
    },
    labelRanges(wholeLines, exact) {
      if (wholeLines) return handle.selectedLines();
      const range = handle.selection(exact);
      return range ? [range] : [];
    },
    clearSelection() {
      const e = editor();
      if (e) e.commands.setTextSelection(e.state.selection.to);
      window.getSelection()?.removeAllRanges();
    },
    focus() {
      editor()?.view.focus();
    },
  };
  return handle;
}
