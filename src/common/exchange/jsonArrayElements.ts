/** Where one element of a top-level JSON array lies in the file. */
export interface JsonArrayElement {
  /** Character positions [start, end) of the element's text. */
  start: number;
  end: number;
  /** 1-based line on which the element starts. */
  line: number;
}

/**
 * The elements of a top-level JSON array, found by a scan that skips strings, without parsing
 * them. Lets messages about a Label Studio export (one big array) name a line, even when the
 * array is not valid JSON.
 */
export function jsonArrayElements(content: string): JsonArrayElement[] {
  const out: JsonArrayElement[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let current: JsonArrayElement | null = null;
  let lastNonSpace = -1;
  const close = () => {
    if (current) {
      current.end = lastNonSpace + 1;
      out.push(current);
      current = null;
    }
  };
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      lastNonSpace = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (depth === 1 && (c === ',' || c === ']')) {
      close();
      if (c === ']') depth--;
      lastNonSpace = i;
      continue;
    }
    if (depth === 1 && !current) current = { start: i, end: i, line };
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    lastNonSpace = i;
  }
  close();
  return out;
}

/** The 1-based line of a character position. */
export function lineOfPosition(content: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < content.length; i++) if (content[i] === '\n') line++;
  return line;
}
