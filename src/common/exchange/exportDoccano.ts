/**
 * doccano sequence-labelling JSONL. Without relations: `{id, text, label: [[start, end, LABEL]],
 * meta}`; with relations: `{id, text, entities: [...], relations: [...], meta}`, the shape of
 * doccano's "sequence labelling with relations" projects. One shape per file, never mixed.
 */
import type { ExportRun } from './exportRun';
import { sortSpans, unitOf } from './exportRun';
import type { FormatWriter } from './formatWriter';
import { jsonLine } from './jsonLine';

/** The doccano format writer. Entity ids are the span's index in the record (doccano style). */
export function exportDoccano(run: ExportRun): FormatWriter {
  const offsets = unitOf(run.options);
  const withRelations = run.options.relations;
  return {
    add({ article, doc, spans, relations, offset }) {
      run.records++;
      const sorted = sortSpans(spans);
      for (const s of sorted) run.countSpan(doc.layer, s.label);
      const meta = { ...(article.meta ?? {}), offsets, layer: doc.layer, project: run.project.name };
      if (!withRelations) {
        return jsonLine({ id: article.id, text: article.text, label: sorted.map((s) => [offset(s.start), offset(s.end), s.label]), meta });
      }
      const index = new Map(sorted.map((s, i) => [s.id, i]));
      run.countRelations(relations.length);
      return jsonLine({
        id: article.id,
        text: article.text,
        entities: sorted.map((s, i) => ({ id: i, start_offset: offset(s.start), end_offset: offset(s.end), label: s.label })),
        relations: relations.map((r, i) => ({ id: i, from_id: index.get(r.from), to_id: index.get(r.to), type: r.type })),
        meta,
      });
    },
  };
}
