import { ApiError } from '../common/api';

/**
 * Parses the JSON content of a project file, or throws an ApiError that names the file and the
 * line and column where it goes wrong (git conflict markers are named as such).
 */
export function parseJsonFile(content: string, file: string): unknown {
  try {
    // A byte-order mark (some editors add one) is not part of the JSON.
    return JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
  } catch (error) {
    // Conflict markers at a line start are never valid JSON (a string cannot hold a raw line
    // break), so they are looked for only once parsing failed.
    const conflict = /^(<{7}|={7}|>{7})( |$)/m.exec(content);
    if (conflict) {
      const { line } = lineColumn(content, conflict.index);
      throw new ApiError('CORRUPT_FILE', `${file}: git conflict markers at line ${line}; resolve the merge, Gloss left the file untouched`, file, line);
    }
    const problem = content.trim() === ''
      ? { index: 0, reason: 'the file is empty' }
      : findJsonError(content.charCodeAt(0) === 0xfeff ? ' ' + content.slice(1) : content) ?? { index: -1, reason: (error as Error).message };
    const at = problem.index >= 0 ? lineColumn(content, problem.index) : undefined;
    const where = at ? ` at line ${at.line}, column ${at.column}` : '';
    throw new ApiError('CORRUPT_FILE', `${file}: not valid JSON${where} (${problem.reason}); Gloss left the file untouched`, file, at?.line);
  }
}

/**
 * Finds where JSON text first goes wrong. V8's own messages give no position for many errors
 * ("Unexpected token 'o', ... is not valid JSON"), so a small scanner locates it instead.
 */
function findJsonError(text: string): { index: number; reason: string } | null {
  let i = 0;
  const fail = (reason: string): never => {
    throw { index: i, reason };
  };
  const describe = () => (i >= text.length ? 'unexpected end of file' : `unexpected ${JSON.stringify(text[i])}`);
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('control character inside a string (an unclosed string?)');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape in a string');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail('bad escape in a string');
      }
      i++;
    }
    if (i >= text.length) fail('unclosed string');
    i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        space();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe().replace('unexpected ', '')}`);
        string();
        space();
        if (text[i] !== ':') fail(`expected ":" after a property name, ${describe()}`);
        i++;
        value();
        space();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail(`expected "," or "}" in an object, ${describe()}`);
      }
    } else if (c === '[') {
      i++;
      space();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value();
        space();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail(`expected "," or "]" in an array, ${describe()}`);
      }
    } else if (c === '"') {
      string();
    } else {
      const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!literal) fail(describe());
      i += literal![0].length;
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail(`${describe()} after the end of the JSON value`);
    return null;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'index' in error) return error as { index: number; reason: string };
    throw error;
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

/**
 * 1-based line of the value at a path (object keys and array indexes, as a schema issue gives it)
 * in JSON text; when the path leads to a missing member, the line of the nearest enclosing value.
 * Undefined when the text is not valid JSON.
 */
export function lineOfJsonPath(text: string, path: readonly PropertyKey[]): number | undefined {
  let i = 0;
  let found = -1;
  const space = () => {
    while (i < text.length && ' \t\n\r\ufeff'.includes(text[i])) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  // Records where each value on the path starts; the deepest one reached is the answer.
  const value = (depth: number, onPath: boolean): void => {
    space();
    if (onPath) found = i;
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      let index = 0;
      for (;;) {
        space();
        if (text[i] === '}' || text[i] === ']') {
          i++;
          return;
        }
        let key: PropertyKey = index++;
        if (c === '{') {
          key = string();
          space();
          i++; // ':'
        }
        value(depth + 1, onPath && depth < path.length && path[depth] === key);
        space();
        if (text[i] === ',') i++;
      }
    } else if (c === '"') {
      string();
    } else {
      const literal = /^[^\s,\]}]+/.exec(text.slice(i, i + 400));
      i += literal ? literal[0].length : 1;
    }
  };
  try {
    JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    value(0, true);
  } catch {
    return undefined;
  }
  return found === -1 ? undefined : lineColumn(text, found).line;
}
