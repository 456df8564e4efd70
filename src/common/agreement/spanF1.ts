import type { Segment } from './unionSegments';

/**
 * Span F1 between two layers' spans of one label. Each list holds distinct extents (duplicates
 * of the same start, end and label count once) sorted by start, then end.
 *
 * - exact: a span of A matches a span of B with the same start and end;
 * - overlap: spans match when they share at least one character, one-to-one, chosen greedily:
 *   all overlapping (a, b) pairs are taken in order of largest shared length, then smallest
 *   boundary distance |Δstart| + |Δend|, then position, and a pair is kept when neither span is
 *   matched yet.
 *
 * F1 = 2 · matches / (|A| + |B|) (precision and recall against either layer as reference give
 * the same F1); null when both lists are empty.
 */
export function spanF1(matches: number, countA: number, countB: number): number | null {
  const total = countA + countB;
  return total === 0 ? null : (2 * matches) / total;
}

/** Number of extents present in both sorted, duplicate-free lists. */
export function exactMatchCount(a: readonly Segment[], b: readonly Segment[]): number {
  let i = 0;
  let j = 0;
  let matches = 0;
  while (i < a.length && j < b.length) {
    const d = a[i].start - b[j].start || a[i].end - b[j].end;
    if (d === 0) {
      matches++;
      i++;
      j++;
    } else if (d < 0) i++;
    else j++;
  }
  return matches;
}

/**
 * The one-to-one greedy overlap matching described above, as index pairs [i in a, j in b]
 * in the order they were chosen.
 */
export function overlapMatches(a: readonly Segment[], b: readonly Segment[]): [number, number][] {
  const candidates: Candidate[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    for (let j = 0; j < b.length; j++) {
      const y = b[j];
      if (y.start >= x.end) break;
      const shared = Math.min(x.end, y.end) - Math.max(x.start, y.start);
      if (shared > 0) candidates.push({ i, j, shared, distance: Math.abs(x.start - y.start) + Math.abs(x.end - y.end) });
    }
  }
  candidates.sort(compareCandidates);
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  const out: [number, number][] = [];
  for (const c of candidates) {
    if (usedA[c.i] || usedB[c.j]) continue;
    usedA[c.i] = 1;
    usedB[c.j] = 1;
    out.push([c.i, c.j]);
  }
  return out;
}

interface Candidate {
  i: number;
  j: number;
  shared: number;
  distance: number;
}

function compareCandidates(p: Candidate, q: Candidate): number {
  return q.shared - p.shared || p.distance - q.distance || p.i - q.i || p.j - q.j;
}
