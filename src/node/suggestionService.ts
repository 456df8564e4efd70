/**
 * Suggestions on demand for one article in one layer: the engines of common/suggest run on the
 * article, their output is filtered against the layer (spans it has) and its rejections
 * (SuggestionStore), and nothing is written to the layer until a person accepts. The project
 * evidence the engines need is built once and cached: the LineFrequencyIndex over every article
 * (boilerplate lines shared across stories), and per layer the labelled passages of every
 * article (repeats). After that, one article costs a few milliseconds.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../common/api';
import type { LayerDoc, Span } from '../common/model';
import { codePointLength } from '../common/offsets';
import { LineFrequencyIndex } from '../common/suggest/LineFrequencyIndex';
import { RepeatIndex } from '../common/suggest/RepeatIndex';
import type { Suggestion } from '../common/suggest/Suggestion';
import { suggestBoilerplate } from '../common/suggest/suggestBoilerplate';
import { suggestClaims } from '../common/suggest/suggestClaims';
import { suggestQuotes } from '../common/suggest/suggestQuotes';
import { pendingSuggestions } from '../common/suggest/pending';
import type { ArticleSuggestions, SuggestionKey } from '../common/suggest/pending';
import { readTextIfExists } from './durableFile';
import { ANNOTATIONS_DIR, ARTICLES_DIR } from './projectStore';
import type { ProjectStore } from './projectStore';
import { forEachLimited } from './summaryIndex';
import { SOURCES_DIR } from './exportProject';
import { decodeHtml } from './importArticles';
import { suggestHtmlPage } from './html/suggestHtmlPage';
import { SuggestionStore } from './suggestionStore';
import type { RejectRequest } from './suggestionStore';

/** The engines getSuggestions can run, in the order their suggestions win over duplicates. */
export const SUGGESTION_ENGINES = ['boilerplate', 'quotes', 'claims', 'repeats'] as const;
export type SuggestionEngine = (typeof SUGGESTION_ENGINES)[number];

interface LineIndexCache {
  index: LineFrequencyIndex;
  idOf: Map<string, number>;
}

interface LayerCache {
  /** Labelled passages (label and text) of each article of the layer, as last read or saved. */
  passages: Map<string, { label: string; text: string }[]>;
  index: RepeatIndex | null;
}

/** Computes, filters and records decisions on suggestions for one open project. */
export class SuggestionService {
  readonly rejections: SuggestionStore;
  private lineIndex: Promise<LineIndexCache> | null = null;
  private readonly layers = new Map<string, Promise<LayerCache>>();

  constructor(readonly store: ProjectStore) {
    this.rejections = new SuggestionStore(store.root);
  }

  /** Forgets the cached project evidence (articles added or changed, layers changed on disk). */
  invalidate(): void {
    this.lineIndex = null;
    this.layers.clear();
  }

  /** Keeps the repeat evidence of a layer current after one of its articles was saved. */
  noteLayerSaved(articleId: string, layer: string, doc: LayerDoc): void {
    const cache = this.layers.get(layer);
    if (!cache) return;
    void cache.then((c) => {
      c.passages.set(articleId, passagesOf(doc.spans));
      c.index = null;
    }, () => undefined);
  }

  /** Builds the project evidence now (the line index; the layer's passages when given), so the first article is fast too. */
  async warm(layer?: string): Promise<void> {
    await this.lines();
    if (layer) await this.repeatIndex(layer);
  }

  /**
   * The pending suggestions of an article for a layer: what the engines propose, less what the
   * layer has and what it rejected. `engines` defaults to all of them. Without a layer (null),
   * nothing is left out and the repeats engine has no evidence.
   */
  async getSuggestions(articleId: string, layer: string | null, engines: readonly SuggestionEngine[] = SUGGESTION_ENGINES): Promise<ArticleSuggestions> {
    const unknown = engines.filter((e) => !(SUGGESTION_ENGINES as readonly string[]).includes(e));
    if (unknown.length) throw new ApiError('BAD_OPTIONS', `Unknown suggestion engine(s) ${unknown.join(', ')}; choose from ${SUGGESTION_ENGINES.join(', ')}`);
    const want = new Set(engines);
    // Project evidence first (built once), so `ms` measures one article's work.
    const lines = want.has('boilerplate') ? await this.lines() : null;
    const repeats = want.has('repeats') && layer !== null ? await this.repeatIndex(layer) : null;

    const started = performance.now();
    const article = await this.store.readArticle(articleId);
    const doc = layer === null ? null : await this.store.readLayer(articleId, layer, article.sha256);
    const spans = doc?.spans ?? [];
    const rejected = layer === null ? [] : await this.rejections.rejections(articleId, layer);
    const text = article.text;
    const lists: Suggestion[][] = [];
    let boilerplate: Suggestion[] = [];
    if (lines) {
      const id = lines.idOf.get(articleId);
      const project = id === undefined ? {} : { index: lines.index, articleId: id };
      // An article imported from an HTML page gets the page's main-content boundaries too,
      // as long as its text is still exactly what the import made of the page.
      const html = await this.htmlSource(articleId);
      const page = html === null ? null : suggestHtmlPage(html, project);
      // (`gloss add` ends the article with one line break after the page's text.)
      boilerplate = page !== null && (text === page.text || text === `${page.text}\n`) ? page.suggestions : suggestBoilerplate(text, project);
      lists.push(boilerplate);
    }
    if (want.has('quotes')) lists.push(suggestQuotes(text));
    if (want.has('claims')) {
      const exclude = [...spans.filter((s) => s.label === 'BOILERPLATE'), ...boilerplate.filter((b) => !rejected.some((r) => r.label === b.label && r.start === b.start && r.end === b.end))];
      lists.push(suggestClaims(text, { exclude }));
    }
    if (repeats) lists.push(repeats.suggest(articleId, text, spans));
    const pending = pendingSuggestions(lists, { spans, rejected, sha256: article.sha256, labels: this.store.manifest.schema.labels.map((l) => l.name) });
    return { article: articleId, layer: layer ?? '', sha256: article.sha256, suggestions: pending.suggestions, rejected: pending.rejected, ms: Math.round((performance.now() - started) * 100) / 100 };
  }

