import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../offsets';
import { LineFrequencyIndex } from './LineFrequencyIndex';
import { suggestBoilerplate } from './suggestBoilerplate';

const story = [
  'US asks allies to avoid Huawei equipment',
  '',
  'Share on Facebook Tweet Share Reddit Comment',
  'US asks allies to avoid Huawei equipment',
  '',
  'The US government is trying to persuade wireless and internet providers in allied countries to avoid telecommunications equipment from China’s Huawei Technologies, the Wall Street Journal reported on Thursday.',
  '',
  'US officials have reached out to their government counterparts and telecom executives in friendly countries where Huawei equipment is already in wide use, according to the report, which cited unnamed people.',
  '',
  'Washington has been considering increasing financial aid for telecommunications development in countries that shun Chinese-made equipment, the report said.',
  '',
  'Comments',
  '',
  'Further reading: Huawei, WSJ, US, China',
  'Xiaomi Redmi Note 6 Pro to Go on Sale for the First Time in India Today',
  'Samsung Galaxy A8s Alleged Renders Show Infinity-O Display',
  'Reliance Jio to Take Over as Service Provider for Railways From January 1',
  '© Copyright Red Pixels Ventures Limited 2018. All rights reserved. 😀',
].join('\n');

const marked = (text: string, opts = {}): string[] => suggestBoilerplate(text, opts).map((s) => s.text);

describe('suggestBoilerplate', () => {
  it('marks share bars, repeated headlines, comment headers, teaser lists and copyright, not the story', () => {
    const got = marked(story);
    expect(got).toContain('Share on Facebook Tweet Share Reddit Comment');
    expect(got).toContain('Comments');
    expect(got).toContain('Further reading: Huawei, WSJ, US, China');
    expect(got).toContain('Samsung Galaxy A8s Alleged Renders Show Infinity-O Display');
    expect(got).toContain('© Copyright Red Pixels Ventures Limited 2018. All rights reserved. 😀');
    // The repeated headline: the second copy only.
    expect(got.filter((l) => l === 'US asks allies to avoid Huawei equipment')).toHaveLength(2 - 1);
    for (const l of got) expect(l).not.toMatch(/^(The US government|US officials|Washington has)/);
  });

  it('spans whole lines without the line break, in code points', () => {
    const text = '😀 Advertisement \r\nA long line of the story itself that reads like prose, with enough words to count as the body of it.\r\n';
    const [s] = suggestBoilerplate(text);
    expect(s.text).toBe('😀 Advertisement');
    expect([s.start, s.end]).toEqual([0, 15]);
    expect(sliceCodePoints(text, s.start, s.end)).toBe(s.text);
  });

  it('marks prose lines repeated across other stories of the project, not across copies of the same story', () => {
    const about = 'The Valley Courier has covered the towns of the valley since 1950 and is owned by the Example Media Group.';
    const stories = [
      'A bridge over the river collapsed on Monday morning after days of heavy rain.\n\nEngineers had warned the city council about cracks in the main span two years ago.\n\nNo one was injured, but traffic across the valley will be diverted for months.',
      'The opposition won the regional election with a clear majority of the votes cast.\n\nTurnout rose to its highest level in two decades, the electoral office said.\n\nThe new government is expected to take office before the end of the month.',
      'Forecasters issued a flood warning for the coast as a storm approached from the west.\n\nResidents in low-lying areas were told to move their cars to higher ground.\n\nSchools will stay closed on Tuesday while emergency crews clear the roads.',
    ];
    const mk = (i: number): string => `${stories[i]}\n\n${about}`;
    const texts = [mk(0), mk(1), mk(2)];
    const index = LineFrequencyIndex.build(texts);
    expect(marked(texts[0], { index, articleId: 0 })).toEqual([about]);
    const copies = LineFrequencyIndex.build([mk(0), mk(0)]);
    expect(marked(texts[0], { index: copies, articleId: 0 })).toEqual([]);
    expect(marked(texts[0], { otherTexts: texts.slice(1) })).toEqual([about]);
  });
});
