import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgreementResult, ProjectInfo } from '../../common/api';
import { compareLayers } from '../../common/agreement';
import type { LayerComparison } from '../../common/agreement';
import type { ArticleStatus, LayerDoc } from '../../common/model';
import { ARTICLE_STATUSES } from '../../common/model';
import { OffsetMap } from '../../common/offsets';
import { GOLD_LAYER, acceptAgreed, chooseVersion, withSources } from '../../common/review/adjudicate';
import { SCORE_KEYS, SCORE_TITLES, formatScore } from '../../common/review/formatAgreement';
import { addSpan, removeSpan, sortSpans } from '../../common/spanOps';
import type { GlossClient } from '../api/client';
import { excerpt } from '../components/SpanPanel';
import { handleUndoKeys, isLabelKey } from '../state/shortcuts';
import { useArticleSession } from '../state/useArticleSession';
import { CompareView } from './CompareView';
import type { CompareViewHandle } from './CompareView';
import { KIND_COLORS, KIND_TEXT, compareSegments } from './compareSegments';
import { Dashboard } from './Dashboard';
import { DisagreementList } from './DisagreementList';
import { SaveStatusView } from '../components/SaveStatusView';
import './review.css';
import { articleToOpen, readPlace, updatePlace } from '../state/windowPlace';

interface Props {
  client: GlossClient;
  project: ProjectInfo;
  onProjectChange: (project: ProjectInfo) => void;
  /** Back to the annotation workbench. */
  onClose: () => void;
}

type Tab = 'compare' | 'dashboard';

/** Every key of the review screen, for its help line. */
const KEYS = 'J/K next/previous disagreement · Alt+1…9 accept that layer · Alt+B all · Alt+0 none · select text + label key: gold span (Shift: whole lines) · Delete: remove gold span · Ctrl+Z undo';

/**
 * The reviewer's screen: compare two or more layers on an article (every layer's spans at once,
 * coloured by agreement), walk its disagreements by keyboard, adjudicate them into the gold
 * layer, and see the agreement figures of the project in a dashboard.
 */
