/** Wall-clock time of every engine over a generated project. */
import { LineFrequencyIndex } from '../../src/common/suggest/LineFrequencyIndex';
import { RepeatIndex } from '../../src/common/suggest/RepeatIndex';
import { suggestBoilerplate } from '../../src/common/suggest/suggestBoilerplate';
import { suggestClaims } from '../../src/common/suggest/suggestClaims';
import { suggestFromPredictions } from '../../src/common/suggest/suggestFromPredictions';
import { suggestQuotes } from '../../src/common/suggest/suggestQuotes';
import { generateArticles } from './generateArticles';

export interface SpeedResult {
  articles: number;
  megabytes: number;
  seconds: Record<string, number>;
  totalSeconds: number;
  msPerArticle: number;
  suggestions: Record<string, number>;
}

export function evalSpeed(count = 10_000): SpeedResult {
  const texts = generateArticles(count);
  const seconds: Record<string, number> = {};
  const suggestions: Record<string, number> = {};
  const time = <T>(name: string, f: () => T): T => {
    const t = performance.now();
    const v = f();
    seconds[name] = (performance.now() - t) / 1000;
    return v;
  };
  const index = time('line index', () => LineFrequencyIndex.build(texts));
  const boiler = time('boilerplate', () => texts.map((t, i) => suggestBoilerplate(t, { index, articleId: i })));
  suggestions.boilerplate = boiler.reduce((a, s) => a + s.length, 0);
  const quotes = time('quotes', () => texts.map((t) => suggestQuotes(t)));
  suggestions.quotes = quotes.reduce((a, s) => a + s.length, 0);
  suggestions.claims = time('claims', () => texts.reduce((a, t, i) => a + suggestClaims(t, { exclude: boiler[i] }).length, 0));
  // Repeats: the quotes and boilerplate of the first 10% of articles, as if annotated, spread to all.
  suggestions.repeats = time('repeats', () => {
    const ri = new RepeatIndex();
    const labelled = Math.ceil(count / 10);
    for (let i = 0; i < labelled; i++) ri.addArticle(`a${i}`, texts[i], [...quotes[i], ...boiler[i]]);
    return texts.reduce((a, t, i) => a + ri.suggest(`a${i}`, t).length, 0);
  });
  suggestions.predictions = time('model predictions', () =>
    texts.reduce((a, t) => {
      const n = [...t].length;
      const records = Array.from({ length: 20 }, (_, k) => ({ start: (k * 37) % Math.max(1, n - 10), end: ((k * 37) % Math.max(1, n - 10)) + 10, label: 'CLAIM', score: 0.5 }));
      return a + suggestFromPredictions(t, records).suggestions.length;
    }, 0),
  );
  const totalSeconds = Object.values(seconds).reduce((a, b) => a + b, 0);
  return {
    articles: count,
    megabytes: texts.reduce((a, t) => a + t.length, 0) / 1e6,
    seconds,
    totalSeconds,
    msPerArticle: (totalSeconds * 1000) / count,
    suggestions,
  };
}
