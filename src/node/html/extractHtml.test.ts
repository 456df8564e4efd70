import { describe, expect, it } from 'vitest';
import { extractHtml } from './extractHtml';

const para = (n: number): string =>
  `<p>Paragraph ${n} of the story explains, in plain and complete sentences, what the officials said on Tuesday, why it matters to readers, and what happens next in the city council, according to people familiar with the matter.</p>`;

const page = `<!doctype html><html><head><title>Council approves the new budget - Example News</title></head><body>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
  <main><article><h1>Council approves the new budget</h1><p class="byline">By Jane Doe</p>
  ${[1, 2, 3, 4, 5, 6].map(para).join('\n')}
  </article>
  <aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Another story about something else</a></li><li><a href="/b">Yet another story</a></li></ul></aside></main>
  <footer><p>© 2024 Example News. All rights reserved.</p></footer></body></html>`;

describe('extractHtml', () => {
  it('returns the whole visible text and maps readability content onto its lines', () => {
    const ex = extractHtml(page);
    expect(ex.text).toBe(ex.lines.join('\n'));
    expect(ex.lines[0]).toBe('Home');
    expect(ex.lines).toContain('© 2024 Example News. All rights reserved.');
    expect(ex.title).toBe('Council approves the new budget');
    const content = [...ex.contentLines].map((i) => ex.lines[i]);
    expect(content.filter((l) => l.startsWith('Paragraph '))).toHaveLength(6);
    expect(content).not.toContain('Home');
    expect(content).not.toContain('© 2024 Example News. All rights reserved.');
    expect(ex.contentShare).toHaveLength(ex.lines.length);
  });

  it('survives pages readability cannot read', () => {
    const ex = extractHtml('<p>Just a line.</p>');
    expect(ex.text).toBe('Just a line.');
    expect(ex.contentLines.size).toBeLessThanOrEqual(1);
  });
});

describe('extractHtml on deeply nested markup', () => {
  it('renders the text without recursion limits and skips readability', () => {
    const depth = 5000;
    const ex = extractHtml('<div>'.repeat(depth) + '<p>deep text</p>' + '</div>'.repeat(depth));
    expect(ex.text).toBe('deep text');
    expect(ex.contentLines.size).toBe(0);
  });
});
