import { classifyLines, type ClassifyLinesOptions } from './classifyLines';
import type { Suggestion } from './Suggestion';

/** One BOILERPLATE suggestion for each line `classifyLines` judges boilerplate, credited to `engine`. */
export function boilerplateLineSuggestions(text: string, options: ClassifyLinesOptions, engine: string): Suggestion[] {
  return classifyLines(text, options)
    .filter((v) => v.boilerplate)
    .map((v) => ({
      label: 'BOILERPLATE',
      start: v.line.start,
      end: v.line.end,
      text: v.line.text,
      score: v.confidence,
      engine,
      reason: v.reason,
    }));
}
