/**
 * Prodigy / spaCy JSONL: `{text, meta, _input_hash, _task_hash, tokens, spans, answer}` with the
 * Gloss tokenizer's tokens. Spans that cut a token are expanded to whole tokens (spaCy's
 * `Doc.char_span` would return None for them) and counted in a warning; whitespace-only spans
 * are left out with a warning. Relations, when on, use Prodigy's `rel.manual` shape with `head`
 * and `child` the last token of each span.
 */
import { tokenize } from '../tokenize';
import type { ExportRun } from './exportRun';
import { sortSpans, unitOf } from './exportRun';
import type { FormatWriter } from './formatWriter';
import { jsonLine } from './jsonLine';
import { murmurHash3 } from './murmurHash3';
import { tokenSpan } from './tokenSpan';

/** How many articles with expanded spans the summary warning names before it says "and N more". */
const LISTED = 50;

interface ProdigySpan {
  start: number;
  end: number;
  token_start: number;
  token_end: number;
  label: string;
}

/**
 * The hashes Gloss writes: `_input_hash` is MurmurHash3-32 (signed) of the text's UTF-8;
 * `_task_hash` is MurmurHash3-32 of `<input hash>|<spans>|<relations>` where spans are
 * `[[start,end,label],...]` and relations `[[head,child,label],...]` as compact JSON.
 */
export function prodigyHashes(text: string, spans: [number, number, string][], relations: [number, number, string][]): { input: number; task: number } {
  const input = murmurHash3(text);
  return { input, task: murmurHash3(`${input}|${JSON.stringify(spans)}|${JSON.stringify(relations)}`) };
}

/** The Prodigy format writer. */
export function exportProdigy(run: ExportRun): FormatWriter {
  const offsets = unitOf(run.options);
  const expanded: string[] = [];
  let expandedCount = 0;
  return {
    add({ article, doc, spans, relations, offset }) {
      run.records++;
      const where = `${article.id} (layer ${doc.layer})`;
      const tokens = tokenize(article.text);
      const out: ProdigySpan[] = [];
      const bySpanId = new Map<string, ProdigySpan>();
      const expandedHere: string[] = [];
      for (const s of sortSpans(spans)) {
        const range = tokenSpan(tokens, s.start, s.end);
        if (!range) {
          run.warn(`${where}: span ${s.id} (${s.label}) left out: it holds no token (whitespace only)`);
          continue;
        }
        const start = tokens[range.first].start;
        const end = tokens[range.last].end;
        if (start !== s.start || end !== s.end) expandedHere.push(s.id);
        const p = { start: offset(start), end: offset(end), token_start: range.first, token_end: range.last, label: s.label };
        out.push(p);
        bySpanId.set(s.id, p);
        run.countSpan(doc.layer, s.label);
      }
      if (expandedHere.length > 0) {
        expanded.push(`${where} ${expandedHere.join(', ')}`);
        expandedCount += expandedHere.length;
      }
      const task: Record<string, unknown> = {
        text: article.text,
        meta: { ...(article.meta ?? {}), id: article.id, layer: doc.layer, offsets, project: run.project.name },
      };
      const rels = run.options.relations
        ? relations.flatMap((r) => {
            const head = bySpanId.get(r.from);
            const child = bySpanId.get(r.to);
            return head && child ? [{ head: head.token_end, child: child.token_end, head_span: head, child_span: child, label: r.type }] : [];
          })
        : [];
      const hashes = prodigyHashes(
        article.text,
        out.map((p) => [p.start, p.end, p.label]),
        rels.map((r) => [r.head, r.child, r.label]),
      );
      task._input_hash = hashes.input;
      task._task_hash = hashes.task;
      task.tokens = tokens.map((t, id) => ({ text: t.text, start: offset(t.start), end: offset(t.end), id, ws: t.ws }));
      task.spans = out;
      if (run.options.relations) {
        task.relations = rels;
        run.countRelations(rels.length);
      }
      task.answer = 'accept';
      return jsonLine(task);
    },
    summaryWarnings() {
      if (expanded.length === 0) return [];
      const listed = expanded.slice(0, LISTED).join('; ');
      const more = expanded.length > LISTED ? `; and ${expanded.length - LISTED} more article(s)` : '';
      return [`${expandedCount} span(s) did not fall on token boundaries and were expanded to whole tokens: ${listed}${more}`];
    },
  };
}
