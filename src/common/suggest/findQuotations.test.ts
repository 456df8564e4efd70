import { describe, expect, it } from 'vitest';
import { findQuotations } from './findQuotations';

const quoted = (text: string): string[] => findQuotations(text).map((q) => text.slice(q.start16, q.end16));

describe('findQuotations', () => {
  it('finds curly and straight quotations, marks included', () => {
    expect(quoted('He said “we will go home,” and then "we are done." Done.')).toEqual(['“we will go home,”', '"we are done."']);
  });

  it('finds guillemets, French and German style, and German low-high quotes', () => {
    expect(quoted('« Nous allons gagner », a-t-il dit. »Hallo Welt«, sagte er. „Guten Tag“, sagte sie.')).toEqual([
      '« Nous allons gagner »',
      '»Hallo Welt«',
      '„Guten Tag“',
    ]);
  });

  it('lets a quotation span a line break of a wrapped paragraph', () => {
    const text = 'The official said “we remind them of\nthose concerns” on Friday.';
    expect(quoted(text)).toEqual(['“we remind them of\nthose concerns”']);
  });

  it('ends a quotation without a closing mark at the end of its paragraph', () => {
    const text = '“This is the first paragraph of a long quote.\n\n“And this is the second,” she said.';
    const qs = findQuotations(text);
    expect(qs.map((q) => text.slice(q.start16, q.end16))).toEqual(['“This is the first paragraph of a long quote.', '“And this is the second,”']);
    expect(qs.map((q) => q.closed)).toEqual([false, true]);
  });

  it('ignores apostrophes and inch marks', () => {
    expect(quoted("It's the company's 5'11\" player, isn't it?")).toEqual([]);
  });
});
