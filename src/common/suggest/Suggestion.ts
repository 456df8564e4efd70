/**
 * A proposed span, produced by one of the suggestion engines. Offsets are half-open
 * [start, end) ranges in Unicode code points over the article text, and `text` is exactly
 * `text[start:end]` in Python terms.
 */
export interface Suggestion {
  label: string;
  start: number;
  end: number;
  text: string;
  /** Confidence in 0..1; higher means more likely right. Comparable within one engine only. */
  score: number;
  /** The engine that proposed it (`boilerplate`, `html-boilerplate`, `quotes`, `claims`, `repeats`, `model:<name>`). */
  engine: string;
  /**
   * Links from this suggestion: `to` is the index, in the same returned array, of the target
   * suggestion (for ATTRIBUTED_TO, a SPEAKER suggestion).
   */
  links?: SuggestionLink[];
  /** A short human-readable reason, shown in the UI next to the suggestion. */
  reason?: string;
}

/** A typed link from one suggestion to another suggestion of the same result array. */
export interface SuggestionLink {
  type: 'ATTRIBUTED_TO';
  to: number;
}
