import { upperBound } from './sortedSearch';

/**
 * How an article's text maps onto the editor's document: one paragraph per line, line breaks
 * (\n, \r\n, \r) kept in the text but not in the document. Offsets here are UTF-16 code units
 * (JavaScript string indexes); positions are ProseMirror document positions.
 */
export class TextLayout {
  /** UTF-16 offset where each line's content starts. */
  readonly lineStarts: number[] = [];
  /** UTF-16 offset where each line's content ends (before its line break). */
  readonly lineEnds: number[] = [];
  /** Document position where each paragraph's content starts. */
  private readonly contentStarts: number[] = [];

  constructor(readonly text: string) {
    const breaks = /\r\n|\n|\r/g;
    let start = 0;
    let pos = 1;
    for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
      this.push(start, m.index, pos);
      pos += m.index - start + 2;
      start = m.index + m[0].length;
    }
    this.push(start, text.length, pos);
  }

  private push(start: number, end: number, pos: number): void {
    this.lineStarts.push(start);
    this.lineEnds.push(end);
    this.contentStarts.push(pos);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The ProseMirror JSON document: one paragraph per line, empty lines as empty paragraphs. */
  toDocJson(): { type: 'doc'; content: { type: 'paragraph'; content?: { type: 'text'; text: string }[] }[] } {
    return {
      type: 'doc',
      content: this.lineStarts.map((s, i) => {
        const line = this.text.slice(s, this.lineEnds[i]);
        return line ? { type: 'paragraph' as const, content: [{ type: 'text' as const, text: line }] } : { type: 'paragraph' as const };
      }),
    };
  }

  /** Index of the line containing a UTF-16 offset (an offset inside a line break belongs to the line before). */
  lineOfOffset(offset: number): number {
    return upperBound(this.lineStarts, offset) - 1;
  }

  /** Document position of a UTF-16 offset; an offset inside a line break maps to the end of its line. */
  offsetToPos(offset: number): number {
    const line = Math.max(0, this.lineOfOffset(offset));
    const within = Math.min(offset, this.lineEnds[line]) - this.lineStarts[line];
    return this.contentStarts[line] + within;
  }

  /** UTF-16 offset of a document position; a position between paragraphs maps to the next line's start. */
  posToOffset(pos: number): number {
    const line = Math.max(0, upperBound(this.contentStarts, pos) - 1);
    const length = this.lineEnds[line] - this.lineStarts[line];
    const within = pos - this.contentStarts[line];
    if (within > length) return line + 1 < this.lineCount ? this.lineStarts[line + 1] : this.lineEnds[line];
    return this.lineStarts[line] + Math.max(0, within);
  }
}
