import { Editor, Extension } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { Plugin } from '@tiptap/pm/state';
import type { TextLayout } from '../../common/textLayout';
import { SpanDecorations } from './spanDecorations';

/**
 * Keeps the document unchangeable while letting the caret and keyboard selection work: no typed
 * text, paste, drop or deletion ever reaches the article.
 */
export const ReadOnlyText = Extension.create({
  name: 'glossReadOnly',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        filterTransaction: (tr) => !tr.docChanged,
        props: {
          handleTextInput: () => true,
          handlePaste: () => true,
          handleDrop: () => true,
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              event.preventDefault();
              return true;
            },
          },
          handleKeyDown: (_view, event) => event.key === 'Enter' || event.key === 'Backspace' || event.key === 'Delete',
        },
      }),
    ];
  },
});

/**
 * A TipTap editor showing an article read-only (one paragraph per line) with the caret and
 * keyboard selection working, span decorations, and clicks reported as document positions.
 */
export function createArticleEditor(element: HTMLElement, layout: TextLayout, onClickPos: (pos: number) => void, a11y: { className: string; label: string }): Editor {
  const editor = new Editor({
    element,
    extensions: [Document, Paragraph, Text, ReadOnlyText, SpanDecorations.configure({ onClickPos })],
    content: layout.toDocJson(),
    editable: true,
    enableCoreExtensions: { delete: false },
    enableInputRules: false,
    enablePasteRules: false,
    editorProps: {
      attributes: { class: a11y.className, 'aria-label': a11y.label, 'aria-readonly': 'true', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'false' },
    },
  });
  // React saves the selection of a focused element whose contentEditable is "true" before every
  // commit, walking all of its DOM to count characters (about 10 ms on a long article with its
  // spans, on every render while the article has focus). "plaintext-only" is an editing host all
  // the same (caret, keyboard selection, focus), which React does not walk; ProseMirror sets the
  // attribute only when its own value changes, so this stays.
  editor.view.dom.setAttribute('contenteditable', 'plaintext-only');
  return editor;
}
