import { execFileSync } from 'node:child_process';

/**
 * Checks with Python's own string semantics that every span of a native JSONL export satisfies
 * text[start:end] == span["text"]; returns the number of spans checked per label.
 */
export function pythonCheckNative(path: string): Record<string, number> {
  const script = `
import json, sys
counts = {}
for n, line in enumerate(open(sys.argv[1], encoding='utf-8'), 1):
    rec = json.loads(line)
    assert rec['meta']['offsets'] == 'codepoint', rec['meta']
    for s in rec['spans']:
        got = rec['text'][s['start']:s['end']]
        if got != s['text']:
            sys.exit(f"line {n} span {s['id']}: text[{s['start']}:{s['end']}] = {got!r} != {s['text']!r}")
        counts[s['label']] = counts.get(s['label'], 0) + 1
print(json.dumps(counts))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' })) as Record<string, number>;
}
