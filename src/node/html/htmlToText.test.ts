import { afterEach, describe, expect, it, vi } from 'vitest';
import { htmlToText } from './htmlToText';

describe('htmlToText', () => {
  afterEach(() => vi.restoreAllMocks());

  it('puts each block on its own line, without blank lines, and collapses whitespace', () => {
    const html = `<html><head><title>T</title></head><body>
      <nav><ul><li>Home</li><li> World\n  News </li></ul></nav>
      <h1>Big   <em>headline</em></h1>
      <p>First&nbsp;paragraph with <a href="#">a link</a>.</p><p>Second<br>line two</p>
      <table><tr><td>cell 1</td><td>cell 2</td></tr></table>
      <footer>© 2024 Example</footer></body></html>`;
    expect(htmlToText(html)).toBe(
      ['Home', 'World News', 'Big headline', 'First paragraph with a link.', 'Second', 'line two', 'cell 1', 'cell 2', '© 2024 Example'].join('\n'),
    );
  });

  it('never renders scripts, styles, templates, noscript or hidden elements', () => {
    const html = `<body><script>var x = "secret";</script><style>p{}</style><noscript><p>Enable JS</p></noscript>
      <template><p>tpl</p></template><p hidden>h1</p><div aria-hidden="true">h2</div>
      <span style="display: none">h3</span><p style="color:red; visibility:hidden">h4</p>
      <div style="display:block">shown</div><svg><text>svg text</text></svg><select><option>opt</option></select></body>`;
    expect(htmlToText(html)).toBe('shown');
  });

  it('keeps line breaks inside pre', () => {
    expect(htmlToText('<p>a</p><pre>x  1\ny   2</pre>')).toBe('a\nx 1\ny 2');
  });

  it('drops soft hyphens and zero-width characters', () => {
    expect(htmlToText('<p>in\u00adcred\u200bible</p>')).toBe('incredible');
  });

  it('requests nothing: no fetch for images, scripts, stylesheets or iframes', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network'));
    const text = htmlToText(
      '<link rel="stylesheet" href="http://example.invalid/a.css"><script src="http://example.invalid/a.js"></script>' +
        '<img src="http://example.invalid/a.png" onerror="globalThis.pwned=1"><iframe src="http://example.invalid/"></iframe><p>ok</p>',
    );
    expect(text).toBe('ok');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});
