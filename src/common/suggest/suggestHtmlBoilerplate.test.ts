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

  it('falls back to the plain-text rules when readability kept nothing', () => {
    const body = 'The council approved the budget on Tuesday after a long debate about schools, roads and the new library downtown.';
    const text = ['Home', 'Council approves budget', body, body.replace('Tuesday', 'Monday'), 'Share on Facebook'].join('\n');
    const got = suggestHtmlBoilerplate(text, { contentShare: [0, 0, 0, 0, 0], title: 'Council approves budget' }).map((s) => s.text);
    expect(got).toEqual(['Home', 'Share on Facebook']);
  });
});
