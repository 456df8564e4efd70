import type { LayerDoc, Span } from '../model';
import { OffsetMap } from '../offsets';
import { findApproximate } from './findApproximate';
import type { QuoteContext } from './quoteContext';

/** How many spans each way of placing them accounted for. */
export interface ReanchorOutcome {
  /** Found at their old offsets: unchanged. */
  kept: number;
  /** Same text found elsewhere: moved and flagged. */
  moved: number;
  /** Placed by their surrounding text or approximately, their text updated: flagged. */
  changed: number;
  /** Earlier orphans that found a place again: flagged. */
  restored: number;
  /** Not found: kept in `orphans` with their text. */
  orphaned: number;
}

export interface ReanchorResult {
  doc: LayerDoc;
  outcome: ReanchorOutcome;
}

export interface ReanchorOptions {
  /** Text before and after each span (by span id) when it was last saved on a known text. */
  contexts?: ReadonlyMap<string, Partial<QuoteContext>>;
  /** Upper bound on approximate-matching work (text positions × allowed edits) for one document. */
  approximateBudget?: number;
}

/** Share of a span's length approximate matching may edit. */
export const MAX_ERROR_RATE = 0.25;
/** Shorter spans are placed exactly or not at all: a few edits make any short text match. */
const MIN_APPROXIMATE_LENGTH = 6;
/** Anchors (context, or a long span's head and tail) shorter than this are not trusted alone. */
const MIN_ANCHOR_LENGTH = 8;
/** Head and tail of a long span used as anchors when its middle changed. */
const EDGE_LENGTH = 16;
const DEFAULT_BUDGET = 200_000_000;
/** Occurrences of a span's text examined at most (a text repeated thousands of times). */
const MAX_VISITS = 100_000;
/** Work one approximate search may do before it is left out. */
const SEARCH_BUDGET = 40_000_000;

interface Placement {
  start: number;
  end: number;
  how: 'exact' | 'context' | 'approximate';
  errors?: number;
}

/**
 * Re-places the spans of a layer made on an earlier version of an article onto its current text
 * (`text`, whose sha256 is `sha256`), from each span's stored text, as a W3C TextQuoteSelector
 * would: first the exact text (the occurrence whose surrounding text agrees best and that lies
 * nearest the old offset, shifted as far as the spans before it moved), then between its
 * surrounding text (or a long span's own head and tail), then approximately (at most
 * MAX_ERROR_RATE of its length edited, searched near the expected place first). Spans not at
 * their old offsets get `flagged` with the reason; spans with no place go to `orphans`, text
 * kept; earlier orphans are tried too. Offsets are code points. Relations are kept as they are.
 * Returns a new document; `updatedAt` is unchanged, as nobody edited it yet.
 */
export function reanchorLayer(doc: LayerDoc, text: string, sha256: string, options: ReanchorOptions = {}): ReanchorResult {
  const map = new OffsetMap(text);
  const outcome: ReanchorOutcome = { kept: 0, moved: 0, changed: 0, restored: 0, orphaned: 0 };
  const budget = { left: options.approximateBudget ?? DEFAULT_BUDGET };
  const items = [
    ...doc.spans.map((span, index) => ({ span, index, wasOrphan: false })),
    ...(doc.orphans ?? []).map((span, index) => ({ span, index: doc.spans.length + index, wasOrphan: true })),
  ];
  const placed = new Map<number, Span>();
  const orphans: Span[] = [];
  let shift = 0;
  // In old reading order, so each span's expected place follows how far the previous one moved.
  for (const item of [...items].sort((a, b) => a.span.start - b.span.start || a.index - b.index)) {
    const { span } = item;
    const expectedCp = clamp(span.start + shift, 0, map.codePointLength);
    const expected = map.toUtf16(expectedCp);
    const context = options.contexts?.get(span.id) ?? {};
    const found = placeExact(text, span.text, expected, context)
      ?? placeBetween(text, span.text, expected, context)
      ?? placeApproximately(text, span.text, expected, budget);
    if (!found) {
      orphans.push({ ...span, flagged: `Not found after the article changed: its text “${excerpt(span.text)}” is no longer there (it was at ${span.start}–${span.end})` });
      outcome.orphaned++;
      continue;
    }
    const { start, end } = snapToCodePoints(text, found.start, found.end);
    const cpStart = map.toCodePoint(start);
    const cpEnd = map.toCodePoint(end);
    shift = cpStart - span.start;
    const newText = text.slice(start, end);
    const where = `${cpStart}–${cpEnd} (was ${span.start}–${span.end})`;
    let flagged = span.flagged;
    if (item.wasOrphan) {
      flagged = `Placed again after the article changed, at ${where}${newText === span.text ? '' : `; its text was “${excerpt(span.text)}”`}`;
      outcome.restored++;
    } else if (found.how === 'exact' && cpStart === span.start) {
      outcome.kept++;
    } else if (found.how === 'exact') {
      flagged = `Moved after the article changed: the same text is now at ${where}`;
      outcome.moved++;
    } else {
      const method = found.how === 'context' ? 'between its surrounding text' : `approximately (${found.errors} edit${found.errors === 1 ? '' : 's'})`;
      flagged = `Re-placed ${method} after the article changed, at ${where}; its text was “${excerpt(span.text)}”`;
      outcome.changed++;
    }
    placed.set(item.index, { ...span, start: cpStart, end: cpEnd, text: newText, ...(flagged !== undefined ? { flagged } : {}) });
  }
  const spans = items.filter((item) => placed.has(item.index)).map((item) => placed.get(item.index)!);
  const next: LayerDoc = { ...doc, sha256, spans };
  if (orphans.length) next.orphans = orphans;
  else delete next.orphans;
  return { doc: next, outcome };
}

