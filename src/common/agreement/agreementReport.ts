/**
 * The result of {@link computeAgreement}: plain JSON (numbers or null, never NaN), with the
 * snake_case keys the CLI prints with `--json`. Every measure is null where it is undefined.
 */

/** The four span measures of a label, or over all labels. */
export interface AgreementScores {
  /** Span F1, exact match (same start, end, label); the mean over layer pairs for 3+ layers. */
  f1_exact: number | null;
  /** Span F1, one-to-one overlap match; the mean over layer pairs for 3+ layers. */
  f1_overlap: number | null;
  /** Token-level Cohen's kappa for two layers, Fleiss' kappa for three or more. */
  kappa: number | null;
  /** Krippendorff's unitizing alpha on the character continuum. */
  alpha_u: number | null;
}

/** Measures over all labels, plus attribution agreement. */
export interface OverallAgreement extends AgreementScores {
  /** Dice share of QUOTE→SPEAKER links both layers have; the mean over pairs for 3+ layers. */
  attribution: number | null;
}

/** Measures over all labels on one article, and how many stretches the layers disagree on. */
export interface ArticleAgreement extends AgreementScores {
  id: string;
  /** Number of `partial` and `only` groups (see compareLayers). */
  disagreements: number;
}

/** All measures for one pair of layers (kappa is Cohen's). */
export interface PairAgreement {
  a: string;
  b: string;
  by_label: Record<string, AgreementScores>;
  overall: OverallAgreement;
}

/** Agreement between the chosen layers, per label, overall, per article and per pair. */
export interface AgreementReport {
  layers: string[];
  by_label: Record<string, AgreementScores>;
  overall: OverallAgreement;
  /** Articles, most disagreements first (ties keep the input order). */
  by_article: ArticleAgreement[];
  pairs: PairAgreement[];
}