export function ReviewView({ client, project, onProjectChange, onClose }: Props) {
  const projectRef = useRef(project);
  projectRef.current = project;
  const onGoldChange = useCallback((doc: LayerDoc) => {
    const p = projectRef.current;
    const labels: Record<string, number> = {};
    for (const s of doc.spans) labels[s.label] = (labels[s.label] ?? 0) + 1;
    onProjectChange({
      ...p,
      layers: p.layers.includes(GOLD_LAYER) ? p.layers : [...p.layers, GOLD_LAYER].sort(),
      articles: p.articles.map((a) => (a.id === doc.article ? { ...a, layers: { ...a.layers, [GOLD_LAYER]: { status: doc.status, spans: doc.spans.length, labels } } } : a)),
    });
  }, [onProjectChange]);
  const gold = useArticleSession(client, GOLD_LAYER, onGoldChange);

  const candidates = useMemo(() => project.layers.filter((l) => l !== GOLD_LAYER), [project.layers]);
  // The reviewer's choice of layers and labels is kept per project across sessions.
  const storageKey = `gloss.review:${project.path}`;
  const [stored] = useState(() => readChoice(storageKey));
  const [chosen, setChosen] = useState<string[] | null>(stored.layers);
  const layers = useMemo(() => (chosen ?? candidates).filter((l) => project.layers.includes(l)), [chosen, candidates, project.layers]);
  const layersKey = layers.join('\u0001');
  const [labelFilter, setLabelFilter] = useState<string[] | null>(stored.labels);
  useEffect(() => writeChoice(storageKey, { layers: chosen, labels: labelFilter }), [storageKey, chosen, labelFilter]);
  const labels = labelFilter ?? undefined;
  const enough = layers.length >= 2;
  const adjudicable = enough && !layers.includes(GOLD_LAYER);

  const [tab, setTabState] = useState<Tab>(() => (readPlace(project.path).reviewTab === 'dashboard' ? 'dashboard' : 'compare'));
  const setTab = useCallback((t: Tab) => {
    updatePlace(project.path, { reviewTab: t });
    setTabState(t);
  }, [project.path]);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [docs, setDocs] = useState<{ id: string; key: string; docs: Record<string, LayerDoc> } | null>(null);
  const [position, setPosition] = useState(0);
  const [selectedGold, setSelectedGold] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [rankByDisagreement, setRankByDisagreement] = useState(false);
  const viewRef = useRef<CompareViewHandle>(null);

  // The project may have gained layers (an import, a colleague's merge) since it was opened.
  useEffect(() => {
    void client.refreshProject().then(onProjectChange, (e: Error) => setMessage(e.message));
  }, [client]); // eslint-disable-line react-hooks/exhaustive-deps

  // The project's figures for the chosen layers and labels: the article ranking and the dashboard.
  const reportKey = JSON.stringify([layers, labels ?? null]);
  const [reportSeq, setReportSeq] = useState(0);
  const [report, setReport] = useState<{ key: string; result?: AgreementResult; error?: string } | null>(null);
  useEffect(() => {
    if (!enough) {
      setReport(null);
      return;
    }
    let live = true;
    setReport((r) => ({ key: reportKey, result: r?.key === reportKey ? r.result : undefined }));
    client.computeAgreement({ layers, labels }).then(
      (result) => { if (live) setReport({ key: reportKey, result }); },
      (e: Error) => { if (live) setReport({ key: reportKey, error: e.message }); },
    );
    return () => { live = false; };
  }, [client, reportKey, reportSeq]); // eslint-disable-line react-hooks/exhaustive-deps
  const result = report?.key === reportKey ? report.result : undefined;
  const byArticle = useMemo(() => new Map((result?.report.by_article ?? []).map((a) => [a.id, a])), [result]);

  const open = useCallback(async (id: string) => {
    setCurrentId(id);
    updatePlace(project.path, { reviewArticle: id });
    setPosition(0);
    setSelectedGold(null);
    setMessage(null);
    await gold.open(id);
  }, [gold.open, project.path]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (currentId !== null) return;
    const first = articleToOpen(project.articles, readPlace(project.path).reviewArticle);
    if (first) void open(first);
  }, [project.articles, currentId, open]);

  useEffect(() => {
    if (!currentId || !enough) return;
    let live = true;
    client.getLayers(currentId, layers).then(
      (d) => { if (live) setDocs({ id: currentId, key: layersKey, docs: d }); },
      (e: Error) => { if (live) setMessage(e.message); },
    );
    return () => { live = false; };
  }, [client, currentId, layersKey, enough]); // eslint-disable-line react-hooks/exhaustive-deps

  const loaded = gold.loaded && gold.loaded.article.id === currentId ? gold.loaded : null;
  const ready = loaded && docs && docs.id === currentId && docs.key === layersKey ? docs.docs : null;
  const text = loaded?.article.text ?? '';
  const map = useMemo(() => new OffsetMap(text), [text]);
  const groups = useMemo<LayerComparison[]>(() => (ready ? compareLayers(text, ready, { layers, labels }) : []), [ready, text, layersKey, labels]); // eslint-disable-line react-hooks/exhaustive-deps
  const items = useMemo(() => groups.map((group, index) => ({ group, index })).filter((x) => x.group.kind !== 'agree'), [groups]);
  const goldSpans = loaded?.doc.spans;
  const segments = useMemo(() => (ready && goldSpans ? compareSegments(map, layers, ready, groups, goldSpans, labels) : []), [ready, goldSpans, map, groups, layersKey, labels]); // eslint-disable-line react-hooks/exhaustive-deps
  const at = items.length ? Math.min(position, items.length - 1) : -1;
  const currentItem = at >= 0 ? items[at] : null;

  const tell = (problem: string | null) => {
    if (problem) setMessage(problem);
    return problem === null;
  };
  const now = () => new Date().toISOString();

  const choose = useCallback((group: LayerComparison, chosenLayers: string[]) => {
    if (!ready || !adjudicable) return;
    if (tell(gold.update((doc) => chooseVersion(doc, group, ready, layers, chosenLayers, now()).doc))) setMessage(null);
  }, [ready, adjudicable, layersKey, gold.update]); // eslint-disable-line react-hooks/exhaustive-deps

  const acceptArticle = () => {
    if (!ready || !adjudicable) return;
    let added = 0;
    let links = 0;
    const ok = tell(gold.update((doc) => {
      const step = acceptAgreed(doc, ready, layers, now(), { labels });
      added = step.added;
      links = step.relations;
      return step.doc;
    }));
    if (ok) setMessage(`Gold: ${added} agreed span${added === 1 ? '' : 's'}${links ? ` and ${links} link${links === 1 ? '' : 's'}` : ''} accepted in this article.`);
  };

  const acceptProject = async () => {
    if (!adjudicable) return;
    setBusy(true);
    try {
      await gold.flush();
      const res = await client.acceptAgreed({ layers, labels });
      gold.resetHistories();
      if (currentId) await gold.open(currentId);
      onProjectChange(await client.refreshProject());
      setMessage(`Gold: ${res.spans} agreed span${res.spans === 1 ? '' : 's'} and ${res.relations} link${res.relations === 1 ? '' : 's'} accepted in ${res.articles} article${res.articles === 1 ? '' : 's'}.${res.warnings.length ? ` ${res.warnings.join(' ')}` : ''}`);
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  /** Adds the selection to gold with this label; with `wholeLines`, each line it touches. */
  const labelSelection = useCallback((name: string, wholeLines: boolean) => {
    if (!loaded || !ready || !adjudicable) return;
    const view = viewRef.current;
    const ranges = view?.labelRanges(wholeLines, false) ?? [];
    if (ranges.length === 0) {
      setMessage('Select some text first, then press a label key to add it to gold.');
      return;
    }
    let id: string | null = null;
    const ok = tell(gold.update((doc) => {
      let next = doc;
      for (const range of ranges) {
        const created = addSpan(next, text, range.start, range.end, name);
        const span = withSources(created.span, ready, layers);
        id = span.id;
        next = { ...created.doc, spans: created.doc.spans.map((s) => (s.id === span.id ? span : s)) };
      }
      return next.status === 'todo' ? { ...next, status: 'in_progress' as const } : next;
    }));
    if (ok) {
      viewRef.current?.clearSelection();
      setSelectedGold(id);
      setMessage(null);
    }
  }, [loaded, ready, adjudicable, text, layersKey, gold.update]); // eslint-disable-line react-hooks/exhaustive-deps

  const removeGold = useCallback((id: string) => {
    if (tell(gold.update((doc) => removeSpan(doc, id)))) setSelectedGold((s) => (s === id ? null : s));
  }, [gold.update]); // eslint-disable-line react-hooks/exhaustive-deps

  const setGoldStatus = (status: ArticleStatus) => tell(gold.update((doc) => (doc.status === status ? doc : { ...doc, status })));

  const step = useCallback((delta: number) => {
    if (items.length === 0) return;
    setPosition((p) => Math.min(items.length - 1, Math.max(0, Math.min(p, items.length - 1) + delta)));
  }, [items.length]);

  useEffect(() => {
    if (tab !== 'compare') return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof Element ? e.target : document.body;
      if (target.closest('input, select, textarea, [role="dialog"]')) return;
      const mod = e.ctrlKey || e.metaKey;
      if (handleUndoKeys(e, gold, setMessage)) return;
      if (mod) return;
      if (e.altKey) {
        if (!currentItem) return;
        const digit = /^Digit([0-9])$/.exec(e.code)?.[1];
        if (digit === '0') choose(currentItem.group, []);
        else if (digit && layers[Number(digit) - 1]) choose(currentItem.group, [layers[Number(digit) - 1]]);
        else if (e.code === 'KeyB') choose(currentItem.group, [...layers]);
        else return;
        e.preventDefault();
        return;
      }
      const byKey = project.schema.labels.find((l) => isLabelKey(e, l.key));
      if (byKey) {
        e.preventDefault();
        labelSelection(byKey.name, e.shiftKey);
        return;
      }
      const key = e.key.toLowerCase();
      if (e.key === 'Delete' || e.key === 'Backspace') {
        if (selectedGold) {
          e.preventDefault();
          removeGold(selectedGold);
        }
      } else if (e.key === 'Escape') {
        setSelectedGold(null);
        setMessage(null);
      } else if (key === 'j') step(1);
      else if (key === 'k') step(-1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tab, gold, currentItem, choose, layersKey, project.schema, labelSelection, selectedGold, removeGold, step]); // eslint-disable-line react-hooks/exhaustive-deps

  const onPick = useCallback((groupIndexes: number[], goldIds: string[]) => {
    const pos = items.findIndex((x) => groupIndexes.includes(x.index));
    if (pos !== -1) setPosition(pos);
    setSelectedGold((s) => {
      if (goldIds.length === 0) return null;
      const i = s ? goldIds.indexOf(s) : -1;
      return i === -1 ? goldIds[goldIds.length - 1] : goldIds[(i - 1 + goldIds.length) % goldIds.length];
    });
  }, [items]);

  const toggleLayer = (layer: string, on: boolean) => {
    const next = on ? [...layers, layer] : layers.filter((l) => l !== layer);
    setChosen(project.layers.filter((l) => next.includes(l)));
    setPosition(0);
  };
  const allLabels = project.schema.labels.map((l) => l.name);
  const toggleLabel = (label: string, on: boolean) => {
    const current = labelFilter ?? allLabels;
    const next = on ? [...current, label] : current.filter((l) => l !== label);
    setLabelFilter(next.length === allLabels.length && allLabels.every((l) => next.includes(l)) ? null : allLabels.filter((l) => next.includes(l)));
  };

  const openFromDashboard = (id: string) => {
    setTab('compare');
    void open(id);
  };

  const listed = useMemo(() => {
    const list = project.articles.filter((a) => a.loadable);
    if (!rankByDisagreement || byArticle.size === 0) return list;
    return [...list].sort((a, b) => (byArticle.get(b.id)?.disagreements ?? -1) - (byArticle.get(a.id)?.disagreements ?? -1));
  }, [project.articles, rankByDisagreement, byArticle]);
  const titles = useMemo(() => new Map(project.articles.map((a) => [a.id, a.title])), [project.articles]);
  const figures = currentId ? byArticle.get(currentId) : undefined;
  const sortedGold = useMemo(() => (goldSpans ? sortSpans(goldSpans) : []), [goldSpans]);
  const color = (label: string) => project.schema.labels.find((l) => l.name === label)?.color ?? '#999999';

  return (
    <div className={`review review-${tab}`}>
      <header className="toolbar review-toolbar">
        <strong className="project-name">{project.name}</strong>
        <span className="layer">Review</span>
        <div className="tabs" role="tablist" aria-label="Review views">
          <button role="tab" aria-selected={tab === 'compare'} onClick={() => setTab('compare')}>Compare</button>
          <button role="tab" aria-selected={tab === 'dashboard'} onClick={() => { setTab('dashboard'); setReportSeq((n) => n + 1); }}>Dashboard</button>
        </div>
        <fieldset className="pick" aria-label="Layers to compare">
          <legend>Layers</legend>
          {project.layers.length === 0 && <span className="hint">no layers yet</span>}
          {project.layers.map((l) => (
            <label key={l}><input type="checkbox" checked={layers.includes(l)} onChange={(e) => toggleLayer(l, e.target.checked)} /> {l}</label>
          ))}
        </fieldset>
        <details className="pick labels-pick">
          <summary>Labels: {labelFilter ? labelFilter.join(', ') || 'none' : 'all'}</summary>
          <fieldset aria-label="Labels to compare">
            {allLabels.map((l) => (
              <label key={l}><input type="checkbox" checked={(labelFilter ?? allLabels).includes(l)} onChange={(e) => toggleLabel(l, e.target.checked)} /> {l}</label>
            ))}
          </fieldset>
        </details>
        <SaveStatusView status={gold.saveStatus} title="The gold layer" />
        <button onClick={() => void Promise.resolve(gold.flush()).then(onClose)}>Back to annotating</button>
      </header>
      {!enough && <p className="message review-note" role="alert">Choose at least two layers to compare{candidates.length < 2 ? ': this project has fewer than two annotators\' layers so far (import them with gloss import, or annotate under another name)' : ''}.</p>}
      {enough && !adjudicable && tab === 'compare' && <p className="message review-note" role="status">Gold is one of the compared layers: untick it to adjudicate into gold.</p>}
      {(message || gold.error) && <p className="message review-note" role="alert" data-testid="message">{message ?? gold.error}</p>}
      {report?.key === reportKey && report.error && <p className="message review-note" role="alert">{report.error}</p>}

      {tab === 'dashboard' ? (
        <main className="review-dashboard">
          {!enough ? null : result ? (
            <Dashboard report={result.report} warnings={result.warnings} titles={titles} onOpenArticle={openFromDashboard} />
          ) : <p className="hint" data-testid="report-loading">Computing agreement…</p>}
        </main>
      ) : (
        <>
          <nav className="article-list review-list" aria-label="Articles">
            <label className="rank"><input type="checkbox" checked={rankByDisagreement} onChange={(e) => setRankByDisagreement(e.target.checked)} /> most disagreements first</label>
            <ul>
              {listed.map((a) => {
                const fig = byArticle.get(a.id);
                const done = Object.entries(a.layers).filter(([name, s]) => name !== GOLD_LAYER && s.status === 'done').map(([name]) => name);
                const goldStatus = a.layers[GOLD_LAYER]?.status;
                return (
                  <li key={a.id}>
                    <button className={`article-item${a.id === currentId ? ' current' : ''}`} aria-current={a.id === currentId ? 'true' : undefined}
                      onClick={() => void open(a.id)} data-testid="review-article" data-article-id={a.id} title={a.id}>
                      <span className="article-title">{a.title}</span>
                      <span className="article-meta">
                        {fig && <span className="count" data-testid="review-disagreements">{fig.disagreements} disagreement{fig.disagreements === 1 ? '' : 's'}</span>}
                        {layers.map((l) => <span key={l} className={`status status-${a.layers[l]?.status ?? 'todo'}`} title={`${l}: ${a.layers[l]?.status ?? 'todo'}`}>{l}</span>)}
                        {goldStatus && <span className={`status status-${goldStatus}`} title={`gold: ${goldStatus}`}>gold</span>}
                      </span>
                      {done.length > 0 && <span className="finished-by" data-testid="finished-by">done by {done.join(', ')}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          </nav>
          <main className="article-pane review-article">
            {loaded && enough && (
              <>
                <div className="article-header">
                  <span className="article-id">{loaded.article.id}</span>
                  {figures && (
                    <span className="article-figures" data-testid="article-figures">
                      {SCORE_KEYS.map((k) => <span key={k}>{SCORE_TITLES[k]} {formatScore(figures[k])}</span>)}
                    </span>
                  )}
                  <label>Gold status{' '}
                    <select value={loaded.doc.status} disabled={!!loaded.readOnly || !adjudicable} aria-label="Gold status" onChange={(e) => setGoldStatus(e.target.value as ArticleStatus)}>
                      {ARTICLE_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
                    </select>
                  </label>
                  {loaded.readOnly && <span className="read-only" role="alert">{loaded.readOnly}</span>}
                </div>
                <div className="review-actions">
                  <button onClick={acceptArticle} disabled={!ready || !adjudicable || !!loaded.readOnly}>Accept agreed (this article)</button>
                  <button onClick={() => void acceptProject()} disabled={busy || !adjudicable}>Accept agreed (all articles)</button>
                </div>
                <p className="legend" data-testid="legend">
                  <span>Underlines, top to bottom: {layers.map((l, i) => `${i + 1}. ${l}`).join(', ')}</span>
                  {(['agree', 'partial', 'only'] as const).map((k) => (
                    <span key={k} className="legend-kind"><span className="legend-swatch" style={{ background: KIND_COLORS[k] }} /> {KIND_TEXT[k]}</span>
                  ))}
                  <span className="legend-kind"><span className="legend-swatch gold-swatch" /> shaded: gold</span>
                </p>
                {ready ? (
                  <CompareView ref={viewRef} text={text} layers={layers} segments={segments} schema={project.schema}
                    currentGroup={currentItem?.index ?? null} selectedGoldId={selectedGold} onPick={onPick} />
                ) : <p className="hint">Loading layers…</p>}
                <p className="hint keys">{KEYS}</p>
              </>
            )}
          </main>
          <aside className="side-panel review-side" aria-label="Disagreements and gold">
            {loaded && ready && (
              <>
                <h2>Disagreements ({items.length})</h2>
                <DisagreementList items={items} layers={layers} docs={ready} gold={loaded.doc} schema={project.schema} current={Math.max(0, at)}
                  readOnly={!!loaded.readOnly || !adjudicable} onSelect={setPosition} onChoose={choose} />
                <h2>Gold ({sortedGold.length})</h2>
                <ul className="span-list gold-list" aria-label="Gold spans">
                  {sortedGold.map((s) => (
                    <li key={s.id} className={s.id === selectedGold ? 'selected' : undefined} data-testid="gold-span" data-label={s.label}>
                      <button className="span-select" onClick={() => setSelectedGold(s.id)}>
                        <span className="span-label" style={{ color: color(s.label) }}>{s.label}</span>
                        <span className="span-text">{excerpt(s.text, 70)}</span>
                        <span className="attr-chip" title={s.origin}>{s.sources?.length ? `from ${s.sources.join('+')}` : s.origin}</span>
                      </button>
                      <button className="span-delete" aria-label={`Remove gold ${s.label} ${excerpt(s.text, 30)}`} onClick={() => removeGold(s.id)} disabled={!adjudicable}>✕</button>
                    </li>
                  ))}
                  {sortedGold.length === 0 && <li className="hint">Nothing in gold yet.</li>}
                </ul>
              </>
            )}
          </aside>
        </>
      )}
    </div>
  );
}

interface Choice {
  layers: string[] | null;
  labels: string[] | null;
}

/** The layers and labels last chosen for a project (null: the defaults). */
function readChoice(key: string): Choice {
  try {
    const value = JSON.parse(window.localStorage.getItem(key) ?? 'null') as Partial<Choice> | null;
    const list = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null);
    return { layers: list(value?.layers), labels: list(value?.labels) };
  } catch {
    return { layers: null, labels: null };
  }
}

function writeChoice(key: string, choice: Choice): void {
  try {
    if (choice.layers === null && choice.labels === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(choice));
  } catch {
    // Storage unavailable: the choice lasts for this session only.
  }
}
