/**
 * Agreement and adjudication over a project on disk: what `gloss agreement` prints and the review
 * dashboard shows (one function, so both show the same figures), and "accept everything all
 * layers agree on" for many articles at once.
 */
import { ApiError } from '../common/api';
import type { AcceptAgreedResult, AgreementRequest, AgreementResult } from '../common/api';
import { computeAgreement } from '../common/agreement';
import type { LayerDoc } from '../common/model';
import { acceptAgreed, GOLD_LAYER } from '../common/review/adjudicate';
import type { ProjectStore } from './projectStore';
import { BulkReader } from './bulkReader';

/** Checks the chosen layers against the project's: two or more, none twice, each with a folder under annotations/. */
export async function checkLayers(store: ProjectStore, layers: readonly string[]): Promise<void> {
  if (layers.length < 2) throw new ApiError('BAD_LAYERS', `Choose at least two layers to compare (got ${layers.length ? layers.join(', ') : 'none'})`);
  const twice = layers.find((l, i) => layers.indexOf(l) !== i);
  if (twice) throw new ApiError('BAD_LAYERS', `Layer "${twice}" is chosen twice`);
  const known = await store.listLayers();
  const unknown = layers.filter((l) => !known.includes(l));
  if (unknown.length) {
    throw new ApiError('UNKNOWN_LAYER', `Unknown layer${unknown.length > 1 ? 's' : ''} ${unknown.map((l) => `"${l}"`).join(', ')}; the project has ${known.length ? known.join(', ') : 'no layers yet'}`);
  }
}

/** The articles a request covers, in project order: its `articles`, or every article. */
async function articleIds(store: ProjectStore, request: AgreementRequest): Promise<string[]> {
  return (await articleEntries(store, request)).map((a) => a.id);
}

async function articleEntries(store: ProjectStore, request: AgreementRequest): Promise<{ id: string; absPath: string }[]> {
  const { articles } = await store.scanArticles();
  if (!request.articles) return articles;
  const wanted = new Set(request.articles);
  const all = new Set(articles.map((a) => a.id));
  const missing = request.articles.filter((id) => !all.has(id));
  if (missing.length) throw new ApiError('NOT_FOUND', `Not an article of the project: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
  return articles.filter((a) => wanted.has(a.id));
}

/**
 * The agreement of the chosen layers over the project (or the given articles): computeAgreement
 * on every readable article, each layer as readLayer gives it (re-anchored when the article
 * changed). Articles that cannot be read are left out and named in the warnings; an annotation
 * file that cannot be read fails the whole computation with its name and line.
 */
export async function projectAgreement(store: ProjectStore, request: AgreementRequest): Promise<AgreementResult> {
  await checkLayers(store, request.layers);
  const articles: { id: string; text: string }[] = [];
  const layers: Record<string, Map<string, LayerDoc>> = Object.fromEntries(request.layers.map((l) => [l, new Map()]));
  const warnings: string[] = [];
  // One pass over the whole project: the bulk reader gives what readArticle/readLayer give.
  const reader = await BulkReader.open(store, [...request.layers]);
  for (const entry of await articleEntries(store, request)) {
    const id = entry.id;
    let article;
    try {
      article = await reader.article(entry);
    } catch (error) {
      warnings.push(`${id} left out: ${(error as Error).message}`);
      continue;
    }
    articles.push({ id, text: article.text });
    // A layer without a file reads as empty, which the measures treat as a layer with no spans there.
    for (const layer of request.layers) layers[layer].set(id, await reader.layer(id, layer, article.sha256));
  }
  try {
    return { report: computeAgreement({ articles, layers }, { layers: request.layers, labels: request.labels }), warnings };
  } catch (error) {
    if (error instanceof RangeError) throw new ApiError('BAD_LAYERS', error.message.replace(/^computeAgreement: /, ''));
    throw error;
  }
}

/**
 * Adds to the gold layer of each article (of the request, or the project) every span all the
 * chosen layers agree on, and the relations they agree on, keeping what gold has. Writes only
 * the gold files that change. Unreadable articles are skipped and named in the warnings.
 */
export async function acceptAgreedInProject(store: ProjectStore, request: AgreementRequest, now = new Date().toISOString()): Promise<AcceptAgreedResult> {
  await checkLayers(store, request.layers);
  if (request.layers.includes(GOLD_LAYER)) throw new ApiError('BAD_LAYERS', 'Gold cannot be one of the layers adjudicated into gold');
  const result: AcceptAgreedResult = { articles: 0, spans: 0, relations: 0, warnings: [] };
  for (const id of await articleIds(store, request)) {
    let sha;
    try {
      sha = (await store.readArticle(id)).sha256;
    } catch (error) {
      result.warnings.push(`${id} skipped: ${(error as Error).message}`);
      continue;
    }
    const docs: Record<string, LayerDoc> = {};
    for (const layer of request.layers) docs[layer] = await store.readLayer(id, layer, sha);
    const gold = await store.readLayer(id, GOLD_LAYER, sha);
    const step = acceptAgreed({ ...gold, sha256: sha }, docs, request.layers, now, { labels: request.labels });
    if (step.added === 0 && step.relations === 0) continue;
    await store.writeLayer(id, GOLD_LAYER, step.doc);
    result.articles++;
    result.spans += step.added;
    result.relations += step.relations;
  }
  return result;
}
