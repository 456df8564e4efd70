import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fastLayerDoc } from './fastLayerDoc';
import { layerDocSchema } from './api';

const span = fc.record({
  id: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constant(''), fc.constant(5)),
  start: fc.oneof(fc.nat(50), fc.constant(-1), fc.constant(1.5)),
  end: fc.oneof(fc.nat(60), fc.constant('9')),
  label: fc.constantFrom('QUOTE', '', 'CLAIM'),
  text: fc.string({ maxLength: 5 }),
  attrs: fc.oneof(fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 })), fc.constant({ a: 1 }), fc.constant([])),
  origin: fc.constant('manual'),
  createdAt: fc.constant(''),
  updatedAt: fc.constant(''),
  flagged: fc.option(fc.string({ maxLength: 3 }), { nil: undefined }),
  sources: fc.option(fc.array(fc.constantFrom('alice', 'bob', '.bad', 'gold')), { nil: undefined }),
  prefix: fc.option(fc.string(), { nil: undefined }),
}, { requiredKeys: ['id', 'start', 'end', 'label', 'text', 'attrs', 'origin', 'createdAt', 'updatedAt'] });

const doc = fc.record({
  formatVersion: fc.constantFrom(1, 0, 2),
  article: fc.constantFrom('articles/a.txt', '../x', '/abs', 'articles/b c.txt'),
  layer: fc.constantFrom('alice', '.hidden', 'gold', 'a b'),
  sha256: fc.string({ maxLength: 70 }),
  status: fc.constantFrom('todo', 'done', 'bogus'),
  spans: fc.array(span, { maxLength: 4 }),
  relations: fc.array(fc.record({ id: fc.constantFrom('r1', ''), type: fc.constant('ATTRIBUTED_TO'), from: fc.constant('s'), to: fc.constant('t') }), { maxLength: 2 }),
  orphans: fc.option(fc.array(span, { maxLength: 2 }), { nil: undefined }),
  updatedAt: fc.constant('2026-11-25'),
  extra: fc.option(fc.string(), { nil: undefined }),
}, { requiredKeys: ['formatVersion', 'article', 'layer', 'sha256', 'status', 'spans', 'relations', 'updatedAt'] });

describe('fastLayerDoc', () => {
  it('accepts only what the schema accepts, and returns exactly what the schema returns', () => {
    let accepted = 0;
    fc.assert(fc.property(doc, (d) => {
      const fast = fastLayerDoc(JSON.parse(JSON.stringify(d)));
      const schema = layerDocSchema.safeParse(JSON.parse(JSON.stringify(d)));
      if (fast !== null) {
        accepted++;
        expect(schema.success).toBe(true);
        expect(fast).toEqual(schema.data);
      }
    }), { seed: 42, numRuns: 3000 });
    expect(accepted).toBeGreaterThan(20);
  });
});
