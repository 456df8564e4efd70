/**
 * Agreement figures as people read them, shared by `gloss agreement` (its table) and the review
 * dashboard, so both show the same numbers.
 */
import type { AgreementReport, AgreementScores } from '../agreement';

/** The span measures, in display order. */
export const SCORE_KEYS = ['f1_exact', 'f1_overlap', 'kappa', 'alpha_u'] as const;
export type ScoreKey = (typeof SCORE_KEYS)[number];
/** The measures over all labels, attribution included. */
export const OVERALL_KEYS = [...SCORE_KEYS, 'attribution'] as const;
export type OverallKey = (typeof OVERALL_KEYS)[number];

/** Column titles of the measures. */
export const SCORE_TITLES: Record<OverallKey, string> = {
  f1_exact: 'F1 exact',
  f1_overlap: 'F1 overlap',
  kappa: 'kappa',
  alpha_u: 'alpha_u',
  attribution: 'attribution',
};

/** What an undefined measure shows. */
export const UNDEFINED_SCORE = 'n/a';

/** A measure with three decimals, or `n/a` where it is undefined (null). */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? UNDEFINED_SCORE : value.toFixed(3);
}

/** Kappa's name for these layers: Cohen's for two, Fleiss' for more. */
export function kappaName(layers: number): string {
  return layers > 2 ? "Fleiss' kappa" : "Cohen's kappa";
}

/** The readable table `gloss agreement` prints without --json. */
export function formatAgreementTable(report: AgreementReport, opts: { articles: number; top?: number } = { articles: report.by_article.length }): string {
  const lines: string[] = [];
  const n = report.layers.length;
  lines.push(`Agreement of ${report.layers.join(', ')} over ${opts.articles} article${opts.articles === 1 ? '' : 's'} (kappa: ${kappaName(n)}${n > 2 ? '; F1 and attribution: mean over pairs' : ''})`);
  lines.push('');
  const labels = Object.keys(report.by_label);
  const width = Math.max(12, ...labels.map((l) => l.length), ...report.pairs.map((p) => p.a.length + p.b.length + 3)) + 2;
  const header = (first: string, keys: readonly OverallKey[]) => first.padEnd(width) + keys.map((k) => SCORE_TITLES[k].padStart(12)).join('');
  const row = (name: string, scores: Partial<Record<OverallKey, number | null>>, keys: readonly OverallKey[]) => name.padEnd(width) + keys.map((k) => formatScore(scores[k]).padStart(12)).join('');
  lines.push(header('label', OVERALL_KEYS));
  for (const label of labels) lines.push(row(label, report.by_label[label] as AgreementScores, SCORE_KEYS));
  lines.push(row('overall', report.overall, OVERALL_KEYS));
  if (n > 2) {
    lines.push('');
    lines.push(header('pair', OVERALL_KEYS));
    for (const p of report.pairs) lines.push(row(`${p.a} / ${p.b}`, p.overall, OVERALL_KEYS));
  }
  const top = report.by_article.slice(0, opts.top ?? 20);
  if (top.length) {
    lines.push('');
    lines.push(`Articles by disagreement${report.by_article.length > top.length ? ` (top ${top.length} of ${report.by_article.length})` : ''}`);
    const idWidth = Math.max(8, ...top.map((a) => a.id.length)) + 2;
    lines.push('article'.padEnd(idWidth) + 'disagreements'.padStart(14) + SCORE_KEYS.map((k) => SCORE_TITLES[k].padStart(12)).join(''));
    for (const a of top) lines.push(a.id.padEnd(idWidth) + String(a.disagreements).padStart(14) + SCORE_KEYS.map((k) => formatScore(a[k]).padStart(12)).join(''));
  }
  lines.push('');
  lines.push(`${UNDEFINED_SCORE}: undefined (e.g. no span of the label in any layer). --json prints the full report.`);
  return lines.join('\n') + '\n';
}
