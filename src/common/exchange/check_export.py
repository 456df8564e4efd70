#!/usr/bin/env python3
"""Checks Gloss exports the way a Python pipeline reads them.

Usage: python3 check_export.py DIR

DIR holds exports.json: {"native": "<native export, the reference>",
                         "files": [{"file": "<name>", "format": "<format>"}, ...]}
and the files it names. Every check uses Python string semantics: offsets in code points are
`text[start:end]`; UTF-16 offsets are converted through the text's utf-16-le encoding. For each
file the script checks that every span's offsets give exactly the span's text (or the text of
the reference span it came from), that token offsets give the token texts, that Prodigy hashes
follow the documented recipe, that HuggingFace tags follow the documented overlap policy and that
clean text follows the documented line rule. Standard library only.

Prints a JSON report {"ok", "checked": {file: count}, "errors": [...]} and exits 1 on errors.
"""
import json
import os
import sys
import unicodedata
from collections import Counter

# JavaScript's \s, which the Gloss tokenizer uses: whitespace for tokens and `ws`.
JS_SPACE = set('\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff') | {chr(c) for c in range(0x2000, 0x200b)}
W3C_CONTEXT = 32
errors = []


def err(file, message):
    errors.append(f'{file}: {message}')


# --- offsets ---------------------------------------------------------------------------------

def utf16_to_cp(text, offset):
    """Code point index of a UTF-16 offset, or None when it is outside or splits a pair."""
    data = text.encode('utf-16-le', 'surrogatepass')
    if offset < 0 or 2 * offset > len(data):
        return None
    head = data[:2 * offset].decode('utf-16-le', 'surrogatepass')
    if head and 0xd800 <= ord(head[-1]) <= 0xdbff and 2 * offset < len(data):
        following = int.from_bytes(data[2 * offset:2 * offset + 2], 'little')
        if 0xdc00 <= following <= 0xdfff:
            return None
    return len(head)


def to_cp(text, offset, unit):
    if unit == 'codepoint':
        return offset if 0 <= offset <= len(text) else None
    return utf16_to_cp(text, offset)


def cut(text, start, end, unit):
    """The text between two offsets, sliced with the offsets' own unit."""
    if unit == 'codepoint':
        return text[start:end]
    data = text.encode('utf-16-le', 'surrogatepass')
    return data[2 * start:2 * end].decode('utf-16-le', 'surrogatepass')


def unit_of(meta, file):
    unit = (meta or {}).get('offsets')
    if unit not in ('codepoint', 'utf16'):
        err(file, f'record does not state its offset unit (meta.offsets = {unit!r})')
        return 'codepoint'
    return unit


# --- the tokenizer, re-implemented -----------------------------------------------------------

def is_word(ch):
    cat = unicodedata.category(ch)
    return cat[0] in 'LMN' or cat == 'Pc'


def tokenize(text):
    tokens = []
    i, n = 0, len(text)
    while i < n:
        if text[i] in JS_SPACE:
            i += 1
            continue
        start = i
        if is_word(text[i]):
            while i < n and is_word(text[i]):
                i += 1
        else:
            i += 1
        tokens.append((text[start:i], start, i, i < n and text[i] in JS_SPACE))
    return tokens


def expand(tokens, start, end):
    """Indexes of the first and last token sharing a character with [start, end), or None."""
    touched = [k for k, t in enumerate(tokens) if t[2] > start and t[1] < end]
    return (touched[0], touched[-1]) if touched else None


# --- MurmurHash3 x86 32-bit, signed, as Prodigy's mmh3.hash -----------------------------------

def murmur3(data, seed=0):
    c1, c2, mask = 0xcc9e2d51, 0x1b873593, 0xffffffff
    h = seed & mask
    rounded = len(data) & ~3
    for i in range(0, rounded, 4):
        k = int.from_bytes(data[i:i + 4], 'little')
        k = (k * c1) & mask
        k = ((k << 15) | (k >> 17)) & mask
        k = (k * c2) & mask
        h ^= k
        h = ((h << 13) | (h >> 19)) & mask
        h = (h * 5 + 0xe6546b64) & mask
    k = 0
    tail = len(data) & 3
    if tail == 3:
        k ^= data[rounded + 2] << 16
    if tail >= 2:
        k ^= data[rounded + 1] << 8
    if tail >= 1:
        k ^= data[rounded]
        k = (k * c1) & mask
        k = ((k << 15) | (k >> 17)) & mask
        k = (k * c2) & mask
        h ^= k
    h ^= len(data)
    h ^= h >> 16
    h = (h * 0x85ebca6b) & mask
    h ^= h >> 13
    h = (h * 0xc2b2ae35) & mask
    h ^= h >> 16
    return h - 0x100000000 if h & 0x80000000 else h


