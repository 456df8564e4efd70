import { tokenize } from '../tokenize';
import type { AgreementInput } from './computeAgreement';
import { layerDocOf } from './layerDocOf';
import { measuredSpans } from './measuredSpans';

/** Every layer's yes/no code for every (token, label) item of a set of articles. */
export interface TokenCodings {
  labels: string[];
  /** Label index of each item; items run article by article, token by token, label by label. */
  labelOf: Uint16Array;
  /** One array per layer: 1 where a span of the item's label overlaps the token, else 0. */
  codes: Uint8Array[];
}

/**
 * The token codings that the kappa figures of {@link computeAgreement} are defined on, written
 * out item by item with {@link tokenize} (a slow, plain reference for tests and for exporting
 * codings to other tools): a token is coded yes for a label in a layer when a span of that label
 * in that layer shares at least one character with it. A missing document codes every item no.
 */
export function tokenCodings(input: AgreementInput, layers: readonly string[], labels: readonly string[]): TokenCodings {
  const labelIndex = new Map(labels.map((label, k) => [label, k]));
  const labelSet = new Set(labels);
  const labelOf: number[] = [];
  const codes: number[][] = layers.map(() => []);
  for (const article of input.articles) {
    const tokens = tokenize(article.text);
    const length = Array.from(article.text).length;
    const base = labelOf.length;
    for (let t = 0; t < tokens.length; t++) for (let k = 0; k < labels.length; k++) labelOf.push(k);
    layers.forEach((layer, l) => {
      const row = codes[l];
      for (let x = 0; x < tokens.length * labels.length; x++) row.push(0);
      for (const s of measuredSpans(layerDocOf(input.layers[layer], article.id), labelSet, length)) {
        const k = labelIndex.get(s.label)!;
        tokens.forEach((token, t) => {
          if (s.start < token.end && token.start < s.end) row[base + t * labels.length + k] = 1;
        });
      }
    });
  }
  return { labels: [...labels], labelOf: Uint16Array.from(labelOf), codes: codes.map((row) => Uint8Array.from(row)) };
}
