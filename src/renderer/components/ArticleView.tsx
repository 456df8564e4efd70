import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { Editor } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { TextLayout } from '../../common/textLayout';
import { OffsetMap } from '../../common/offsets';
import { spanSegments } from '../../common/spanSegments';
import type { Segment } from '../../common/spanSegments';
import { snapToWords, trimWhitespace } from '../../common/selectionSnap';
import type { LabelSchema, Span } from '../../common/model';
import { SpanDecorations, spanDecorationsKey } from '../editor/spanDecorations';
import { segmentStyle } from '../editor/spanStyle';

export interface ArticleViewHandle {
  /** The selected text as a code point range, trimmed of surrounding whitespace; null when empty. */
  selection(): { start: number; end: number } | null;
  clearSelection(): void;
}

interface Props {
  text: string;
  spans: Span[];
  schema: LabelSchema;
  selectedId: string | null;
  onSelectSpan: (id: string | null) => void;
}

/** The article, read-only, one paragraph per line, with spans painted as decorations. */
export const ArticleView = forwardRef<ArticleViewHandle, Props>(function ArticleView({ text, spans, schema, selectedId, onSelectSpan }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const layout = useMemo(() => new TextLayout(text), [text]);
  const offsets = useMemo(() => new OffsetMap(text), [text]);
  const segments = useRef<Segment[]>([]);
  const click = useRef<(pos: number) => void>(() => undefined);

  click.current = (pos: number) => {
    const offset = layout.posToOffset(pos);
    const segs = segments.current;
    const seg = segs.find((s) => s.from <= offset && offset < s.to) ?? segs.find((s) => s.from < offset && offset <= s.to);
    if (!seg) {
      onSelectSpan(null);
      return;
    }
    const at = selectedId ? seg.ids.indexOf(selectedId) : -1;
    // Clicking text covered by several spans cycles through them, innermost first.
    onSelectSpan(at === -1 ? seg.ids[seg.ids.length - 1] : seg.ids[(at - 1 + seg.ids.length) % seg.ids.length]);
  };

  useEffect(() => {
    const editor = new Editor({
      element: host.current!,
      extensions: [Document, Paragraph, Text, SpanDecorations.configure({ onClickPos: (pos) => click.current(pos) })],
      content: layout.toDocJson(),
      editable: false,
      enableCoreExtensions: { delete: false },
      editorProps: { attributes: { class: 'article-text', 'aria-label': 'Article text', role: 'document' } },
    });
    editorRef.current = editor;
    return () => {
      editor.destroy();
      editorRef.current = null;
    };
  }, [layout]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const byId = new Map(spans.map((s) => [s.id, s]));
    const labelIndex = new Map(schema.labels.map((l, i) => [l.name, i]));
    const ranges = spans.map((s) => ({ id: s.id, from: offsets.toUtf16(s.start), to: offsets.toUtf16(s.end) }));
    segments.current = spanSegments(ranges);
    const decorations = segments.current.map((seg) => {
      const labels = seg.ids.map((id) => schema.labels[labelIndex.get(byId.get(id)!.label) ?? -1]);
      const selected = selectedId !== null && seg.ids.includes(selectedId);
      return Decoration.inline(layout.offsetToPos(seg.from), layout.offsetToPos(seg.to), {
        class: `g-span${selected ? ' g-selected' : ''}`,
        'data-span-ids': seg.ids.join(' '),
        title: seg.ids.map((id) => byId.get(id)!.label).join(' + '),
        style: segmentStyle(labels, (name) => labelIndex.get(name) ?? 0),
      });
    });
    const set = DecorationSet.create(editor.state.doc, decorations);
    editor.view.dispatch(editor.state.tr.setMeta(spanDecorationsKey, set));
    if (selectedId) editor.view.dom.querySelector('.g-selected')?.scrollIntoView({ block: 'nearest' });
  }, [spans, selectedId, schema, layout, offsets]);

  useImperativeHandle(ref, () => ({
    selection() {
      const editor = editorRef.current;
      if (!editor) return null;
      const { from, to } = editor.state.selection;
      if (from === to) return null;
      const range = trimWhitespace(text, layout.posToOffset(from), layout.posToOffset(to));
      if (range.from >= range.to) return null;
      return { start: offsets.toCodePoint(range.from), end: offsets.toCodePoint(range.to) };
    },
    clearSelection() {
      window.getSelection()?.removeAllRanges();
    },
  }), [text, layout, offsets]);

  return <div className="article-view" ref={host} data-testid="article-view" />;
});
