/**
 * Clean text JSONL: `{id, layer, text, removed}` with the text minus the spans of the removal
 * labels (option `labels`, default `BOILERPLATE`), line handling as `cleanText` documents;
 * `removed` is the number of spans removed.
 */
import type { ExportRun } from './exportRun';
import type { FormatWriter } from './formatWriter';
import { cleanText } from './cleanText';
import { jsonLine } from './jsonLine';

/** The labels clean-text removes when the caller names none. */
export const CLEAN_TEXT_DEFAULT_LABELS = ['BOILERPLATE'];

/** The clean-text format writer. */
export function exportCleanText(run: ExportRun): FormatWriter {
  return {
    add({ article, doc, spans }) {
      run.records++;
      for (const s of spans) run.countSpan(doc.layer, s.label);
      return jsonLine({ id: article.id, layer: doc.layer, text: cleanText(article.text, spans), removed: spans.length });
    },
  };
}
