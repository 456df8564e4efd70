import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import type { Editor } from '@tiptap/core';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { TextLayout } from '../../common/textLayout';
import { OffsetMap } from '../../common/offsets';
import type { LabelSchema, Span } from '../../common/model';
import { spanDecorationsKey, findDecorationsKey, suggestionDecorationsKey, setDecorations } from '../editor/spanDecorations';
import { selectionHandle } from '../editor/selectionHandle';
import type { SelectionHandle } from '../editor/selectionHandle';
import { SpanPainter } from '../editor/spanPainter';
import { createArticleEditor } from '../editor/createArticleEditor';
import { labelStylesheet } from '../editor/spanStyle';

export interface ArticleViewHandle extends SelectionHandle {
  /**
   * Paints these spans (sorted as the `spans` prop is) with this one selected, now, before React
   * renders; with `clearSelection`, drops the text selection in the same editor update.
   */
  paintNow(spans: Span[], selectedId: string | null, clearSelection?: boolean): void;
}

interface Props {
  text: string;
  spans: Span[];
  schema: LabelSchema;
  selectedId: string | null;
  /** Spans to emphasise: the hovered span's links. */
  highlightIds: ReadonlySet<string>;
  /** Find hits as UTF-16 ranges, and which is current. */
  findHits: { from: number; to: number }[];
  currentFind: number;
  /** A span to bring into view; a new object each time it is asked. */
  revealId: { id: string } | null;
  onSelectSpan: (id: string | null) => void;
  onHoverSpans: (ids: string[]) => void;
  /** Pending suggestions (code point ranges), painted dashed and lighter; the current one outlined. */
  suggestions?: readonly { id: string; label: string; start: number; end: number }[];
  currentSuggestion?: string | null;
  /** A click on a suggestion where no span is. */
  onSelectSuggestion?: (id: string | null) => void;
}

/** The article, one paragraph per line, with spans painted as decorations. */
export const ArticleView = forwardRef<ArticleViewHandle, Props>(function ArticleView(props, ref) {
  const { text, spans, schema, selectedId, highlightIds, findHits, currentFind, revealId, onSelectSpan, onHoverSpans, suggestions, currentSuggestion, onSelectSuggestion } = props;
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const layout = useMemo(() => new TextLayout(text), [text]);
  const offsets = useMemo(() => new OffsetMap(text), [text]);
  const painterRef = useRef<SpanPainter | null>(null);
  const click = useRef<(pos: number) => void>(() => undefined);

  click.current = (pos: number) => {
    const seg = painterRef.current?.segmentAt(layout.posToOffset(pos)) ?? null;
    if (!seg) {
      onSelectSpan(null);
      const cp = offsets.toCodePoint(layout.posToOffset(pos));
      const hit = suggestions?.filter((s) => s.start <= cp && cp < s.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
      onSelectSuggestion?.(hit?.id ?? null);
      return;
    }
    const at = selectedId ? seg.ids.indexOf(selectedId) : -1;
    // Clicking text covered by several spans cycles through them, innermost first.
    onSelectSpan(at === -1 ? seg.ids[seg.ids.length - 1] : seg.ids[(at - 1 + seg.ids.length) % seg.ids.length]);
  };

  useEffect(() => {
    const editor = createArticleEditor(host.current!, layout, (pos) => click.current(pos), { className: 'article-text', label: 'Article text' });
    editorRef.current = editor;
    return () => {
      editor.destroy();
      editorRef.current = null;
    };
  }, [layout]);

  const painter = useMemo(() => new SpanPainter(layout, offsets), [layout, offsets]);
  painterRef.current = painter;

  // Paints spans: from the props after each render, or at once through the handle's paintNow
  // (a label key paints its span before React renders the rest of the workbench). The painter
  // repaints only what changed, so the render that follows paintNow finds nothing to do.
  const latest = useRef({ schema, highlightIds });
  latest.current = { schema, highlightIds };
  const dispatched = useRef<DecorationSet | null>(null);
  const paint = useCallback((spans: Span[], selectedId: string | null, clearSelection = false) => {
    const editor = editorRef.current;
    if (!editor) return;
    const set = painter.update(editor.state.doc, spans, latest.current.schema, selectedId, latest.current.highlightIds);
    if (set === dispatched.current && !clearSelection) return;
    dispatched.current = set;
    setDecorations(editor.view, spanDecorationsKey, set, clearSelection);
  }, [painter]);
  useEffect(() => paint(spans, selectedId), [paint, spans, schema, selectedId, highlightIds]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const decorations = findHits.map((hit, i) => Decoration.inline(layout.offsetToPos(hit.from), layout.offsetToPos(hit.to), { class: i === currentFind ? 'g-find g-find-current' : 'g-find' }));
    setDecorations(editor.view, findDecorationsKey, DecorationSet.create(editor.state.doc, decorations));
  }, [findHits, currentFind, layout]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const color = new Map(schema.labels.map((l) => [l.name, l.color]));
    const decorations = (suggestions ?? []).map((s) => {
      const c = color.get(s.label) ?? '#6b7280';
      const current = s.id === currentSuggestion;
      return Decoration.inline(layout.offsetToPos(offsets.toUtf16(s.start)), layout.offsetToPos(offsets.toUtf16(s.end)), {
        class: current ? 'g-suggestion g-suggestion-current' : 'g-suggestion',
        'data-suggestion-id': s.id,
        'data-label': s.label,
        title: `Suggested ${s.label}`,
        style: `border-bottom: 2px dashed ${c}; background-color: ${c}${current ? '33' : '12'};${current ? ` outline: 2px dashed ${c};` : ''}`,
      });
    });
    setDecorations(editor.view, suggestionDecorationsKey, DecorationSet.create(editor.state.doc, decorations));
    if (currentSuggestion) editor.view.dom.querySelector('.g-suggestion-current')?.scrollIntoView({ block: 'nearest' });
  }, [suggestions, currentSuggestion, schema, layout, offsets]);

  // Scroll only when asked (a span picked in the side panel or by [ ]): a span made or clicked in
  // the text is already in view, and measuring it would force a layout on every key press.
  useEffect(() => {
    if (!revealId) return;
    const el = editorRef.current?.view.dom.querySelector(`[data-span-ids~="${CSS.escape(revealId.id)}"]`);
    el?.scrollIntoView({ block: 'nearest' });
  }, [revealId]);
  useEffect(() => {
    if (findHits.length) editorRef.current?.view.dom.querySelector('.g-find-current')?.scrollIntoView({ block: 'center' });
  }, [findHits, currentFind]);

  useEffect(() => {
    const dom = host.current!;
    const over = (e: MouseEvent) => {
      const el = (e.target as HTMLElement).closest?.('.g-span');
      onHoverSpans(el ? (el.getAttribute('data-span-ids') ?? '').split(' ').filter(Boolean) : []);
    };
    dom.addEventListener('mouseover', over);
    return () => dom.removeEventListener('mouseover', over);
  }, [onHoverSpans]);

  useImperativeHandle(ref, () => ({ ...selectionHandle(() => editorRef.current, text, layout, offsets), paintNow: paint }), [text, layout, offsets, paint]);

  const labelCss = useMemo(() => labelStylesheet(schema.labels), [schema]);
  return (
    <>
      <style>{labelCss}</style>
      <div className="article-view" ref={host} data-testid="article-view" />
    </>
  );
});