/**
 * The occurrence of the exact text whose surroundings agree best, nearest the expected place.
 * Occurrences are visited outwards from the expected place and the search stops once no farther
 * one could win, so repetitive texts cost little.
 */
function placeExact(text: string, quote: string, expected: number, context: Partial<QuoteContext>): Placement | null {
  if (quote === '') return { start: expected, end: expected, how: 'exact' };
  const bestPossible = (context.prefix?.length ?? 0) + (context.suffix?.length ?? 0);
  let best: Placement | null = null;
  let bestScore = -Infinity;
  let forward = text.indexOf(quote, expected);
  let backward = expected > 0 ? text.lastIndexOf(quote, expected - 1) : -1;
  for (let visited = 0; visited < MAX_VISITS && (forward !== -1 || backward !== -1); visited++) {
    const takeForward = backward === -1 || (forward !== -1 && forward - expected <= expected - backward);
    const at = takeForward ? forward : backward;
    // Agreeing context outweighs distance: a far occurrence needs more agreeing characters.
    const penalty = Math.log2(1 + Math.abs(at - expected));
    if (bestPossible - penalty <= bestScore) break;
    const score = contextAgreement(text, at, at + quote.length, context) - penalty;
    if (score > bestScore) {
      bestScore = score;
      best = { start: at, end: at + quote.length, how: 'exact' };
    }
    if (takeForward) forward = text.indexOf(quote, forward + 1);
    else backward = backward > 0 ? text.lastIndexOf(quote, backward - 1) : -1;
  }
  return best;
}

/** Characters of the stored prefix and suffix that match the text around [start, end). */
function contextAgreement(text: string, start: number, end: number, context: Partial<QuoteContext>): number {
  let score = 0;
  const prefix = context.prefix ?? '';
  while (score < prefix.length && start - score - 1 >= 0 && text.charCodeAt(start - score - 1) === prefix.charCodeAt(prefix.length - score - 1)) score++;
  const suffix = context.suffix ?? '';
  let after = 0;
  while (after < suffix.length && end + after < text.length && text.charCodeAt(end + after) === suffix.charCodeAt(after)) after++;
  return score + after;
}

/**
 * The text between an anchor before the span (its stored prefix, or its own head when long) and
 * one after it (its stored suffix, or its own tail), when both are found near the expected place
 * at a plausible distance apart.
 */
function placeBetween(text: string, quote: string, expected: number, context: Partial<QuoteContext>): Placement | null {
  const lefts: { anchor: string; startsSpan: boolean }[] = [];
  const rights: { anchor: string; endsSpan: boolean }[] = [];
  if ((context.prefix?.length ?? 0) >= MIN_ANCHOR_LENGTH) lefts.push({ anchor: context.prefix!, startsSpan: false });
  if ((context.suffix?.length ?? 0) >= MIN_ANCHOR_LENGTH) rights.push({ anchor: context.suffix!, endsSpan: false });
  if (quote.length >= 3 * EDGE_LENGTH) {
    lefts.push({ anchor: quote.slice(0, EDGE_LENGTH), startsSpan: true });
    rights.push({ anchor: quote.slice(-EDGE_LENGTH), endsSpan: true });
  }
  const shortest = Math.floor(quote.length / 2);
  const longest = 2 * quote.length + 16;
  for (const left of lefts) {
    const leftAt = nearestOccurrence(text, left.anchor, expected - (left.startsSpan ? 0 : left.anchor.length));
    if (leftAt === -1) continue;
    const start = left.startsSpan ? leftAt : leftAt + left.anchor.length;
    for (const right of rights) {
      const searchFrom = right.endsSpan ? start + shortest - right.anchor.length : start + shortest;
      const rightAt = text.indexOf(right.anchor, Math.max(start, searchFrom));
      if (rightAt === -1) continue;
      const end = right.endsSpan ? rightAt + right.anchor.length : rightAt;
      if (end - start >= Math.max(1, shortest) && end - start <= longest) return { start, end, how: 'context' };
    }
  }
  return null;
}

function nearestOccurrence(text: string, needle: string, expected: number): number {
  const after = text.indexOf(needle, Math.max(0, expected));
  const before = expected > 0 ? text.lastIndexOf(needle, expected - 1) : -1;
  if (after === -1) return before;
  if (before === -1) return after;
  return after - expected <= expected - before ? after : before;
}

/** Approximate match near the expected place, then anywhere when the work stays within budget. */
function placeApproximately(text: string, quote: string, expected: number, budget: { left: number }): Placement | null {
  if (quote.length < MIN_APPROXIMATE_LENGTH) return null;
  const maxErrors = Math.floor(quote.length * MAX_ERROR_RATE);
  const reach = Math.max(2 * quote.length, 2000);
  const windows = [
    { from: Math.max(0, expected - reach), to: Math.min(text.length, expected + quote.length + reach) },
    { from: 0, to: text.length },
  ];
  for (const { from, to } of windows) {
    const work = (to - from) * (maxErrors + 1);
    if (work > SEARCH_BUDGET || work > budget.left) continue;
    budget.left -= work;
    const match = findApproximate(text, quote, { maxErrors, from, to, expected });
    if (match) return { start: match.start, end: match.end, how: 'approximate', errors: match.errors };
    if (from === 0 && to === text.length) break;
  }
  return null;
}

/** Widens a UTF-16 range so that it never splits a surrogate pair. */
function snapToCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  const splits = (i: number) => i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
  return { start: splits(start) ? start - 1 : start, end: splits(end) ? end + 1 : end };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function excerpt(text: string): string {
  const chars = [...text];
  return chars.length > 120 ? chars.slice(0, 119).join('') + '…' : text;
}
