/**
 * Quote, speaker, claim, boilerplate and repeat engines against a project's annotated layer
 * (LayerDoc files under annotations/<layer>/), matched span to span.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LayerDoc, Span } from '../../src/common/model';
import { sliceCodePoints } from '../../src/common/offsets';
import { LineFrequencyIndex } from '../../src/common/suggest/LineFrequencyIndex';
import { RepeatIndex } from '../../src/common/suggest/RepeatIndex';
import { suggestBoilerplate } from '../../src/common/suggest/suggestBoilerplate';
import { suggestClaims } from '../../src/common/suggest/suggestClaims';
import { suggestQuotes } from '../../src/common/suggest/suggestQuotes';
import { iou, matchSpans, overlapOfShorter, prf } from './matchSpans';

export interface ReferenceResult {
  layerDir: string;
  articles: number;
  spansNotMatchingText: number;
  quotes: { reference: number; suggested: number; matched: number; exact: number; precision: number; recall: number; f1: number };
  speakers: { matchedQuotesWithReferenceSpeaker: number; correctLinks: number; share: number };
  claims: { reference: number; suggested: number; matched: number; precision: number; recall: number; f1: number };
  boilerplateLines: { reference: number; suggested: number; matched: number; precision: number; recall: number; f1: number };
  repeats: { recurringReferenceSpans: number; found: number; proposed: number; agreeing: number; recall: number; precision: number };
}

function listJson(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listJson(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

export function evalReference(projectDir: string, layer = 'reference'): ReferenceResult | { missing: string } {
  const layerDir = join(projectDir, 'annotations', layer);
  if (!existsSync(layerDir)) return { missing: layerDir };
  const docs: { id: string; text: string; doc: LayerDoc }[] = [];
  for (const file of listJson(layerDir)) {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as LayerDoc;
    const articleId = doc.article ?? relative(layerDir, file).replace(/\.json$/, '');
    const path = join(projectDir, articleId);
    if (!existsSync(path)) continue;
    docs.push({ id: articleId, text: readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), doc });
  }
  if (docs.length === 0) return { missing: `${layerDir} (no LayerDoc with a readable article)` };

  let bad = 0;
  const q = { reference: 0, suggested: 0, matched: 0, exact: 0 };
  const sp = { withRef: 0, correct: 0 };
  const c = { reference: 0, suggested: 0, matched: 0 };
  const b = { reference: 0, suggested: 0, matched: 0 };
  const lineIndex = LineFrequencyIndex.build(docs.map((d) => d.text));
  const repeatIndex = new RepeatIndex();
  for (const d of docs) repeatIndex.addArticle(d.id, d.text, d.doc.spans);

  docs.forEach((d, articleNo) => {
    const spans = d.doc.spans.filter((s) => {
      const ok = sliceCodePoints(d.text, s.start, s.end) === s.text;
      if (!ok) bad++;
      return ok;
    });
    const byId = new Map(spans.map((s) => [s.id, s]));
    const refQuotes = spans.filter((s) => s.label === 'QUOTE' && s.attrs?.kind !== 'indirect');
    const speakerOf = new Map<string, Span>();
    for (const r of d.doc.relations) if (r.type === 'ATTRIBUTED_TO' && byId.has(r.to)) speakerOf.set(r.from, byId.get(r.to)!);

    const sug = suggestQuotes(d.text);
    const sugQuotes = sug.map((s, i) => ({ ...s, i })).filter((s) => s.label === 'QUOTE');
    const m = matchSpans(sugQuotes, refQuotes, iou, 0.5);
    q.reference += refQuotes.length;
    q.suggested += sugQuotes.length;
    m.forEach((j, k) => {
      if (j < 0) return;
      q.matched++;
      const ref = refQuotes[j];
      const got = sugQuotes[k];
      if (ref.start === got.start && ref.end === got.end) q.exact++;
      const refSpeaker = speakerOf.get(ref.id);
      if (!refSpeaker) return;
      sp.withRef++;
      const link = got.links?.[0];
      if (link && overlapOfShorter(sug[link.to], refSpeaker) >= 0.5) sp.correct++;
    });

    const boiler = suggestBoilerplate(d.text, { index: lineIndex, articleId: articleNo });
    const refBoiler = spans.filter((s) => s.label === 'BOILERPLATE');
    const bm = matchSpans(boiler, refBoiler, overlapOfShorter, 0.5);
    b.reference += refBoiler.length;
    b.suggested += boiler.length;
    b.matched += bm.filter((j) => j >= 0).length;

    const claims = suggestClaims(d.text, { exclude: boiler });
    const refClaims = spans.filter((s) => s.label === 'CLAIM');
    const cm = matchSpans(claims, refClaims, overlapOfShorter, 0.6);
    c.reference += refClaims.length;
    c.suggested += claims.length;
    c.matched += cm.filter((j) => j >= 0).length;
  });

  // Repeats: reference spans whose label and text recur in another article's reference spans.
  const norm = (s: string): string => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  const seenIn = new Map<string, Set<string>>();
  for (const d of docs) for (const s of d.doc.spans) {
    const key = `${s.label}|${norm(s.text)}`;
    if (norm(s.text).split(' ').length < 3) continue;
    (seenIn.get(key) ?? seenIn.set(key, new Set()).get(key)!).add(d.id);
  }
  const r = { recurring: 0, found: 0, proposed: 0, agreeing: 0 };
  for (const d of docs) {
    const proposals = repeatIndex.suggest(d.id, d.text);
    r.proposed += proposals.length;
    const same = (p: { label: string; start: number; end: number }, s: Span): boolean => p.label === s.label && iou(p, s) >= 0.8;
    r.agreeing += proposals.filter((p) => d.doc.spans.some((s) => same(p, s))).length;
    for (const s of d.doc.spans) {
      const key = `${s.label}|${norm(s.text)}`;
      const where = seenIn.get(key);
      if (!where || where.size < 2) continue;
      r.recurring++;
      if (proposals.some((p) => same(p, s))) r.found++;
    }
  }

  const qq = prf(q.matched, q.suggested, q.reference);
  const cc = prf(c.matched, c.suggested, c.reference);
  const bb = prf(b.matched, b.suggested, b.reference);
  return {
    layerDir,
    articles: docs.length,
    spansNotMatchingText: bad,
    quotes: { ...q, ...qq },
    speakers: { matchedQuotesWithReferenceSpeaker: sp.withRef, correctLinks: sp.correct, share: sp.withRef ? sp.correct / sp.withRef : 0 },
    claims: { ...c, ...cc },
    boilerplateLines: { ...b, ...bb },
    repeats: {
      recurringReferenceSpans: r.recurring,
      found: r.found,
      proposed: r.proposed,
      agreeing: r.agreeing,
      recall: r.recurring ? r.found / r.recurring : 0,
      precision: r.proposed ? r.agreeing / r.proposed : 0,
    },
  };
}