def compact(value):
    return json.dumps(value, separators=(',', ':'), ensure_ascii=False)


# --- reading -----------------------------------------------------------------------------------

def read_jsonl(path):
    with open(path, encoding='utf-8', newline='') as f:
        content = f.read()
    # Only '\n' ends a record; splitlines() would also break on U+2028 and friends.
    return [json.loads(line) for line in content.split('\n') if line.strip()]


def load_reference(path, file):
    """(article id, layer) -> {"text", "spans": [...] in code points, "relations"}."""
    ref = {}
    for rec in read_jsonl(path):
        unit = unit_of(rec.get('meta'), file)
        text = rec['text']
        spans = []
        for s in rec['spans']:
            got = cut(text, s['start'], s['end'], unit)
            if got != s['text']:
                err(file, f"{rec['id']} {rec['layer']} span {s['id']}: text[{s['start']}:{s['end']}] = {got!r}, span text {s['text']!r}")
            start, end = to_cp(text, s['start'], unit), to_cp(text, s['end'], unit)
            spans.append(dict(s, start=start, end=end))
        ids = {s['id'] for s in spans}
        for r in rec['relations']:
            if r['from'] not in ids or r['to'] not in ids:
                err(file, f"{rec['id']} relation {r['id']} links a missing span")
        ref[(rec['id'], rec['layer'])] = {'text': text, 'spans': spans, 'relations': rec['relations']}
    return ref


def ref_for(ref, file, article, layer):
    entry = ref.get((article, layer))
    if entry is None:
        err(file, f'{article} ({layer}) is not in the native reference')
    return entry


# --- per format --------------------------------------------------------------------------------

def check_native(path, file, ref):
    checked = 0
    for rec in read_jsonl(path):
        unit = unit_of(rec.get('meta'), file)
        entry = ref_for(ref, file, rec['id'], rec['layer'])
        for s in rec['spans']:
            checked += 1
            got = cut(rec['text'], s['start'], s['end'], unit)
            if got != s['text']:
                err(file, f"{rec['id']} span {s['id']}: text[{s['start']}:{s['end']}] = {got!r}, expected {s['text']!r}")
        if entry and [s['text'] for s in rec['spans']] != [s['text'] for s in entry['spans']]:
            err(file, f"{rec['id']} ({rec['layer']}): spans differ from the reference")
    return checked


def check_doccano(path, file, ref):
    checked = 0
    for rec in read_jsonl(path):
        meta = rec.get('meta') or {}
        unit = unit_of(meta, file)
        text = rec['text']
        entry = ref_for(ref, file, rec['id'], meta.get('layer'))
        if 'entities' in rec:
            items = [(e['start_offset'], e['end_offset'], e['label'], e['id']) for e in rec['entities']]
        else:
            items = [(s, e, label, None) for s, e, label in rec['label']]
        got = Counter()
        by_id = {}
        for s, e, label, eid in items:
            checked += 1
            piece = cut(text, s, e, unit)
            got[(label, piece)] += 1
            by_id[eid] = (label, piece)
        if entry:
            want = Counter((s['label'], s['text']) for s in entry['spans'])
            if got != want:
                err(file, f"{rec['id']}: sliced spans {sorted(got.items())} differ from the reference {sorted(want.items())}")
            if 'relations' in rec:
                spans = {s['id']: (s['label'], s['text']) for s in entry['spans']}
                want_rel = Counter((r['type'], spans[r['from']], spans[r['to']]) for r in entry['relations'])
                got_rel = Counter((r['type'], by_id.get(r['from_id']), by_id.get(r['to_id'])) for r in rec['relations'])
                if got_rel != want_rel:
                    err(file, f"{rec['id']}: relations differ from the reference")
    return checked


def check_tokens(file, article, text, tokens, unit):
    """Token texts equal their slices; `ws` says whether whitespace follows; returns code point tokens."""
    out = []
    for k, t in enumerate(tokens):
        if t['id'] != k:
            err(file, f'{article}: token {k} has id {t["id"]}')
        if cut(text, t['start'], t['end'], unit) != t['text']:
            err(file, f"{article}: token {k} text {t['text']!r} != text[{t['start']}:{t['end']}]")
        start, end = to_cp(text, t['start'], unit), to_cp(text, t['end'], unit)
        if (end is not None and end < len(text) and text[end] in JS_SPACE) != t['ws']:
            err(file, f'{article}: token {k} ws is wrong')
        out.append((t['text'], start, end, t['ws']))
    if out != tokenize(text):
        err(file, f'{article}: tokens differ from the documented tokenizer')
    return out


