import { ApiError } from '../common/api';

/**
 * Parses the JSON content of a project file, or throws an ApiError that names the file and the
 * line and column where it goes wrong (git conflict markers are named as such).
 */
export function parseJsonFile(content: string, file: string): unknown {
  const conflict = /^(<{7}|={7}|>{7})( |$)/m.exec(content);
  if (conflict) {
    const { line } = lineColumn(content, conflict.index);
    throw new ApiError('CORRUPT_FILE', `${file}: git conflict markers at line ${line}; resolve the merge, Gloss left the file untouched`, file, line);
  }
  try {
    return JSON.parse(content);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const at = position ? lineColumn(content, Number(position[1])) : content.trim() === '' ? { line: 1, column: 1 } : undefined;
    const where = at ? ` at line ${at.line}, column ${at.column}` : '';
    const why = content.trim() === '' ? 'the file is empty' : message.replace(/ in JSON at position \d+.*$/, '');
    throw new ApiError('CORRUPT_FILE', `${file}: not valid JSON${where} (${why}); Gloss left the file untouched`, file, at?.line);
  }
}

/** 1-based line and column of a UTF-16 index. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}
