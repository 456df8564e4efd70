import { boilerplateLineSuggestions } from './boilerplateLineSuggestions';
import type { LineFrequencyIndex } from './LineFrequencyIndex';
import type { Suggestion } from './Suggestion';

/** What the HTML importer knows about a page (see `extractHtml` in src/node/html). */
export interface HtmlPageEvidence {
  /** For each line of the text, the share (0..1) of it that readability kept as main content. */
  contentShare: readonly number[];
  /** The page title; its line is kept as the headline. */
  title?: string;
  index?: LineFrequencyIndex;
  articleId?: number;
}

/**
 * Proposes BOILERPLATE for the lines of a page imported from HTML: readability's main-content
 * verdicts weigh in the line classifier, so the story body is the stretch of lines readability
 * kept that reads as prose; every line outside it is proposed, and inside it the lines with
 * furniture wording and lines readability left out. When readability kept no line at all, the
 * page is judged as plain text (`suggestBoilerplate`'s rules), its title still kept.
 */
export function suggestHtmlBoilerplate(text: string, evidence: HtmlPageEvidence): Suggestion[] {
  // Readability found nothing (or was not run): judge the text alone, headline still known.
  const found = evidence.contentShare.some((x) => x >= 0.5);
  const options = found ? evidence : { ...evidence, contentShare: undefined };
  return boilerplateLineSuggestions(text, options, 'html-boilerplate');
}
