import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addRelation, addSpan, removeRelation, removeSpan, renameLabelInDoc, deleteLabelInDoc, setSpanAttr } from './spanOps';
import { LayerHistory } from './layerHistory';
import { OffsetMap } from './offsets';
import { defaultSchema, emptyLayerDoc } from './model';
import type { LayerDoc } from './model';

const pieces = fc.constantFrom('a', 'b', ' ', '\r\n', '\n', 'é', 'e\u0301', '😀', '👩‍👩‍👧', '中', 'שלום', '“', '”', '.');
const unicodeText = fc.array(pieces, { minLength: 1, maxLength: 30 }).map((p) => p.join(''));

type Op = { kind: 'create'; a: number; b: number; label: number } | { kind: 'delete'; pick: number } | { kind: 'undo' } | { kind: 'redo' };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), a: fc.nat(), b: fc.nat(), label: fc.nat(3) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
);

describe('span operations', () => {
  it('any sequence of create, overlap, delete, undo and redo keeps exactly the offsets the user selected', () => {
    const labels = defaultSchema().labels.map((l) => l.name);
    fc.assert(fc.property(unicodeText, fc.array(op, { maxLength: 25 }), (text, ops) => {
      const map = new OffsetMap(text);
      // Code point boundaries a user can select between (the renderer never splits a pair).
      const boundaries: number[] = [];
      for (let cp = 0; cp <= map.codePointLength; cp++) boundaries.push(map.toUtf16(cp));
      let doc: LayerDoc = emptyLayerDoc('articles/a.txt', 'alice', '');
      const history = new LayerHistory();
      // The reference model: the list of selections each live span was made from.
      let model: { id: string; from: number; to: number; label: string }[] = [];
      const modelPast: (typeof model)[] = [];
      let modelFuture: (typeof model)[] = [];
      for (const o of ops) {
        if (o.kind === 'create') {
          const from = boundaries[o.a % boundaries.length];
          const to = boundaries[o.b % boundaries.length];
          if (from >= to) continue;
          history.record(doc);
          modelPast.push(model);
          modelFuture = [];
          const created = addSpan(doc, text, map.toCodePoint(from), map.toCodePoint(to), labels[o.label]);
          doc = created.doc;
          model = [...model, { id: created.span.id, from, to, label: labels[o.label] }];
        } else if (o.kind === 'delete') {
          if (doc.spans.length === 0) continue;
          const victim = doc.spans[o.pick % doc.spans.length];
          history.record(doc);
          modelPast.push(model);
          modelFuture = [];
          doc = removeSpan(doc, victim.id);
          model = model.filter((m) => m.id !== victim.id);
        } else if (o.kind === 'undo') {
          const previous = history.undo(doc);
          if (previous) {
            doc = previous;
            modelFuture.push(model);
            model = modelPast.pop()!;
          }
        } else {
          const next = history.redo(doc);
          if (next) {
            doc = next;
            modelPast.push(model);
            model = modelFuture.pop()!;
          }
        }
        expect(doc.spans.map((s) => s.id)).toEqual(model.map((m) => m.id));
        for (const [i, s] of doc.spans.entries()) {
          const m = model[i];
          expect(s.label).toBe(m.label);
          expect(s.text).toBe(text.slice(m.from, m.to));
          expect(Array.from(text).slice(s.start, s.end).join('')).toBe(s.text);
          expect(map.toUtf16(s.start)).toBe(m.from);
          expect(map.toUtf16(s.end)).toBe(m.to);
        }
      }
    }), { seed: 20261125, numRuns: 1000 });
  });

  it('refuses empty or out-of-range spans', () => {
    const doc = emptyLayerDoc('articles/a.txt', 'alice', '');
    expect(() => addSpan(doc, 'abc', 2, 2, 'CLAIM')).toThrow(RangeError);
    expect(() => addSpan(doc, 'abc', 0, 4, 'CLAIM')).toThrow(/outside/);
  });

  it('links a QUOTE to its SPEAKER only as the schema allows, and unlinks on delete', () => {
    const schema = defaultSchema();
    const text = '“We agree,” said Ana.';
    let doc = emptyLayerDoc('articles/a.txt', 'alice', '');
    const q = addSpan(doc, text, 0, 11, 'QUOTE');
    const s = addSpan(q.doc, text, 17, 20, 'SPEAKER');
    doc = addRelation(s.doc, schema, q.span.id, s.span.id);
    expect(doc.relations).toMatchObject([{ type: 'ATTRIBUTED_TO', from: q.span.id, to: s.span.id }]);
    expect(addRelation(doc, schema, q.span.id, s.span.id)).toBe(doc);
    expect(() => addRelation(doc, schema, s.span.id, q.span.id)).toThrow(/no relation from SPEAKER to QUOTE/);
    expect(removeRelation(doc, doc.relations[0].id).relations).toEqual([]);
    expect(removeSpan(doc, s.span.id).relations).toEqual([]);
  });

  it('sets and clears attributes, renames and deletes labels', () => {
    const text = 'Prices rose 5%.';
    const { doc, span } = addSpan(emptyLayerDoc('articles/a.txt', 'alice', ''), text, 0, 15, 'CLAIM');
    const withAttr = setSpanAttr(doc, span.id, 'checkworthy', 'yes');
    expect(withAttr.spans[0].attrs).toEqual({ checkworthy: 'yes' });
    expect(setSpanAttr(withAttr, span.id, 'checkworthy', null).spans[0].attrs).toEqual({});
    expect(renameLabelInDoc(withAttr, 'CLAIM', 'FACT').spans[0].label).toBe('FACT');
    expect(deleteLabelInDoc(withAttr, 'CLAIM').spans).toEqual([]);
  });
});