  /** The HTML page an article was imported from (kept in sources/ by `gloss add`), or null. */
  private async htmlSource(articleId: string): Promise<string | null> {
    const stem = articleId.split('/').slice(1).join('/').replace(/\.txt$/i, '');
    for (const ext of ['.html', '.htm']) {
      const abs = join(this.store.root, SOURCES_DIR, ...`${stem}${ext}`.split('/'));
      // Never follow a link out of the project on behalf of a document.
      const info = await lstat(abs).catch(() => null);
      if (info?.isFile()) return decodeHtml(await readFile(abs));
    }
    return null;
  }

  /** Rejects suggestions of an article in a layer; they stay rejected when the engines run again. */
  async reject(articleId: string, layer: string, keys: readonly RejectRequest[]): Promise<{ rejected: number }> {
    const article = await this.store.readArticle(articleId);
    return { rejected: await this.rejections.reject(articleId, layer, article.sha256, keys) };
  }

  /** Takes rejections back (all of the article's in the layer when `keys` is omitted). */
  async unreject(articleId: string, layer: string, keys?: readonly SuggestionKey[]): Promise<{ restored: number }> {
    const article = await this.store.readArticle(articleId);
    return { restored: await this.rejections.unreject(articleId, layer, article.sha256, keys) };
  }

  private lines(): Promise<LineIndexCache> {
    if (!this.lineIndex) {
      const building = this.buildLines();
      this.lineIndex = building;
      building.catch(() => {
        if (this.lineIndex === building) this.lineIndex = null;
      });
    }
    return this.lineIndex;
  }

  private async buildLines(): Promise<LineIndexCache> {
    const { articles } = await this.store.scanArticles();
    const texts: string[] = new Array(articles.length).fill('');
    const ok: boolean[] = new Array(articles.length).fill(false);
    await forEachLimited(articles.map((a, i) => ({ a, i })), 32, async ({ a, i }) => {
      try {
        texts[i] = (await this.store.readArticle(a.id)).text;
        ok[i] = true;
      } catch {
        // Not loadable: it takes no part (and gets no boilerplate evidence).
      }
    });
    // Built in slices, yielding between them, so saves and other requests are not held up.
    const index = new LineFrequencyIndex();
    for (let i = 0; i < texts.length; i++) {
      index.add(texts[i]);
      if (i % 250 === 249) await new Promise((ok) => setImmediate(ok));
    }
    const idOf = new Map<string, number>();
    articles.forEach((a, i) => {
      if (ok[i]) idOf.set(a.id, i);
    });
    return { index, idOf };
  }

  private async repeatIndex(layer: string): Promise<RepeatIndex> {
    let pending = this.layers.get(layer);
    if (!pending) {
      pending = this.readLayerPassages(layer);
      this.layers.set(layer, pending);
      pending.catch(() => this.layers.delete(layer));
    }
    const cache = await pending;
    if (!cache.index) {
      const index = new RepeatIndex();
      for (const [articleId, passages] of cache.passages) {
        // Each passage is indexed by its own text: the article itself is not needed.
        for (const p of passages) index.addArticle(articleId, p.text, [{ label: p.label, start: 0, end: codePointLength(p.text) }]);
      }
      cache.index = index;
    }
    return cache.index;
  }

  /** Reads the spans of every annotation file of a layer (unreadable files take no part). */
  private async readLayerPassages(layer: string): Promise<LayerCache> {
    this.store.layerFileId('articles/x', layer); // checks the layer name
    const base = join(this.store.root, ANNOTATIONS_DIR, layer);
    const files: string[] = [];
    const walk = async (dir: string, rel: string[]): Promise<void> => {
      const items = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const item of items) {
        if (item.isSymbolicLink()) continue;
        if (item.isDirectory()) await walk(join(dir, item.name), [...rel, item.name]);
        else if (item.isFile() && item.name.endsWith('.json') && !item.name.startsWith('.')) files.push([...rel, item.name].join('/'));
      }
    };
    await walk(base, []);
    const passages = new Map<string, { label: string; text: string }[]>();
    await forEachLimited(files, 32, async (rel) => {
      const raw = await readTextIfExists(join(base, ...rel.split('/'))).catch(() => null);
      if (raw === null) return;
      try {
        const data = JSON.parse(raw) as { spans?: unknown };
        if (!Array.isArray(data.spans)) return;
        passages.set(`${ARTICLES_DIR}/${rel.replace(/\.json$/, '')}`, passagesOf(data.spans as Span[]));
      } catch {
        // A corrupt file is reported where it is opened; here it only takes no part.
      }
    });
    return { passages, index: null };
  }
}

function passagesOf(spans: readonly Span[]): { label: string; text: string }[] {
  return spans.filter((s) => typeof s?.label === 'string' && typeof s?.text === 'string' && s.text.length > 0).map((s) => ({ label: s.label, text: s.text }));
}
