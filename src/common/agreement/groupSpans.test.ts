import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { disagreementCount, groupSpans } from './groupSpans';
import type { MeasuredSpan } from './measuredSpans';

const span = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('A', 'B'))
  .map(([start, len, label]): Omit<MeasuredSpan, 'id'> => ({ start, end: start + len, label }));
const layers = fc.array(fc.array(span, { maxLength: 6 }), { minLength: 2, maxLength: 4 })
  .map((ls) => ls.map((spans, l) => spans.map((s, k) => ({ ...s, id: `${l}.${k}` }))));

describe('groupSpans', () => {
  it('puts every span in exactly one group, sorted by position, and counts disagreements consistently', () => {
    fc.assert(fc.property(layers, (perLayer) => {
      const groups = groupSpans(perLayer);
      const seen = groups.flatMap((g) => g.spanIds.flat()).sort();
      expect(seen).toEqual(perLayer.flat().map((s) => s.id).sort());
      for (let i = 1; i < groups.length; i++) expect(groups[i].start).toBeGreaterThanOrEqual(groups[i - 1].start);
      for (const g of groups) {
        if (g.kind === 'agree') expect(g.spanIds.every((ids) => ids.length > 0)).toBe(true);
        if (g.kind !== 'partial') expect(g.labels).toHaveLength(1);
      }
      expect(disagreementCount(perLayer)).toBe(groups.filter((g) => g.kind !== 'agree').length);
    }), { seed: 21, numRuns: 1000 });
  });

  it('is all agreement for identical layers', () => {
    const spans: MeasuredSpan[] = [{ id: 'x', start: 0, end: 5, label: 'A' }, { id: 'y', start: 2, end: 9, label: 'B' }];
    const groups = groupSpans([spans, spans, spans]);
    expect(groups.map((g) => g.kind)).toEqual(['agree', 'agree']);
    expect(disagreementCount([spans, spans, spans])).toBe(0);
  });
});
