import type { LineFrequencyIndex } from '../../common/suggest/LineFrequencyIndex';
import { suggestHtmlBoilerplate } from '../../common/suggest/suggestHtmlBoilerplate';
import type { Suggestion } from '../../common/suggest/Suggestion';
import { extractHtml } from './extractHtml';

/**
 * Imports an HTML page in one call: its whole visible text (the article text to store), its
 * title, and the BOILERPLATE suggestions of the HTML engine over that text (code points).
 */
export function suggestHtmlPage(html: string, project: { index?: LineFrequencyIndex; articleId?: number } = {}): { text: string; title: string; suggestions: Suggestion[] } {
  const ex = extractHtml(html);
  const suggestions = suggestHtmlBoilerplate(ex.text, { contentShare: ex.contentShare, title: ex.title, ...project });
  return { text: ex.text, title: ex.title, suggestions };
}
