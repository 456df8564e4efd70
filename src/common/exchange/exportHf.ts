/**
 * HuggingFace token classification JSONL: `{id, layer, tokens, ner_tags}` with BIO tags over the
 * Gloss tokenizer's tokens, and a `.labels.json` sidecar listing the tag names (`O`, then `B-X`,
 * `I-X` per label). Spans cover every token they touch. BIO cannot overlap: of two chosen spans
 * that share a token, the earlier-starting one is kept (the longer on equal starts, then document
 * order) and each dropped span is named in a warning.
 */
import { tokenize } from '../tokenize';
import type { ExportRun } from './exportRun';
import { sortSpans } from './exportRun';
import type { FormatWriter } from './formatWriter';
import { jsonLine } from './jsonLine';
import { tokenSpan } from './tokenSpan';

/** The tag names for a label list, in `ner_tags` id order: `O`, `B-L1`, `I-L1`, `B-L2`, ... */
export function bioTagNames(labels: readonly string[]): string[] {
  return ['O', ...labels.flatMap((l) => [`B-${l}`, `I-${l}`])];
}

/** The HuggingFace format writer. `tagLabels` is the label list (option `labels` or the schema's). */
export function exportHf(run: ExportRun, tagLabels: string[]): FormatWriter {
  const tagSet = new Set(tagLabels);
  const explicit = run.options.labels !== null;
  return {
    add({ article, doc, spans }) {
      run.records++;
      const where = `${article.id} (layer ${doc.layer})`;
      const tokens = tokenize(article.text);
      const tags: string[] = new Array(tokens.length).fill('O');
      let kept: { id: string; label: string; last: number } | null = null;
      for (const s of sortSpans(spans)) {
        if (!tagSet.has(s.label)) {
          if (!explicit) run.warn(`${where}: span ${s.id} left out: label ${s.label} is not in the schema's tag set`);
          continue;
        }
        const range = tokenSpan(tokens, s.start, s.end);
        if (!range) {
          run.warn(`${where}: span ${s.id} (${s.label}) left out: it holds no token (whitespace only)`);
          continue;
        }
        if (kept && kept.last >= range.first) {
          run.warn(`${where}: span ${s.id} (${s.label} ${s.start}-${s.end}) dropped: it overlaps span ${kept.id} (${kept.label}), which starts earlier or is longer`);
          continue;
        }
        tags[range.first] = `B-${s.label}`;
        for (let i = range.first + 1; i <= range.last; i++) tags[i] = `I-${s.label}`;
        kept = { id: s.id, label: s.label, last: range.last };
        run.countSpan(doc.layer, s.label);
      }
      return jsonLine({ id: article.id, layer: doc.layer, tokens: tokens.map((t) => t.text), ner_tags: tags });
    },
    sidecars() {
      const names = bioTagNames(tagLabels);
      const id2label: Record<string, string> = {};
      const label2id: Record<string, number> = {};
      names.forEach((n, i) => {
        id2label[String(i)] = n;
        label2id[n] = i;
      });
      return { '.labels.json': JSON.stringify({ scheme: 'BIO', labels: tagLabels, names, id2label, label2id }, null, 2) + '\n' };
    },
  };
}