def check_prodigy(path, file, ref):
    checked = 0
    for rec in read_jsonl(path):
        meta = rec['meta']
        unit = unit_of(meta, file)
        text = rec['text']
        tokens = check_tokens(file, meta['id'], text, rec['tokens'], unit)
        got = Counter()
        for s in rec['spans']:
            checked += 1
            if s['start'] != rec['tokens'][s['token_start']]['start'] or s['end'] != rec['tokens'][s['token_end']]['end']:
                err(file, f"{meta['id']}: span {s} is not on its tokens' boundaries")
            got[(s['label'], to_cp(text, s['start'], unit), to_cp(text, s['end'], unit))] += 1
        entry = ref_for(ref, file, meta['id'], meta['layer'])
        if entry:
            want = Counter()
            for s in entry['spans']:
                r = expand(tokens, s['start'], s['end'])
                if r:
                    want[(s['label'], tokens[r[0]][1], tokens[r[1]][2])] += 1
            if got != want:
                err(file, f"{meta['id']}: spans {sorted(got)} are not the reference spans expanded to tokens {sorted(want)}")
        input_hash = murmur3(text.encode('utf-8', 'surrogatepass'))
        spans = [[s['start'], s['end'], s['label']] for s in rec['spans']]
        rels = [[r['head'], r['child'], r['label']] for r in rec.get('relations', [])]
        task_hash = murmur3(f'{input_hash}|{compact(spans)}|{compact(rels)}'.encode('utf-8', 'surrogatepass'))
        if rec['_input_hash'] != input_hash or rec['_task_hash'] != task_hash:
            err(file, f"{meta['id']}: hashes {rec['_input_hash']}, {rec['_task_hash']} != recomputed {input_hash}, {task_hash}")
        if rec['answer'] != 'accept':
            err(file, f"{meta['id']}: answer is {rec['answer']!r}")
    return checked


def check_hf(path, file, ref, labels_path):
    with open(labels_path, encoding='utf-8') as f:
        names = json.load(f)['names']
    checked = 0
    for rec in read_jsonl(path):
        entry = ref_for(ref, file, rec['id'], rec['layer'])
        if not entry:
            continue
        tokens = tokenize(entry['text'])
        if rec['tokens'] != [t[0] for t in tokens]:
            err(file, f"{rec['id']}: tokens differ from the documented tokenizer on the reference text")
            continue
        tags = rec['ner_tags']
        if len(tags) != len(tokens) or any(t not in names for t in tags):
            err(file, f"{rec['id']}: tags do not match tokens or the label list")
            continue
        runs, k = [], 0
        while k < len(tags):
            tag = tags[k]
            if tag.startswith('I-'):
                err(file, f"{rec['id']}: I- tag without B- at token {k}")
            if tag.startswith('B-'):
                label, first = tag[2:], k
                k += 1
                while k < len(tags) and tags[k] == 'I-' + label:
                    k += 1
                runs.append((label, first, k - 1))
                continue
            k += 1
        # The documented policy, replayed: by start, longer first, keep what does not share a token.
        chosen = sorted(((s['start'], -s['end'], i, s) for i, s in enumerate(entry['spans'])), key=lambda x: x[:3])
        kept, last = [], -1
        for _, _, _, s in chosen:
            if 'B-' + s['label'] not in names:
                continue
            r = expand(tokens, s['start'], s['end'])
            if r is None or r[0] <= last:
                continue
            kept.append((s['label'], r[0], r[1]))
            last = r[1]
        checked += len(runs)
        if runs != kept:
            err(file, f"{rec['id']}: BIO runs {runs} differ from the overlap policy's choice {kept}")
    return checked


def check_label_studio(path, file, ref):
    with open(path, encoding='utf-8') as f:
        tasks = json.load(f)
    checked = 0
    for task in tasks:
        text, article = task['data']['text'], task['data']['gloss_id']
        unit = unit_of(task.get('meta'), file)
        for ann in task['annotations']:
            entry = ref_for(ref, file, article, ann['gloss_layer'])
            spans = {s['id']: s for s in entry['spans']} if entry else {}
            ids = set()
            for r in ann['result']:
                if r['type'] == 'relation':
                    if r['from_id'] not in ids or r['to_id'] not in ids:
                        err(file, f'{article}: relation links a missing region')
                    continue
                checked += 1
                v = r['value']
                ids.add(r['id'])
                got = cut(text, v['start'], v['end'], unit)
                if got != v['text']:
                    err(file, f"{article} region {r['id']}: text[{v['start']}:{v['end']}] ({unit}) = {got!r}, value.text {v['text']!r}")
                want = spans.get(r['id'])
                if want and (want['text'] != got or [want['label']] != v['labels']):
                    err(file, f"{article} region {r['id']}: differs from the reference span")
    return checked


