// Property-based fuzzing of the API argument validation that both transports run before any
// call reaches the disk: it never throws anything but an ApiError and never lets an article id
// with a `..` segment or an absolute path through.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { API_METHODS, ApiError, validateArgs } from './api';
import { emptyLayerDoc } from './model';

const SEED = 20261125;
const RUNS = 2000;

/** Article-id-like strings built from risky pieces: dot segments, both slashes, drive letters, NUL, Unicode. */
const pathLike = fc.array(fc.constantFrom('articles', '..', '.', '', 'a.txt', ' ..', '.. ', '...', '..\\..', 'C:', 'c:', '\\', '/', '%2e%2e', '\u0000', '東京 🚀', '\u2024\u2024', '..\u200b', 'gloss.json'), { minLength: 1, maxLength: 6 })
  .chain((parts) => fc.constantFrom('/', '\\').map((sep) => parts.join(sep)));

const anyId = fc.oneof(pathLike, fc.string(), fc.string({ unit: fc.constantFrom('.', '/', '\\', 'a', ':', 'C') }));

function hasDotDotSegment(id: string): boolean {
  return id.split(/[\\/]/).includes('..');
}

function isAbsolute(id: string): boolean {
  return id.startsWith('/') || /^[A-Za-z]:/.test(id);
}

/** Runs validateArgs and returns the parsed arguments, or the ApiError; any other throw fails the test. */
function attempt(method: string, args: unknown): unknown[] | ApiError {
  try {
    return validateArgs(method, args);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect(['BAD_ARGUMENTS', 'BAD_METHOD']).toContain((error as ApiError).code);
    expect((error as ApiError).message.length).toBeGreaterThan(0);
    return error as ApiError;
  }
}

describe('validateArgs (fuzzed)', () => {
  it('throws only ApiError for any method name and any arguments', () => {
    const method = fc.oneof(fc.constantFrom(...API_METHODS, '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', ''), fc.string());
    fc.assert(fc.property(method, fc.oneof(fc.anything(), fc.array(fc.anything(), { maxLength: 4 })), (name, args) => {
      const result = attempt(name, args);
      if (!(API_METHODS as readonly string[]).includes(name)) expect(result).toBeInstanceOf(ApiError);
      if (!(result instanceof ApiError)) expect(Array.isArray(result)).toBe(true);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('never accepts an article id with a .. segment or an absolute path, in any method that takes one', () => {
    fc.assert(fc.property(anyId, fc.constantFrom('getArticle', 'getLayer', 'saveLayer'), (id, method) => {
      const args = method === 'getArticle' ? [id] : method === 'getLayer' ? [id, 'alice'] : [id, 'alice', emptyLayerDoc('articles/a.txt', 'alice', '')];
      const result = attempt(method, args);
      if (hasDotDotSegment(id) || isAbsolute(id)) expect(result).toBeInstanceOf(ApiError);
      if (!(result instanceof ApiError)) expect(result[0]).toBe(id);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('never accepts a layer document naming an article outside the project', () => {
    fc.assert(fc.property(anyId, (id) => {
      const result = attempt('saveLayer', ['articles/a.txt', 'alice', { ...emptyLayerDoc('articles/a.txt', 'alice', ''), article: id }]);
      if (hasDotDotSegment(id) || isAbsolute(id)) expect(result).toBeInstanceOf(ApiError);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('never accepts a layer name that is a path or starts with a dot', () => {
    fc.assert(fc.property(fc.oneof(anyId, fc.string()), (layer) => {
      const result = attempt('getLayer', ['articles/a.txt', layer]);
      if (result instanceof ApiError) return;
      expect(layer).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/);
      expect(layer.includes('/') || layer.includes('\\') || layer.startsWith('.')).toBe(false);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('accepts well-formed calls unchanged', () => {
    const safeSegment = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '-', '_', 'é', '🚀', '.'), minLength: 1, maxLength: 8 }).filter((s) => s !== '.' && s !== '..');
    fc.assert(fc.property(fc.array(safeSegment, { minLength: 1, maxLength: 3 }), (segments) => {
      const id = ['articles', ...segments].join('/');
      expect(validateArgs('getArticle', [id])).toEqual([id]);
    }), { seed: SEED, numRuns: 500 });
  });
});
