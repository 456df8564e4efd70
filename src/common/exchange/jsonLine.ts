const LINE_BREAKING = /[\u0085\u2028\u2029]/g;

/**
 * One JSONL line: `JSON.stringify(value)` plus `\n`. U+0085, U+2028 and U+2029 are written as
 * `\u` escapes, because Python's `str.splitlines()` and some JSONL readers break lines on them.
 */
export function jsonLine(value: unknown): string {
  return jsonText(value) + '\n';
}

/** `JSON.stringify(value)` with the same escapes as `jsonLine`, without the line break. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(LINE_BREAKING, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
