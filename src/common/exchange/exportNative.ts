/**
 * Native JSONL (architecture §6): one line per article per layer with the full span records,
 * so an export can be imported into a fresh project and exported again unchanged.
 */
import type { ExportRun } from './exportRun';
import { unitOf } from './exportRun';
import type { FormatWriter } from './formatWriter';
import { jsonLine } from './jsonLine';

/** The native format writer. Spans keep document order; offsets in the export's unit. */
export function exportNative(run: ExportRun): FormatWriter {
  const offsets = unitOf(run.options);
  return {
    add({ article, doc, spans, relations, offset }) {
      run.records++;
      for (const s of spans) run.countSpan(doc.layer, s.label);
      run.countRelations(relations.length);
      return jsonLine({
        id: article.id,
        text: article.text,
        sha256: article.sha256,
        layer: doc.layer,
        status: doc.status,
        spans: spans.map((s) => ({
          id: s.id,
          start: offset(s.start),
          end: offset(s.end),
          label: s.label,
          text: s.text,
          attrs: s.attrs ?? {},
          origin: s.origin,
          createdAt: s.createdAt,
          updatedAt: s.updatedAt,
          ...(s.flagged !== undefined ? { flagged: s.flagged } : {}),
          ...(s.sources !== undefined ? { sources: s.sources } : {}),
        })),
        relations: relations.map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to })),
        meta: { offsets, project: run.project.name },
      });
    },
  };
}
