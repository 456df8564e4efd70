/**
 * W3C Web Annotation JSON-LD, one annotation per JSONL line. Each span becomes a `tagging`
 * annotation whose target carries a TextQuoteSelector (exact, 32 code points of prefix and
 * suffix) and a TextPositionSelector (code points, as the W3C model requires), and the article
 * text itself as `gloss:text`, so every line can be checked and used on its own (shuffled or
 * split). Relations become `linking` annotations targeting the two span annotations.
 */
import type { ExportRun } from './exportRun';
import { sortSpans } from './exportRun';
import type { FormatWriter } from './formatWriter';
import { jsonLine } from './jsonLine';

/** Code points of context in the TextQuoteSelector's prefix and suffix. */
export const W3C_QUOTE_CONTEXT = 32;

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The annotation IRI of a span or relation: `urn:gloss:<project>:<layer>:<article>:span:<id>`, parts percent-encoded. */
export function w3cAnnotationId(project: string, layer: string, article: string, kind: 'span' | 'relation', id: string): string {
  return `urn:gloss:${[project, layer, article].map(encodeURIComponent).join(':')}:${kind}:${encodeURIComponent(id)}`;
}

/** The W3C format writer. */
export function exportW3c(run: ExportRun): FormatWriter {
  const project = run.project.name;
  return {
    add({ article, doc, spans, relations, map }) {
      const text = article.text;
      const cut = (from: number, to: number) => text.slice(map.toUtf16(from), map.toUtf16(to));
      const iri = (kind: 'span' | 'relation', id: string) => w3cAnnotationId(project, doc.layer, article.id, kind, id);
      let out = '';
      for (const s of sortSpans(spans)) {
        run.records++;
        run.countSpan(doc.layer, s.label);
        const record: Record<string, unknown> = {
          '@context': CONTEXT,
          id: iri('span', s.id),
          type: 'Annotation',
          motivation: 'tagging',
          ...(s.createdAt ? { created: s.createdAt } : {}),
          ...(s.updatedAt ? { modified: s.updatedAt } : {}),
          body: { type: 'TextualBody', purpose: 'tagging', value: s.label },
          target: {
            source: article.id,
            selector: [
              {
                type: 'TextQuoteSelector',
                exact: s.text,
                prefix: cut(Math.max(0, s.start - W3C_QUOTE_CONTEXT), s.start),
                suffix: cut(s.end, Math.min(map.codePointLength, s.end + W3C_QUOTE_CONTEXT)),
              },
              { type: 'TextPositionSelector', start: s.start, end: s.end },
            ],
            'gloss:text': text,
          },
          'gloss:layer': doc.layer,
          'gloss:origin': s.origin,
        };
        if (s.attrs && Object.keys(s.attrs).length > 0) record['gloss:attrs'] = s.attrs;
        out += jsonLine(record);
      }
      for (const r of relations) {
        run.records++;
        const from = iri('span', r.from);
        const to = iri('span', r.to);
        out += jsonLine({
          '@context': CONTEXT,
          id: iri('relation', r.id),
          type: 'Annotation',
          motivation: 'linking',
          body: { type: 'TextualBody', purpose: 'tagging', value: r.type },
          target: [from, to],
          'gloss:from': from,
          'gloss:to': to,
          'gloss:layer': doc.layer,
        });
      }
      run.countRelations(relations.length);
      return out;
    },
  };
}