def check_w3c(path, file, ref):
    checked = 0
    annotations = set()
    links = []
    for rec in read_jsonl(path):
        if rec.get('motivation') == 'linking':
            links.append(rec)
            continue
        checked += 1
        target = rec['target']
        text = target['gloss:text']
        quote = next(s for s in target['selector'] if s['type'] == 'TextQuoteSelector')
        pos = next(s for s in target['selector'] if s['type'] == 'TextPositionSelector')
        s, e = pos['start'], pos['end']
        if text[s:e] != quote['exact']:
            err(file, f"{rec['id']}: text[{s}:{e}] = {text[s:e]!r}, exact {quote['exact']!r}")
        if text[max(0, s - W3C_CONTEXT):s] != quote['prefix'] or text[e:e + W3C_CONTEXT] != quote['suffix']:
            err(file, f"{rec['id']}: prefix or suffix is not the {W3C_CONTEXT} code points around the span")
        entry = ref_for(ref, file, target['source'], rec['gloss:layer'])
        span_id = rec['id'].rsplit(':span:', 1)[1]
        want = next((x for x in entry['spans'] if x['id'] == span_id), None) if entry else None
        if not want or want['text'] != quote['exact'] or want['label'] != rec['body']['value'] or (want['start'], want['end']) != (s, e):
            err(file, f"{rec['id']}: differs from the reference span")
        annotations.add(rec['id'])
    for link in links:
        if link['gloss:from'] not in annotations or link['gloss:to'] not in annotations:
            err(file, f"{link['id']}: links an annotation that is not in the file")
    return checked


def clean(text, ranges):
    """The documented clean-text rule, written independently of the TypeScript."""
    merged = []
    for s, e in sorted(r for r in ranges if r[1] > r[0]):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    n = len(text)
    widened = []
    for s, e in merged:
        line_start = s == 0 or (text[s - 1] in '\r\n' and not (text[s - 1] == '\r' and text[s] == '\n'))
        line_end = e == n or text[e] in '\r\n'
        if line_start and line_end:
            if e < n:
                e += 2 if text[e:e + 2] == '\r\n' else 1
            elif s > 0:
                s -= 2 if text[s - 2:s] == '\r\n' else 1
        widened.append((s, e))
    out, at = [], 0
    for s, e in sorted(widened):
        if s < at:
            s = at
        out.append(text[at:s])
        at = max(at, e)
    out.append(text[at:])
    return ''.join(out)


def check_clean_text(path, file, ref):
    checked = 0
    for rec in read_jsonl(path):
        entry = ref_for(ref, file, rec['id'], rec['layer'])
        if not entry:
            continue
        boiler = [(s['start'], s['end']) for s in entry['spans'] if s['label'] == 'BOILERPLATE']
        checked += 1
        if rec['removed'] != len(boiler):
            err(file, f"{rec['id']}: removed {rec['removed']}, expected {len(boiler)}")
        want = clean(entry['text'], boiler)
        if rec['text'] != want:
            err(file, f"{rec['id']}: clean text differs from the documented rule: {rec['text']!r} != {want!r}")
    return checked


def main():
    folder = sys.argv[1]
    with open(os.path.join(folder, 'exports.json'), encoding='utf-8') as f:
        plan = json.load(f)
    ref = load_reference(os.path.join(folder, plan['native']), plan['native'])
    checked = {plan['native']: sum(len(v['spans']) for v in ref.values())}
    for item in plan['files']:
        name, fmt = item['file'], item['format']
        path = os.path.join(folder, name)
        if fmt == 'native':
            checked[name] = check_native(path, name, ref)
        elif fmt == 'doccano':
            checked[name] = check_doccano(path, name, ref)
        elif fmt == 'prodigy':
            checked[name] = check_prodigy(path, name, ref)
        elif fmt == 'hf':
            checked[name] = check_hf(path, name, ref, path + '.labels.json')
        elif fmt == 'label-studio':
            checked[name] = check_label_studio(path, name, ref)
        elif fmt == 'w3c':
            checked[name] = check_w3c(path, name, ref)
        elif fmt == 'clean-text':
            checked[name] = check_clean_text(path, name, ref)
        else:
            err(name, f'unknown format {fmt}')
    print(json.dumps({'ok': not errors, 'checked': checked, 'errors': errors}, ensure_ascii=False))
    sys.exit(1 if errors else 0)


if __name__ == '__main__':
    main()
