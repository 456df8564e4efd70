import { boilerplateLineSuggestions } from './boilerplateLineSuggestions';
import { LineFrequencyIndex } from './LineFrequencyIndex';
import type { Suggestion } from './Suggestion';

/** Evidence from the rest of the project for {@link suggestBoilerplate}. */
export interface BoilerplateOptions {
  /** A prebuilt index over the project's articles, with this article's id in it. */
  index?: LineFrequencyIndex;
  articleId?: number;
  /** Or the other articles' texts (an index is built on the fly; prefer `index` for many calls). */
  otherTexts?: readonly string[];
}

/**
 * Proposes BOILERPLATE for whole lines of a plain-text article (one suggestion per line, from
 * its first to its last non-space character). See `classifyLines` for the rules. Pure and
 * deterministic; linear in the text's length.
 */
export function suggestBoilerplate(text: string, options: BoilerplateOptions = {}): Suggestion[] {
  let { index, articleId } = options;
  if (!index && options.otherTexts && options.otherTexts.length > 0) {
    index = LineFrequencyIndex.build([text, ...options.otherTexts]);
    articleId = 0;
  }
  return boilerplateLineSuggestions(text, { index, articleId }, 'boilerplate');
}
