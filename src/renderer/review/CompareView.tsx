import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import type { Editor } from '@tiptap/core';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { LabelSchema } from '../../common/model';
import { OffsetMap } from '../../common/offsets';
import { TextLayout } from '../../common/textLayout';
import { spanDecorationsKey, setDecorations } from '../editor/spanDecorations';
import { selectionHandle } from '../editor/selectionHandle';
import type { SelectionHandle } from '../editor/selectionHandle';
import { createArticleEditor } from '../editor/createArticleEditor';
import { labelPattern, underline } from '../editor/spanStyle';
import type { CompareSegment } from './compareSegments';
import { KIND_COLORS, KIND_TEXT } from './compareSegments';

export type CompareViewHandle = SelectionHandle;

interface Props {
  text: string;
  layers: readonly string[];
  segments: CompareSegment[];
  schema: LabelSchema;
  /** Index of the group to outline (the current disagreement), or null. */
  currentGroup: number | null;
  selectedGoldId: string | null;
  /** A click on painted text: the groups and gold spans under it. */
  onPick: (groups: number[], goldIds: string[]) => void;
}

/** Distance between stacked underlines, px. */
const ROW = 5;

/**
 * The article with every compared layer's spans at once: one underline row per layer (first
 * layer nearest the text), coloured by how the span agrees (green same span and label, amber
 * overlapping with another extent or label, red only in some layers), patterned by label as in
 * the workbench; gold spans are shaded in their label's colour. Read-only text; a selection plus
 * a label key adds a gold span (handled by the caller through `selection`).
 */
export const CompareView = forwardRef<CompareViewHandle, Props>(function CompareView(props, ref) {
  const { text, layers, segments, schema, currentGroup, selectedGoldId, onPick } = props;
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const layout = useMemo(() => new TextLayout(text), [text]);
  const offsets = useMemo(() => new OffsetMap(text), [text]);
  const pick = useRef<(pos: number) => void>(() => undefined);

  pick.current = (pos: number) => {
    const offset = layout.posToOffset(pos);
    const seg = segments.find((s) => s.from <= offset && offset < s.to) ?? segments.find((s) => s.from < offset && offset <= s.to);
    onPick(seg?.groups ?? [], seg?.gold.map((g) => g.id) ?? []);
  };

  useEffect(() => {
    const editor = createArticleEditor(host.current!, layout, (pos) => pick.current(pos), { className: 'article-text compare-text', label: 'Compared layers' });
    editorRef.current = editor;
    return () => {
      editor.destroy();
      editorRef.current = null;
    };
  }, [layout]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const labelIndex = new Map(schema.labels.map((l, i) => [l.name, i]));
    const colorOf = (label: string) => schema.labels[labelIndex.get(label) ?? -1]?.color ?? '#999999';
    const n = layers.length;
    const decorations = segments.map((seg) => {
      const images: string[] = [];
      const sizes: string[] = [];
      const positions: string[] = [];
      const titles: string[] = [];
      seg.rows.forEach((row, i) => {
        if (!row) {
          titles.push(`${layers[i]}: —`);
          return;
        }
        const u = underline(KIND_COLORS[row.kind], labelPattern(labelIndex.get(row.label) ?? 0), 3);
        images.push(u.image);
        sizes.push(u.size);
        positions.push(`0 calc(100% - ${(n - 1 - i) * ROW}px)`);
        titles.push(`${layers[i]}: ${row.labels.join(' + ')} (${KIND_TEXT[row.kind]})`);
      });
      if (seg.gold.length) {
        const inner = colorOf(seg.gold[seg.gold.length - 1].label);
        images.push(`linear-gradient(${inner}33, ${inner}33)`);
        sizes.push('100% 100%');
        positions.push('0 0');
        titles.push(`gold: ${seg.gold.map((g) => g.label).join(' + ')}`);
      } else {
        titles.push('gold: —');
      }
      const cls = ['g-span', 'g-cmp'];
      if (seg.gold.length) cls.push('g-gold');
      if (currentGroup !== null && seg.groups.includes(currentGroup)) cls.push('g-current');
      if (selectedGoldId !== null && seg.gold.some((g) => g.id === selectedGoldId)) cls.push('g-selected');
      return Decoration.inline(layout.offsetToPos(seg.from), layout.offsetToPos(seg.to), {
        class: cls.join(' '),
        title: titles.join('\n'),
        'data-rows': seg.rows.map((row, i) => `${layers[i]}:${row ? row.kind : 'none'}`).join(' '),
        'data-gold': seg.gold.map((g) => g.label).join(' '),
        style: [
          images.length ? `background-image: ${images.join(', ')}` : '',
          images.length ? `background-size: ${sizes.join(', ')}` : '',
          images.length ? `background-position: ${positions.join(', ')}` : '',
          'background-repeat: no-repeat',
          `padding-bottom: ${n * ROW}px`,
        ].filter(Boolean).join('; '),
      });
    });
    setDecorations(editor.view, spanDecorationsKey, DecorationSet.create(editor.state.doc, decorations));
  }, [segments, layers, schema, currentGroup, selectedGoldId, layout]);

  useEffect(() => {
    if (currentGroup === null) return;
    const el = editorRef.current?.view.dom.querySelector('.g-current');
    if (el && !isVisible(el)) el.scrollIntoView({ block: 'center' });
  }, [currentGroup, segments]);

  useImperativeHandle(ref, () => selectionHandle(() => editorRef.current, text, layout, offsets), [text, layout, offsets]);

  return <div className="article-view compare-view" ref={host} data-testid="compare-view" />;
});

function isVisible(el: Element): boolean {
  const r = el.getBoundingClientRect();
  const pane = el.closest('.review-article');
  const box = pane ? pane.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
  return r.top >= box.top && r.bottom <= box.bottom;
}
