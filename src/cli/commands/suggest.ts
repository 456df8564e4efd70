import type { Command } from '../command';
import { list, str } from '../command';
import { usage } from '../cliError';
import { ApiError } from '../../common/api';
import { LAYER_NAME_PATTERN } from '../../common/model';
import { acceptSuggestions } from '../../common/suggest/pending';
import type { PendingSuggestion } from '../../common/suggest/pending';
import { ProjectStore } from '../../node/projectStore';
import { SUGGESTION_ENGINES, SuggestionService } from '../../node/suggestionService';
import type { SuggestionEngine } from '../../node/suggestionService';
import { progressBar } from '../progressBar';

export const suggest: Command = {
  help: `Usage: gloss suggest <dir> [--engines boilerplate,quotes,claims,repeats] [--json]
                     [--into LAYER | --layer LAYER] [--article ID]... [--min-score X]

Runs the suggestion engines (docs/suggestions.md) over every article of the project and prints
what they propose, one line per suggestion: article, label, [start, end) in Unicode code points
(Python's text[start:end]), score, engine, and the text; a QUOTE names the SPEAKER it is
attributed to.

  --engines    which engines (default: all): ${SUGGESTION_ENGINES.join(', ')}
  --layer      measure against this layer: its spans and the suggestions it rejected are left
               out, and its spans in other articles feed the repeats engine (without a layer,
               repeats has nothing to propagate)
  --into LAYER write the suggestions as LAYER's annotations instead of printing them: each span
               with origin suggestion:<engine>, each QUOTE with its SPEAKER and the
               ATTRIBUTED_TO relation. Spans LAYER has and suggestions it rejected are skipped,
               so running it again adds only what is new. Every export and gloss agreement
               then apply; the clean-text export of --engines boilerplate is the extracted
               article text.
  --article    only this article (repeatable; e.g. articles/000.txt)
  --min-score  only suggestions scoring at least X (0..1)
  --json       JSON lines: {"article", "label", "start", "end", "text", "score", "engine",
               "reason", "attributed_to": {"label", "start", "end", "text"} (QUOTEs),
               "offsets": "codepoint"}; with --into, one JSON summary

Exit code 0; 1 when an article could not be read (the others are still done); 2 for a usage error.`,
  options: {
    engines: { type: 'string' }, layer: { type: 'string' }, into: { type: 'string' }, article: { type: 'string', multiple: true },
    'min-score': { type: 'string' }, json: { type: 'boolean' },
  },
  async run(values, [dir, ...extra]) {
    if (!dir || extra.length) throw usage('gloss suggest takes exactly one project folder');
    // `gloss suggest ... | head`: a closed pipe ends the output quietly.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
    const engines = (list(values, 'engines') ?? [...SUGGESTION_ENGINES]) as SuggestionEngine[];
    const unknown = engines.filter((e) => !(SUGGESTION_ENGINES as readonly string[]).includes(e));
    if (unknown.length || engines.length === 0) throw usage(`--engines: ${unknown.join(', ') || 'none given'}; choose from ${SUGGESTION_ENGINES.join(', ')}`);
    const into = str(values, 'into');
    const layerOption = str(values, 'layer');
    if (into && layerOption && into !== layerOption) throw usage('--into writes the layer it measures against; give --into or --layer, not both');
    const layer = into ?? layerOption ?? null;
    if (layer !== null && !LAYER_NAME_PATTERN.test(layer)) throw usage(`"${layer}" is not a layer name (letters, digits, _ - . , not starting with a dot)`);
    const minScoreText = str(values, 'min-score');
    const minScore = minScoreText === undefined ? 0 : Number(minScoreText);
    if (!Number.isFinite(minScore) || minScore < 0 || minScore > 1) throw usage(`--min-score must be a number from 0 to 1, not "${minScoreText}"`);

    const store = await ProjectStore.open(dir);
    const { articles: entries } = await store.scanArticles();
    const only = values.article as string[] | undefined;
    const missing = (only ?? []).filter((id) => !entries.some((e) => e.id === id));
    if (missing.length) throw usage(`--article: ${missing.join(', ')} not among the project's articles`);
    const ids = entries.map((e) => e.id).filter((id) => !only || only.includes(id));
    const service = new SuggestionService(store);
    const progress = progressBar(into ? `suggest into ${into}` : 'suggest');
    const schema = store.manifest.schema;
    let failed = 0;
    let printed = 0;
    const written = { articles: 0, spans: 0, relations: 0, byLabel: {} as Record<string, number> };

    for (const [n, id] of ids.entries()) {
      progress(n, ids.length);
      let result;
      try {
        result = await service.getSuggestions(id, layer, engines);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        failed++;
        process.stderr.write(`warning: ${error.message}\n`);
        continue;
      }
      const chosen = result.suggestions.filter((s) => s.score >= minScore);
      if (into) {
        if (chosen.length === 0) continue;
        const article = await store.readArticle(id);
        const doc = await store.readLayer(id, into, article.sha256);
        const next = acceptSuggestions(doc, article.text, schema, chosen);
        if (next.spans.length === doc.spans.length && next.relations.length === doc.relations.length) continue;
        await store.writeLayer(id, into, { ...next, sha256: article.sha256 });
        const before = new Set(doc.spans.map((s) => s.id));
        const added = next.spans.filter((s) => !before.has(s.id));
        written.articles++;
        written.spans += added.length;
        written.relations += next.relations.length - doc.relations.length;
        for (const s of added) written.byLabel[s.label] = (written.byLabel[s.label] ?? 0) + 1;
        continue;
      }
      for (const s of chosen) {
        printed++;
        process.stdout.write((values.json ? jsonLine(id, s) : textLine(id, s)) + '\n');
      }
    }
    progress(ids.length, ids.length);

    if (into) {
      if (values.json) process.stdout.write(JSON.stringify({ layer: into, engines, ...written, offsets: 'codepoint' }) + '\n');
      else {
        const labels = Object.entries(written.byLabel).sort().map(([l, c]) => `${l} ${c}`).join(', ');
        process.stdout.write(`Wrote ${written.spans} span(s)${labels ? ` (${labels})` : ''} and ${written.relations} relation(s) into layer ${into} for ${written.articles} article(s) (engines: ${engines.join(', ')})\n`);
      }
    } else if (!values.json) {
      process.stdout.write(`${printed} suggestion(s) in ${ids.length - failed} article(s) (engines: ${engines.join(', ')}; offsets in code points)\n`);
    }
    return failed ? 1 : 0;
  },
};

function attributed(s: PendingSuggestion) {
  const t = s.targets?.find((x) => x.type === 'ATTRIBUTED_TO');
  return t ? { label: t.label, start: t.start, end: t.end, text: t.text } : undefined;
}

function jsonLine(article: string, s: PendingSuggestion): string {
  const target = attributed(s);
  return JSON.stringify({
    article, label: s.label, start: s.start, end: s.end, text: s.text, score: s.score, engine: s.engine,
    ...(s.reason ? { reason: s.reason } : {}),
    ...(target ? { attributed_to: target } : {}),
    offsets: 'codepoint',
  });
}

function textLine(article: string, s: PendingSuggestion): string {
  const flat = s.text.replace(/\s+/g, ' ');
  const shown = flat.length > 100 ? flat.slice(0, 99) + '…' : flat;
  const target = attributed(s);
  return `${article}\t${s.label}\t${s.start}-${s.end}\t${s.score.toFixed(2)}\t${s.engine}\t${JSON.stringify(shown)}${target ? `\t-> ${target.label} ${JSON.stringify(target.text)}` : ''}`;
}
