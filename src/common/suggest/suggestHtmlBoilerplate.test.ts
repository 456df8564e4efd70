import { describe, expect, it } from 'vitest';
import { suggestHtmlBoilerplate } from './suggestHtmlBoilerplate';

describe('suggestHtmlBoilerplate', () => {
  it('proposes every line outside readability’s content except the headline, and furniture inside it', () => {
    const body = (n: number): string => `Paragraph ${n} of the story says in plain words what the council decided on Tuesday and why it matters to the city.`;
    const lines = ['Home', 'World', 'Council approves budget', body(1), 'Share this article', body(2), body(3), 'Related stories', 'Another story', '© 2024 News'];
    const share = [0, 0, 0, 1, 1, 1, 1, 0, 0, 0];
    const got = suggestHtmlBoilerplate(lines.join('\n'), { contentShare: share, title: 'Council approves budget | News' }).map((s) => s.text);
    expect(got).toEqual(['Home', 'World', 'Share this article', 'Related stories', 'Another story', '© 2024 News']);
  });
});
