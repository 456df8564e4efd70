import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../../common/offsets';
import { suggestHtmlPage } from './suggestHtmlPage';

describe('suggestHtmlPage', () => {
  it('returns the page text and proposes its furniture, not its story or headline', () => {
    const p = (n: number): string => `<p>Paragraph ${n}: the council approved the budget on Tuesday after a long debate about schools, roads and the new library, officials said. 😀</p>`;
    const html = `<html><head><title>Council approves budget</title></head><body><nav><a>Home</a> <a>World</a></nav>
      <article><h1>Council approves budget</h1>${[1, 2, 3, 4, 5].map(p).join('')}<p>Share on Facebook</p></article>
      <footer>© 2024 The Valley Courier</footer></body></html>`;
    const { text, title, suggestions } = suggestHtmlPage(html);
    expect(title).toBe('Council approves budget');
    const marked = suggestions.map((s) => s.text);
    expect(marked).toContain('© 2024 The Valley Courier');
    expect(marked).toContain('Share on Facebook');
    expect(marked).not.toContain('Council approves budget');
    expect(marked.some((m) => m.startsWith('Paragraph'))).toBe(false);
    for (const s of suggestions) expect(sliceCodePoints(text, s.start, s.end)).toBe(s.text);
  });
});
