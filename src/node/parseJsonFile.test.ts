import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ApiError } from '../common/api';
import { lineOfJsonPath, parseJsonFile } from './parseJsonFile';

function failure(content: string): ApiError {
  try {
    parseJsonFile(content, 'annotations/alice/a.txt.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected parseJsonFile to fail');
}

describe('parseJsonFile', () => {
  it.each([
    ['{\n  "status": "done",\n  "spans": oops\n}\n', 3, 12, /unexpected "o"/],
    ['{\n  "a": 1,\n}\n', 3, 1, /property name/],
    ['{\n  "a": [1, 2\n', 3, 1, /unexpected end of file/],
    ['{\n  "a": "unclosed\n}\n', 2, 17, /unclosed string/],
    ['{"a": 1}\n}\n', 2, 1, /after the end/],
    ['\n\n{"a" 1}', 3, 6, /expected ":"/],
  ])('names file, line and column of %j', (content, line, column, reason) => {
    const error = failure(content);
    expect(error.code).toBe('CORRUPT_FILE');
    expect(error.file).toBe('annotations/alice/a.txt.json');
    expect(error.line).toBe(line);
    expect(error.message).toContain(`annotations/alice/a.txt.json: not valid JSON at line ${line}, column ${column}`);
    expect(error.message).toMatch(reason);
    expect(error.message).toMatch(/Gloss left the file untouched/);
  });

  it('says an empty file is empty', () => {
    expect(failure('  \n').message).toMatch(/not valid JSON at line 1, column 1 \(the file is empty\)/);
  });

  it('names git conflict markers and their line', () => {
    const error = failure('{\n  "status": "todo",\n<<<<<<< HEAD\n  "spans": [],\n=======\n  "spans": [1],\n>>>>>>> main\n}\n');
    expect(error).toMatchObject({ code: 'CORRUPT_FILE', line: 3 });
    expect(error.message).toMatch(/git conflict markers at line 3; resolve the merge/);
  });

  it('reads a file saved with a byte-order mark', () => {
    expect(parseJsonFile('\ufeff{"a": 1}', 'f.json')).toEqual({ a: 1 });
  });

  it('agrees with JSON.parse on valid JSON (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
      const text = JSON.stringify(value, null, indent);
      expect(parseJsonFile(text, 'f.json')).toEqual(JSON.parse(text));
    }), { seed: 20261125, numRuns: 500 });
  });

  it('locates every JSON.parse failure on a line of the file (property)', () => {
    const damaged = fc.tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('', '}', ']', ',', '"', 'x', ':', '\n', '{', '[')).map(([value, at, junk]) => {
      const text = JSON.stringify(value, null, 2);
      const i = at % (text.length + 1);
      return text.slice(0, i) + junk + text.slice(i + (junk === '' ? 1 : 0));
    });
    fc.assert(fc.property(damaged, (text) => {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      fc.pre(!valid && !/^(<{7}|={7}|>{7})( |$)/m.test(text));
      const error = failure(text);
      const lines = text.split('\n').length;
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.line).toBeLessThanOrEqual(lines);
    }), { seed: 20261125, numRuns: 1000 });
  });
});

describe('lineOfJsonPath', () => {
  const text = JSON.stringify({ formatVersion: 1, spans: [{ id: 's1', start: 1 }, { id: 's"2', start: -1 }], empty: {} }, null, 2);

  it('gives the line of the value at a schema issue path', () => {
    expect(lineOfJsonPath(text, ['formatVersion'])).toBe(2);
    expect(lineOfJsonPath(text, ['spans', 1, 'start'])).toBe(10);
    expect(lineOfJsonPath(text, ['spans', 0])).toBe(4);
  });

  it('falls back to the nearest enclosing value for a missing member, and gives up on invalid JSON', () => {
    expect(lineOfJsonPath(text, ['spans', 1, 'end'])).toBe(8);
    expect(lineOfJsonPath(text, ['nothing'])).toBe(1);
    expect(lineOfJsonPath('{"a": ', ['a'])).toBeUndefined();
  });

  it('finds the line of every member of random pretty-printed JSON (property)', () => {
    const key = fc.string({ unit: fc.constantFrom('a', 'b', '"', '\\', ' ', 'é'), minLength: 1, maxLength: 4 });
    fc.assert(fc.property(fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }), (value) => {
      const pretty = JSON.stringify(value, null, 2);
      const lines = pretty.split('\n');
      for (const k of Object.keys(value)) {
        const line = lineOfJsonPath(pretty, [k]);
        expect(lines[line! - 1].trimStart().startsWith(JSON.stringify(k) + ':')).toBe(true);
      }
    }), { seed: 20261125, numRuns: 300 });
  });
});
