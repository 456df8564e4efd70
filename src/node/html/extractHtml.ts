import { Readability } from '@mozilla/readability';
import { parseHtmlDocument, renderHtml } from './htmlToText';

/** An HTML page as Gloss imports it: the whole visible text plus readability's view of it. */
export interface ExtractedHtml {
  /** The whole page's visible text, one line per block, no blank lines (see `htmlToText`). */
  text: string;
  /** The lines of `text`, in order (`text === lines.join('\n')`). */
  lines: string[];
  /**
   * Lines that @mozilla/readability kept as the main content: at least half of the line's
   * characters come from text nodes readability kept. Empty when readability found nothing.
   */
  contentLines: Set<number>;
  /** For every line, the share (0..1) of its characters that readability kept. */
  contentShare: number[];
  /** Readability's article title, else the document's `<title>`, else ''. */
  title: string;
  /** Readability's byline, when it found one. */
  byline: string;
}

/** Pages nested deeper than this are not given to readability (see `extractHtml`). */
export const MAX_READABILITY_DEPTH = 200;

/**
 * Converts an HTML page to its visible text and maps the main content found by
 * @mozilla/readability 0.6.0 back onto the text's lines.
 *
 * The page is parsed once with linkedom and rendered to text; readability then runs on that
 * document (which it is free to mutate, the text is already taken). Its result is mapped back
 * through the identity of the DOM text nodes; when readability re-parsed the markup during a
 * retry, through `data-gloss-el` numbers put on the elements before it ran. Nothing is executed
 * or fetched.
 */
export function extractHtml(html: string): ExtractedHtml {
  const document = parseHtmlDocument(html);
  const docTitle = (document.title ?? '').replace(/\s+/g, ' ').trim();
  const rendered = renderHtml(document, { markElements: true });
  const kept = new Array<number>(rendered.lines.length).fill(0);

  let article: unknown = null;
  let result: ReturnType<Readability<string>['parse']> = null;
  // Readability's cost grows steeply with nesting depth (seconds at a few hundred levels): on
  // such pages it is skipped and the boilerplate engine falls back to the text alone.
  if (rendered.maxDepth <= MAX_READABILITY_DEPTH) {
    try {
      const reader = new Readability<string>(document as unknown as Document, {
        // Capture the content element itself instead of its HTML.
        serializer: ((node: unknown) => {
          article = node;
          return '';
        }) as never,
      });
      result = reader.parse();
    } catch {
      result = null;
      article = null;
    }
  }

  if (result && article) {
    forEachTextNode(article as Walkable, (node, parentEl) => {
      const hit = rendered.textNodeLine.get(node);
      if (hit) {
        kept[hit.line] += hit.chars;
        return;
      }
      // A node readability re-created: credit the lines of the nearest numbered element.
      const chars = ((node as { data?: string }).data ?? '').replace(/\s+/g, '').length;
      if (chars === 0 || parentEl < 0) return;
      for (const line of rendered.elementLines.get(parentEl) ?? []) kept[line] += chars;
    });
  }

  const contentShare = kept.map((k, i) => Math.min(1, k / rendered.lineChars[i]));
  const contentLines = new Set<number>();
  contentShare.forEach((share, i) => {
    if (share >= 0.5) contentLines.add(i);
  });
  const title = (result?.title ?? '').replace(/\s+/g, ' ').trim() || docTitle;
  const byline = (result?.byline ?? '').replace(/\s+/g, ' ').trim();
  return { text: rendered.text, lines: rendered.lines, contentLines, contentShare, title, byline };
}

interface Walkable {
  nodeType: number;
  childNodes: ArrayLike<Walkable>;
  getAttribute?(name: string): string | null;
}

function forEachTextNode(root: Walkable, visit: (node: Walkable, parentEl: number) => void): void {
  const walk = (node: Walkable, el: number): void => {
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.nodeType === 3) visit(child, el);
      else if (child.nodeType === 1) {
        const mark = child.getAttribute?.('data-gloss-el');
        walk(child, mark != null && mark !== '' ? Number(mark) : el);
      }
    }
  };
  const mark = root.getAttribute?.('data-gloss-el');
  walk(root, mark != null && mark !== '' ? Number(mark) : -1);
}
