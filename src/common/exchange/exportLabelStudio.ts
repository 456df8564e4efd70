/**
 * Label Studio JSON: one JSON array of tasks `{id, data: {text, gloss_id}, meta, annotations}`,
 * one annotation per layer. Label Studio counts offsets in UTF-16 code units, so this format
 * defaults to `utf16`; `meta.offsets` states the unit either way. Consecutive `add()` calls for
 * the same article are merged into one task, so feed an article's layers together.
 */
import type { ExportRun, PreparedDoc } from './exportRun';
import { sortSpans, unitOf } from './exportRun';
import type { FormatWriter } from './formatWriter';
import { jsonText } from './jsonLine';

interface Task {
  id: number;
  data: { text: string; gloss_id: string };
  meta: Record<string, unknown>;
  annotations: Record<string, unknown>[];
}

/** The Label Studio format writer. Result ids are Gloss span ids; annotation and task ids count from 1. */
export function exportLabelStudio(run: ExportRun): FormatWriter {
  const offsets = unitOf(run.options);
  let pending: Task | null = null;
  let nextTask = 1;
  let nextAnnotation = 1;

  const annotation = ({ doc, spans, relations, offset }: PreparedDoc): Record<string, unknown> => {
    const result: Record<string, unknown>[] = [];
    for (const s of sortSpans(spans)) {
      run.countSpan(doc.layer, s.label);
      const region: Record<string, unknown> = {
        id: s.id,
        from_name: 'label',
        to_name: 'text',
        type: 'labels',
        origin: s.origin,
        value: { start: offset(s.start), end: offset(s.end), text: s.text, labels: [s.label] },
      };
      if (s.attrs && Object.keys(s.attrs).length > 0) region.gloss_attrs = s.attrs;
      result.push(region);
    }
    for (const r of relations) result.push({ type: 'relation', from_id: r.from, to_id: r.to, direction: 'right', labels: [r.type] });
    run.countRelations(relations.length);
    return { id: nextAnnotation++, ground_truth: doc.layer === 'gold', gloss_layer: doc.layer, gloss_status: doc.status, result };
  };

  const emit = (): string => {
    if (!pending) return '';
    const text = (run.records === 0 ? '\n' : ',\n') + jsonText(pending);
    run.records++;
    pending = null;
    return text;
  };

  return {
    begin: () => '[',
    add(prepared) {
      const { article } = prepared;
      if (pending && pending.data.gloss_id === article.id) {
        pending.annotations.push(annotation(prepared));
        return '';
      }
      const out = emit();
      pending = {
        id: nextTask++,
        data: { text: article.text, gloss_id: article.id },
        meta: { ...(article.meta ?? {}), offsets, project: run.project.name },
        annotations: [annotation(prepared)],
      };
      return out;
    },
    end() {
      const out = emit();
      return out + (run.records > 0 ? '\n]\n' : ']\n');
    },
  };
}
