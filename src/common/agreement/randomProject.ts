import type { LayerDoc, Relation, Span } from '../model';
import { FORMAT_VERSION } from '../model';
import type { AgreementInput } from './computeAgreement';
import { seededRandom } from '../seededRandom';

/** Shape of a {@link randomProject}. */
export interface RandomProjectOptions {
  articles: number;
  /** Approximate article length in code points. */
  length: number;
  layers: readonly string[];
  /** Spans per layer per article, before agreement noise. */
  spans: number;
  labels?: readonly string[];
  /** Chance that a layer copies a reference span unchanged (else it shifts, relabels or drops it). */
  agreement?: number;
}

/**
 * A reproducible synthetic project for tests and timing: articles of words, punctuation and the
 * odd emoji (so code points and UTF-16 differ), and layers that annotate a shared set of
 * reference spans with noise (copied, shifted, relabelled, dropped, or a stray span instead),
 * with QUOTE→SPEAKER relations. Spans of one label may overlap inside a layer.
 */
export function randomProject(seed: number, opts: RandomProjectOptions): AgreementInput {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const labels = opts.labels ?? ['CLAIM', 'QUOTE', 'SPEAKER', 'BOILERPLATE'];
  const agreement = opts.agreement ?? 0.7;
  const articles: { id: string; text: string }[] = [];
  const layers: Record<string, Map<string, LayerDoc>> = {};
  for (const name of opts.layers) layers[name] = new Map();
  const pieces = ['the', 'a', 'Huawei', 'said', 'network', '5G', 'minister', 'über', '“', '”', ',', '.', '😀', 'e\u0301t\u00e9'];
  for (let n = 0; n < opts.articles; n++) {
    const id = `articles/${String(n).padStart(5, '0')}.txt`;
    const chars: string[] = [];
    while (chars.length < opts.length) {
      const piece = random() < 0.6 ? randomWord(int) : pieces[int(pieces.length)];
      for (const ch of piece) chars.push(ch);
      chars.push(random() < 0.05 ? '\n' : ' ');
    }
    const text = chars.join('');
    articles.push({ id, text });
    const L = chars.length;
    const reference = Array.from({ length: opts.spans }, () => {
      const start = int(L - 1);
      return { start, end: Math.min(L, start + 1 + int(Math.min(200, L))), label: labels[int(labels.length)] };
    });
    for (const name of opts.layers) {
      const spans: Span[] = [];
      reference.forEach((r, k) => {
        let { start, end, label } = r;
        const roll = random();
        if (roll >= agreement) {
          const kind = int(4);
          if (kind === 0) {
            start = Math.max(0, Math.min(L - 1, start + int(11) - 5));
            end = Math.max(start + 1, Math.min(L, end + int(11) - 5));
          } else if (kind === 1) {
            label = labels[int(labels.length)];
          } else if (kind === 2) {
            return;
          } else {
            start = int(L - 1);
            end = Math.min(L, start + 1 + int(80));
          }
        }
        spans.push({
          id: `${name}-${k}`, start, end, label, text: chars.slice(start, end).join(''), attrs: {},
          origin: 'manual', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
        });
      });
      const quotes = spans.filter((s) => s.label === 'QUOTE');
      const speakers = spans.filter((s) => s.label === 'SPEAKER');
      const relations: Relation[] = [];
      if (speakers.length > 0) {
        quotes.forEach((q, k) => {
          const to = speakers[(k + (random() < agreement ? 0 : 1)) % speakers.length];
          relations.push({ id: `${name}-r${k}`, type: 'ATTRIBUTED_TO', from: q.id, to: to.id });
        });
      }
      layers[name].set(id, {
        formatVersion: FORMAT_VERSION, article: id, layer: name, sha256: '', status: 'done', spans, relations, updatedAt: '',
      });
    }
  }
  return { articles, layers };
}

function randomWord(int: (n: number) => number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let word = '';
  const len = 1 + int(9);
  for (let i = 0; i < len; i++) word += letters[int(26)];
  return word;
}
