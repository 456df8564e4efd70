import { describe, expect, it } from 'vitest';
import { parseSpanRecords } from './parseSpanRecords';

const line = (v: unknown) => JSON.stringify(v);

describe('parseSpanRecords', () => {
  it('detects every shape per line and names malformed lines by number', () => {
    const content = [
      line({ id: 'a.txt', text: 'Hi Bob', layer: 'x', status: 'done', spans: [{ id: 's1', start: 3, end: 6, label: 'SPEAKER', text: 'Bob' }], relations: [], meta: { offsets: 'codepoint' } }),
      '{"text": "broken",',
      '',
      line({ text: 'Hi Bob', label: [[3, 6, 'SPEAKER']] }),
      line({ text: 'Hi Bob', entities: [{ id: 7, start_offset: 3, end_offset: 6, label: 'SPEAKER' }], relations: [{ id: 0, from_id: 7, to_id: 7, type: 'X' }] }),
      line({ text: 'Hi Bob', tokens: [], spans: [{ start: 3, end: 6, token_start: 1, token_end: 1, label: 'SPEAKER' }], answer: 'accept' }),
      line({ data: { text: 'Hi Bob' }, annotations: [{ result: [{ id: 'x', type: 'labels', value: { start: 3, end: 6, text: 'Bob', labels: ['SPEAKER'] } }] }] }),
      'not json at all',
    ].join('\r\n');
    const { records, errors } = parseSpanRecords(content, 'mixed.jsonl');
    expect(records.map((r) => [r.line, r.shape])).toEqual([[1, 'native'], [4, 'doccano'], [5, 'doccano-relations'], [6, 'prodigy'], [7, 'label-studio']]);
    expect(errors.map((e) => e.line)).toEqual([2, 8]);
    expect(errors[0].message).toMatch(/^malformed JSON/);
    for (const r of records) expect(r.spans[0]).toMatchObject({ start: 3, end: 6, label: 'SPEAKER' });
    expect(records[2].spans[0].id).toBe('7');
    expect(records[2].relations[0]).toEqual({ id: '0', type: 'X', from: '7', to: '7' });
  });

  it('converts UTF-16 offsets to code points using the record text, Label Studio by default', () => {
    const text = '😀 Bob';
    const ls = parseSpanRecords(line({ data: { text }, annotations: [{ result: [{ id: 'x', type: 'labels', value: { start: 3, end: 6, labels: ['SPEAKER'] } }] }] }), 'ls.jsonl');
    expect(ls.records[0].spans[0]).toMatchObject({ start: 2, end: 5 });
    const doccano = parseSpanRecords(line({ text, label: [[3, 6, 'SPEAKER']] }), 'd.jsonl', { offsets: 'utf16' });
    expect(doccano.records[0].spans[0]).toMatchObject({ start: 2, end: 5 });
    const declared = parseSpanRecords(line({ text, label: [[2, 5, 'SPEAKER']], meta: { offsets: 'codepoint' } }), 'd.jsonl', { offsets: 'utf16' });
    expect(declared.records[0].spans[0]).toMatchObject({ start: 2, end: 5 });
    const split = parseSpanRecords(line({ text, label: [[1, 6, 'SPEAKER']], meta: { offsets: 'utf16' } }), 'd.jsonl');
    expect(split.records[0].spans[0].error).toMatch(/surrogate pair/);
  });

  it('keeps UTF-16 offsets of records without text for matchImport to convert', () => {
    const { records } = parseSpanRecords(line({ id: 'a.txt', spans: [{ start: 3, end: 6, label: 'SPEAKER' }], meta: { offsets: 'utf16' } }), 'n.jsonl');
    expect(records[0].offsets).toBe('utf16');
  });

  it('reads a Label Studio array and names the line of each task', () => {
    const task = (text: string) => ({ id: 1, data: { text, gloss_id: 'a.txt' }, annotations: [{ gloss_layer: 'alice', result: [] }, { gloss_layer: 'gold', was_cancelled: true, result: [] }] });
    const content = `[\n${JSON.stringify(task('one'), null, 2)},\n${JSON.stringify(task('two'))}\n]\n`;
    const { records, errors } = parseSpanRecords(content, 'ls.json');
    expect(records.map((r) => [r.line, r.text, r.layer])).toEqual([[2, 'one', 'alice'], [20, 'two', 'alice']]);
    expect(errors.map((e) => [e.line, e.message])).toEqual([[2, 'item 1: annotations[1] was cancelled: skipped'], [20, 'item 2: annotations[1] was cancelled: skipped']]);
  });

  it('names the line of a syntax error in a JSON array', () => {
    const { records, errors } = parseSpanRecords('[\n{"data": {"text": "a"}, "annotations": []},\n{"data": oops}\n]', 'ls.json');
    expect(records).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(3);
  });

  it('reports unknown shapes, bad fields and rejected Prodigy answers without losing the rest', () => {
    const content = [
      line(['a', 'b']),
      line({ text: 'x', label: ['POSITIVE'] }),
      line({ id: 'a.txt', text: 'abc', spans: [{ start: '0', end: 1, label: 'CLAIM' }, { start: 0, end: 1, label: 'CLAIM' }, { start: 0, end: 1 }] }),
      line({ text: 'x', tokens: [], spans: [], answer: 'reject' }),
      line({ id: 'a.txt', text: 'abc', status: 'finished', spans: [] }),
      line(42),
    ].join('\n');
    const { records, errors } = parseSpanRecords(content, 'bad.jsonl');
    expect(records.map((r) => [r.line, r.spans.length])).toEqual([[3, 1], [5, 0]]);
    expect(errors.map((e) => e.line)).toEqual([1, 1, 2, 3, 3, 4, 5, 6]);
    expect(errors.find((e) => e.line === 2)!.message).toMatch(/unrecognised record/);
    expect(errors.find((e) => e.line === 4)!.message).toMatch(/reject/);
    expect(errors.find((e) => e.line === 5)!.message).toMatch(/unknown status/);
  });

  it('keeps a gold span\'s sources and names a malformed list', () => {
    const content = [
      line({ id: 'a.txt', text: 'abc', layer: 'gold', spans: [{ start: 0, end: 1, label: 'CLAIM', origin: 'adjudicated:alice+bob', sources: ['alice', 'bob'] }] }),
      line({ id: 'b.txt', text: 'abc', layer: 'gold', spans: [{ start: 0, end: 1, label: 'CLAIM', sources: ['alice', 7] }] }),
    ].join('\n');
    const { records, errors } = parseSpanRecords(content, 'gold.jsonl');
    expect(records[0].spans[0]).toMatchObject({ origin: 'adjudicated:alice+bob', sources: ['alice', 'bob'] });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2 });
    expect(errors[0].message).toMatch(/sources must be a list of layer names/);
  });

  it('strips a byte-order mark and accepts an empty file', () => {
    expect(parseSpanRecords('\ufeff' + line({ text: 'a', label: [] }), 'f.jsonl').records).toHaveLength(1);
    expect(parseSpanRecords('', 'f.jsonl')).toEqual({ fileName: 'f.jsonl', records: [], errors: [] });
  });
});
