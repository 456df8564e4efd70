import { describe, expect, it } from 'vitest';
import { parseArticleJsonl } from './parseArticleJsonl';

describe('parseArticleJsonl', () => {
  it('reads text, id and meta, and names each bad line', () => {
    const content = [
      '\ufeff{"id": "news/one.txt", "text": "First 😀\\r\\nline", "meta": {"url": "https://example.org"}}',
      '{"text": "No id"}',
      '{"text": ',
      '{"id": "x.txt"}',
      '{"id": "../../etc/passwd", "text": "evil"}',
      '{"id": "news/one.txt", "text": "again"}',
      '{"text": "bad meta", "meta": [1]}',
      '[1, 2]',
      '{"id": 12, "text": "numeric id"}',
      '{"text": ""}',
      '',
    ].join('\r\n');
    const { articles, errors } = parseArticleJsonl(content, 'in.jsonl');
    expect(articles).toEqual([
      { line: 1, id: 'news/one.txt', text: 'First 😀\r\nline', meta: { url: 'https://example.org' } },
      { line: 2, text: 'No id' },
      { line: 9, id: '12', text: 'numeric id' },
    ]);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 10]);
    expect(errors[0].message).toMatch(/^malformed JSON/);
    expect(errors[2].message).toMatch(/leave the project/);
    expect(errors[3].message).toMatch(/duplicate id .* line 1/);
  });
});
