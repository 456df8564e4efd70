import { parseHTML } from 'linkedom';

/**
 * The visible text of a whole HTML page, one line per block, navigation and footers included
 * (so that the boilerplate engines can mark them).
 *
 * Line policy: every block element (p, div, li, h1-h6, td, ...) and every `<br>` ends a line; lines
 * are joined with a single "\n" and there are no blank lines. Whitespace (including no-break
 * spaces) is collapsed to one space inside a line and trimmed at both ends; soft hyphens and
 * zero-width characters are dropped. Text in `<pre>` keeps its own line breaks.
 *
 * Never rendered: script, style, noscript, template, head, svg, iframe, object, embed, canvas,
 * select, textarea, audio, video, and any element that is hidden by the `hidden` attribute,
 * `aria-hidden="true"`, or an inline `display: none` / `visibility: hidden`.
 *
 * linkedom parses the markup; nothing is executed and nothing is fetched.
 */
export function htmlToText(html: string): string {
  return renderHtml(parseHtmlDocument(html)).text;
}

/** A parsed HTML document from linkedom (typed loosely: linkedom ships DOM-like classes). */
export type HtmlDocument = ReturnType<typeof parseHTML>['document'];

/** Parses markup with linkedom. No script runs and no resource is requested. */
export function parseHtmlDocument(html: string): HtmlDocument {
  // A full document is needed for readability; wrap fragments so <body> exists.
  let source = html;
  if (!/<html[\s>]/i.test(source)) source = `<html>${/<body[\s>]/i.test(source) ? source : `<body>${source}</body>`}</html>`;
  if (!/^\s*<!doctype/i.test(source)) source = `<!doctype html>${source}`;
  return parseHTML(source).document;
}

/** What {@link renderHtml} produced: the text, its lines, and where each text node went. */
export interface RenderedHtml {
  text: string;
  lines: string[];
  /** The line (index into `lines`) each rendered DOM text node contributed to, with its length. */
  textNodeLine: Map<object, { line: number; chars: number }>;
  /** For each element that got a `data-gloss-el` number: the lines its own text nodes went to. */
  elementLines: Map<number, number[]>;
  /** Number of rendered characters per line before whitespace collapsing (weights for mapping). */
  lineChars: number[];
  /** Deepest element nesting met while rendering. */
  maxDepth: number;
}

const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'BASE', 'SVG',
  'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'CANVAS', 'SELECT', 'DATALIST', 'OPTION', 'TEXTAREA',
  'AUDIO', 'VIDEO', 'SOURCE', 'TRACK', 'IMG', 'PICTURE', 'INPUT', 'AREA', 'MAP', 'PARAM',
]);

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIR', 'DIV',
  'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE',
  'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'NOFRAMES', 'OPTGROUP', 'LISTING', 'PLAINTEXT', 'XMP',
]);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;
const INVISIBLE_CHARS = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g;
const SPACES = /[\s\u00a0]+/g;

/** True when an element and its subtree are never shown. */
export function isHiddenElement(el: { tagName: string; hasAttribute(n: string): boolean; getAttribute(n: string): string | null }): boolean {
  if (SKIPPED.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden')) return true;
  if ((el.getAttribute('aria-hidden') ?? '').trim().toLowerCase() === 'true') return true;
  const style = el.getAttribute('style');
  return style != null && HIDDEN_STYLE.test(style);
}

interface DomNode {
  nodeType: number;
  tagName?: string;
  data?: string;
  childNodes: ArrayLike<DomNode>;
  hasAttribute(n: string): boolean;
  getAttribute(n: string): string | null;
  setAttribute(n: string, v: string): void;
}

/**
 * Renders a parsed document's body to lines (see {@link htmlToText} for the rules). With
 * `markElements`, every rendered element gets a `data-gloss-el` attribute numbering it, so that
 * lines can still be found after readability re-parses the markup.
 */
export function renderHtml(document: HtmlDocument, options: { markElements?: boolean } = {}): RenderedHtml {
  const lines: string[] = [];
  const lineChars: number[] = [];
  const textNodeLine = new Map<object, { line: number; chars: number }>();
  const elementLines = new Map<number, number[]>();
  let parts: string[] = [];
  let pending: { node: object; chars: number; el: number }[] = [];
  let elementCount = 0;

  const flush = (): void => {
    if (parts.length === 0) return;
    const line = parts.join('').replace(INVISIBLE_CHARS, '').replace(SPACES, ' ').trim();
    if (line !== '') {
      const index = lines.length;
      lines.push(line);
      let chars = 0;
      for (const p of pending) {
        textNodeLine.set(p.node, { line: index, chars: p.chars });
        chars += p.chars;
        if (p.el >= 0) {
          const list = elementLines.get(p.el);
          if (!list) elementLines.set(p.el, [index]);
          else if (list[list.length - 1] !== index) list.push(index);
        }
      }
      lineChars.push(Math.max(1, chars));
    }
    parts = [];
    pending = [];
  };

  // An explicit stack, not recursion: a page may nest elements thousands deep.
  interface Frame {
    node: DomNode;
    next: number;
    elId: number;
    inPre: boolean;
    block: boolean;
  }
  let maxDepth = 0;
  const walk = (rootNode: DomNode): void => {
    const stack: Frame[] = [{ node: rootNode, next: 0, elId: -1, inPre: false, block: false }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const children = frame.node.childNodes;
      if (frame.next >= children.length) {
        stack.pop();
        if (frame.block) flush();
        continue;
      }
      const child = children[frame.next++];
      if (child.nodeType === 3) {
        const data = child.data ?? '';
        if (frame.inPre && data.includes('\n')) {
          const pieces = data.split(/\r\n|\r|\n/);
          pieces.forEach((piece, k) => {
            if (k > 0) flush();
            parts.push(piece);
            pending.push({ node: child, chars: piece.trim().length, el: frame.elId });
          });
        } else {
          parts.push(data);
          pending.push({ node: child, chars: data.replace(SPACES, '').length, el: frame.elId });
        }
        continue;
      }
      if (child.nodeType !== 1) continue;
      if (isHiddenElement(child as DomNode & { tagName: string })) continue;
      const tag = (child.tagName ?? '').toUpperCase();
      if (tag === 'BR') {
        flush();
        continue;
      }
      let id = frame.elId;
      if (options.markElements) {
        id = elementCount++;
        child.setAttribute('data-gloss-el', String(id));
      }
      const block = BLOCKS.has(tag);
      if (block) flush();
      const inPre = frame.inPre || tag === 'PRE' || tag === 'LISTING' || tag === 'XMP' || tag === 'PLAINTEXT';
      stack.push({ node: child, next: 0, elId: id, inPre, block });
      if (stack.length > maxDepth) maxDepth = stack.length;
    }
  };

  const root = (document.body ?? document.documentElement) as unknown as DomNode | null;
  if (root) walk(root);
  flush();
  return { text: lines.join('\n'), lines, textNodeLine, elementLines, lineChars, maxDepth };
}
