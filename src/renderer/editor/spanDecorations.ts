import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { DecorationSet } from '@tiptap/pm/view';
import type { EditorView } from '@tiptap/pm/view';

/** Holds the decorations that paint spans; replaced through a transaction's meta. */
export const spanDecorationsKey = new PluginKey<DecorationSet>('glossSpans');
/** Holds the find-in-article hits, apart from the spans so either changes alone. */
export const findDecorationsKey = new PluginKey<DecorationSet>('glossFind');
/** Holds the pending suggestions (dashed, lighter), apart from the spans: they are not annotations. */
export const suggestionDecorationsKey = new PluginKey<DecorationSet>('glossSuggestions');

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
