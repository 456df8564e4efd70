import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { DecorationSet } from '@tiptap/pm/view';
import type { EditorView } from '@tiptap/pm/view';

/** Holds the decorations that paint spans; replaced through a transaction's meta. */
export const spanDecorationsKey = new PluginKey<DecorationSet>('glossSpans');
/** Holds the find-in-article hits, apart from the spans so either changes alone. */
export const findDecorationsKey = new PluginKey<DecorationSet>('glossFind');
/** Holds the pending suggestions (dashed, lighter), apart from the spans: they are not annotations. */
export const suggestionDecorationsKey = new PluginKey<DecorationSet>('glossSuggestions');

/**
 * The selection the user sees, as document positions: the DOM selection when it lies in the view
 * (the editor learns of a new DOM selection only on the next `selectionchange` task, so a key
 * pressed or a repaint made before then would otherwise act on the previous one), else the
 * editor's own.
 */
export function visibleSelection(view: EditorView): { anchor: number; head: number } {
  const sel = view.dom.ownerDocument.getSelection();
  const { anchor, head } = view.state.selection;
  if (!sel || !sel.rangeCount || !sel.anchorNode || !sel.focusNode) return { anchor, head };
  if (!view.dom.contains(sel.anchorNode) || !view.dom.contains(sel.focusNode)) return { anchor, head };
  try {
    return { anchor: view.posAtDOM(sel.anchorNode, sel.anchorOffset), head: view.posAtDOM(sel.focusNode, sel.focusOffset) };
  } catch {
    // A DOM point ProseMirror cannot map (outside its content): keep the editor's selection.
    return { anchor, head };
  }
}

/**
 * Replaces the decorations held under `key`. The transaction also carries the visible selection:
 * repainting rewraps the text nodes a DOM selection sits in, and a selection the editor had not
 * yet read would be lost with them. With `collapse`, the selection is dropped instead (a caret
 * at its end, no DOM range), in the same transaction.
 */
export function setDecorations(view: EditorView, key: PluginKey<DecorationSet>, set: DecorationSet, collapse = false): void {
  const tr = view.state.tr.setMeta(key, set);
  const { anchor, head } = visibleSelection(view);
  if (collapse) tr.setSelection(TextSelection.near(tr.doc.resolve(Math.max(anchor, head))));
  else if (anchor !== tr.selection.anchor || head !== tr.selection.head) tr.setSelection(TextSelection.between(tr.doc.resolve(anchor), tr.doc.resolve(head)));
  view.dispatch(tr);
  if (collapse) view.dom.ownerDocument.getSelection()?.removeAllRanges();
}

function decorationPlugin(key: PluginKey<DecorationSet>, props: Plugin['props'] = {}): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply: (tr, old) => (tr.getMeta(key) as DecorationSet | undefined) ?? old.map(tr.mapping, tr.doc),
    },
    props: { ...props, decorations: (state) => key.getState(state) },
  });
}

export interface SpanDecorationsOptions {
  /** Called with the document position of a click (not a drag). */
  onClickPos: (pos: number, event: MouseEvent) => void;
}

/**
 * Paints spans as inline decorations instead of marks: the document stays the plain article,
 * and repainting costs one DecorationSet, not a document rewrite.
 */
export const SpanDecorations = Extension.create<SpanDecorationsOptions>({
  name: 'glossSpans',
  addOptions() {
    return { onClickPos: () => undefined };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      decorationPlugin(findDecorationsKey),
      decorationPlugin(suggestionDecorationsKey),
      decorationPlugin(spanDecorationsKey, {
          handleClick: (_view: EditorView, pos: number, event: MouseEvent) => {
            options.onClickPos(pos, event);
            return false;
          },
          // A quick second click (to cycle through overlapping spans) arrives as a double click.
          handleDoubleClick: (_view: EditorView, pos: number, event: MouseEvent) => {
            options.onClickPos(pos, event);
            return false;
          },
      }),
    ];
  },
});
