import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ExportRequest, ProjectInfo } from '../../common/api';
import type { ArticleStatus, LabelSchema, LayerDoc } from '../../common/model';
import { ARTICLE_STATUSES } from '../../common/model';
import { addRelation, addSpan, removeRelation, removeSpan, setSpanAttr, sortSpans } from '../../common/spanOps';
import type { GlossClient } from '../api/client';
import { ArticleList, filterArticles } from './ArticleList';
import type { ListFilter } from './ArticleList';
import { ArticleView } from './ArticleView';
import type { ArticleViewHandle } from './ArticleView';
import { SpanPanel } from './SpanPanel';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import { FindBar } from './FindBar';
import { ShortcutHelp } from './ShortcutHelp';
import { SchemaEditor } from './SchemaEditor';
import { useArticleSession } from '../state/useArticleSession';
import { handleUndoKeys, isLabelKey } from '../state/shortcuts';
import { useSuggestions } from '../state/useSuggestions';
import { SuggestionPanel } from './SuggestionPanel';
import { GuidelinesPanel } from './GuidelinesPanel';
import { SaveStatusView } from './SaveStatusView';
import { articleToOpen, readPlace, updatePlace } from '../state/windowPlace';

interface Props {
  client: GlossClient;
  project: ProjectInfo;
  layer: string;
  onProjectChange: (project: ProjectInfo) => void;
  onCloseProject: () => void;
  menuCommand: { command: string; seq: number } | null;
  /** Opens the review screen (compare layers, agreement, gold). */
  onReview?: () => void;
}

const STATUS_KEYS: Record<string, ArticleStatus> = { t: 'todo', i: 'in_progress', d: 'done', s: 'skipped' };
const EMPTY = new Set<string>();

/** The annotation screen: article list, the article, labels and spans. */
export function Workbench({ client, project, layer, onProjectChange, onCloseProject, menuCommand, onReview }: Props) {
  const projectRef = useRef(project);
  projectRef.current = project;
  const onDocChange = useCallback((doc: LayerDoc) => {
    const p = projectRef.current;
    const labels: Record<string, number> = {};
    for (const s of doc.spans) labels[s.label] = (labels[s.label] ?? 0) + 1;
    const next = { ...p, articles: p.articles.map((a) => (a.id === doc.article ? { ...a, layers: { ...a.layers, [layer]: { status: doc.status, spans: doc.spans.length, labels } } } : a)) };
    projectRef.current = next;
    // List counts may lag a frame behind the painted span; the key press is painted first.
    startTransition(() => onProjectChange(next));
  }, [layer, onProjectChange]);
  const lockedBy = useLayerClaim(client, layer);
  const session = useArticleSession(client, layer, onDocChange, lockedBy);
  const { loaded } = session;

  const [currentId, setCurrentId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [hoverIds, setHoverIds] = useState<string[]>([]);
  const [linkingFrom, setLinkingFrom] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'export' | 'import' | 'help' | 'schema' | null>(null);
  const [filter, setFilter] = useState<ListFilter>({ status: '', label: '', search: '' });
  const [reveal, setReveal] = useState<{ id: string } | null>(null);
  const [outside, setOutside] = useState<{ file: string; dirty: boolean } | null>(null);
  const [find, setFind] = useState<{ open: boolean; query: string; index: number }>({ open: false, query: '', index: 0 });
  const [guidelinesOpen, setGuidelinesOpen] = useState(false);
  const viewRef = useRef<ArticleViewHandle>(null);
  const altSelection = useRef(false);

  const open = useCallback(async (id: string) => {
    setCurrentId(id);
    updatePlace(project.path, { article: id });
    setSelectedId(null);
    setLinkingFrom(null);
    setMessage(null);
    await session.open(id);
  }, [session.open, project.path]); // eslint-disable-line react-hooks/exhaustive-deps

  const openFromList = useCallback((id: string) => void open(id), [open]);

  useEffect(() => {
    if (currentId !== null) return;
    const first = articleToOpen(project.articles, readPlace(project.path).article);
    if (first) void open(first);
  }, [project, currentId, open]);

  const report = (problem: string | null) => {
    if (problem) setMessage(problem);
    return problem === null;
  };

  const label = useCallback((name: string, wholeLines = false) => {
    if (!loaded) return;
    const view = viewRef.current;
    const ranges = view?.labelRanges(wholeLines, altSelection.current) ?? [];
    if (ranges.length === 0) {
      setMessage('Select some text first, then press a label key.');
      return;
    }
    let lastId: string | null = null;
    let edited: LayerDoc | null = null;
    // The new span is painted at once; React renders the rest (side panel, list counts) after
    // the frame that shows it.
    startTransition(() => {
      const ok = report(session.update((doc) => {
        let next = doc;
        for (const r of ranges) {
          const created = addSpan(next, loaded.article.text, r.start, r.end, name);
          next = created.doc;
          lastId = created.span.id;
        }
        edited = next.status === 'todo' ? { ...next, status: 'in_progress' } : next;
        return edited;
      }));
      if (ok) {
        setMessage(null);
        setSelectedId(lastId);
      }
    });
    if (edited) view?.paintNow(sortSpans((edited as LayerDoc).spans), lastId, true);
  }, [loaded, session.update]); // eslint-disable-line react-hooks/exhaustive-deps

  const remove = useCallback((id: string) => {
    if (report(session.update((doc) => removeSpan(doc, id)))) setSelectedId((s) => (s === id ? null : s));
  }, [session.update]); // eslint-disable-line react-hooks/exhaustive-deps

  const link = useCallback((fromId: string, toId: string) => {
    if (report(session.update((doc) => addRelation(doc, project.schema, fromId, toId)))) {
      setLinkingFrom(null);
      setSelectedId(fromId);
      setMessage(null);
    }
  }, [session.update, project.schema]); // eslint-disable-line react-hooks/exhaustive-deps

  const setStatus = useCallback((status: ArticleStatus) => {
    report(session.update((doc) => (doc.status === status ? doc : { ...doc, status })));
  }, [session.update]); // eslint-disable-line react-hooks/exhaustive-deps

  const shown = useMemo(() => filterArticles(project.articles, layer, filter).filter((a) => a.loadable), [project.articles, layer, filter]);
  const go = useCallback((delta: number) => {
    if (shown.length === 0) return;
    const at = shown.findIndex((a) => a.id === currentId);
    const next = shown[Math.min(shown.length - 1, Math.max(0, at === -1 ? 0 : at + delta))];
    if (next && next.id !== currentId) void open(next.id);
  }, [shown, currentId, open]);
  const nextUnfinished = useCallback(() => {
    const list = project.articles.filter((a) => a.loadable);
    const at = list.findIndex((a) => a.id === currentId);
    for (let k = 1; k <= list.length; k++) {
      const a = list[(at + k) % list.length];
      const status = a.layers[layer]?.status ?? 'todo';
      if (status === 'todo' || status === 'in_progress') {
        if (a.id !== currentId) void open(a.id);
        return;
      }
    }
    setMessage('Every article is done or skipped.');
  }, [project.articles, currentId, layer, open]);

  const spans = useMemo(() => (loaded ? sortSpans(loaded.doc.spans) : []), [loaded]);
  const findHits = useMemo(() => {
    if (!loaded || !find.open || !find.query) return [];
    const hay = loaded.article.text.toLowerCase();
    const needle = find.query.toLowerCase();
    const hits: { from: number; to: number }[] = [];
    for (let at = hay.indexOf(needle); at !== -1 && hits.length < 5000; at = hay.indexOf(needle, at + needle.length)) hits.push({ from: at, to: at + needle.length });
    return hits;
  }, [loaded, find.open, find.query]);
  const highlightIds = useMemo(() => {
    if (!loaded || hoverIds.length === 0) return EMPTY;
    const ids = new Set<string>();
    for (const r of loaded.doc.relations) {
      if (hoverIds.includes(r.from)) ids.add(r.to);
      if (hoverIds.includes(r.to)) ids.add(r.from);
    }
    return ids.size ? ids : EMPTY;
  }, [loaded, hoverIds]);
  const onHoverSpans = useCallback((ids: string[]) => setHoverIds((old) => (old.join() === ids.join() ? old : ids)), []);

  const selectSpan = useCallback((id: string | null) => {
    if (linkingFrom && id && id !== linkingFrom) {
      link(linkingFrom, id);
      return;
    }
    setSelectedId(id);
  }, [linkingFrom, link]);

  const dropSelection = useCallback(() => setSelectedId(null), []);
  const sg = useSuggestions({ client, layer, schema: project.schema, session, keysActive: !dialog && !linkingFrom, spanSelected: !!selectedId, onFocus: dropSelection, report: setMessage });

  useEffect(() => {
    const onMouseUp = (e: MouseEvent) => { altSelection.current = e.altKey; };
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof Element ? e.target : document.body;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        setFind((f) => ({ ...f, open: true }));
        return;
      }
      if (dialog || target.closest('input, select, textarea, [role="dialog"]')) return;
      if (handleUndoKeys(e, session, setMessage)) return;
      if (mod || e.altKey) return;
      const byKey = project.schema.labels.find((l) => isLabelKey(e, l.key));
      if (byKey) {
        e.preventDefault();
        label(byKey.name, e.shiftKey);
        return;
      }
      const key = e.key.toLowerCase();
      if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        if (selectedId) remove(selectedId);
      } else if (e.key === 'Escape') {
        if (linkingFrom) setLinkingFrom(null);
        else setSelectedId(null);
        setMessage(null);
      } else if (e.key === '?') {
        setDialog('help');
      } else if (key === 'a') {
        if (selectedId) setLinkingFrom(selectedId);
        else setMessage('Select a span (e.g. a QUOTE) first, then press A to link it.');
      } else if (key === 'j') go(1);
      else if (key === 'k') go(-1);
      else if (key === 'n') nextUnfinished();
      else if (STATUS_KEYS[key]) setStatus(STATUS_KEYS[key]);
      else if (e.key === '[' || e.key === ']') {
        if (spans.length === 0) return;
        const at = spans.findIndex((s) => s.id === selectedId);
        const next = e.key === ']' ? (at + 1) % spans.length : (at <= 0 ? spans.length - 1 : at - 1);
        setSelectedId(spans[next].id);
        setReveal({ id: spans[next].id });
      } else return;
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mouseup', onMouseUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mouseup', onMouseUp);
    };
  }, [project.schema, label, remove, selectedId, linkingFrom, dialog, session, go, nextUnfinished, setStatus, spans]);

  useEffect(() => {
    if (menuCommand?.command === 'export') setDialog('export');
    if (menuCommand?.command === 'open-project') onCloseProject();
  }, [menuCommand, onCloseProject]);

  // Changes made by other programs: new or removed articles refresh the list; the open article's
  // annotation file rewritten elsewhere is reloaded, or, with unsaved edits here, the user chooses.
  const pollSeq = useRef(0);
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const currentFile = loaded ? `annotations/${layer}/${loaded.article.id.split('/').slice(1).join('/')}.json` : null;
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const changes = await client.pollChanges(pollSeq.current);
        if (stopped || changes.seq === pollSeq.current) return;
        pollSeq.current = changes.seq;
        if (changes.articlesChanged || changes.layerFiles.length) onProjectChange(await client.refreshProject());
        if (currentFile && changes.layerFiles.includes(currentFile) && currentId) {
          if (sessionRef.current.dirty()) setOutside({ file: currentFile, dirty: true });
          else {
            await sessionRef.current.open(currentId);
            setOutside({ file: currentFile, dirty: false });
          }
        }
      } catch {
        // A failed poll is retried on the next tick.
      }
    };
    const timer = setInterval(() => void poll(), 1500);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [client, currentFile, currentId, onProjectChange]);

  // A claim refused (or released) after the article opened: reopen it read-only (or editable).
  useEffect(() => {
    if (currentId) void sessionRef.current.open(currentId);
  }, [lockedBy]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Forget changes Gloss itself just made through another path (schema migration, recovery). */
  const skipOwnChanges = async () => {
    pollSeq.current = (await client.pollChanges(pollSeq.current)).seq;
  };

  const recover = async (how: 'restore' | 'fresh') => {
    if (!loaded || !currentId) return;
    try {
      const result = how === 'restore' ? await client.restoreLayerBackup(currentId, layer) : await client.startLayerFresh(currentId, layer);
      await skipOwnChanges();
      await session.open(currentId);
      setMessage(result.setAside ? `The unreadable file was moved to ${result.setAside}; nothing was deleted.` : null);
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  const doExport = async (request: ExportRequest) => {
    await session.flush();
    if (client.transport === 'electron') {
      const saved = await client.exportToFile(request);
      if (saved) setMessage(exportMessage(`Exported to ${saved.file} (with its manifest beside it)`, saved.warnings));
      return;
    }
    const { blob, saved, warningCount } = await client.downloadExport(request);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = saved.filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setMessage(exportMessage(`Exported ${saved.filename}`, saved.warnings, warningCount));
  };

  const saveSchema = async (schema: LabelSchema, changes: { renames: Record<string, string>; deletes: string[] }) => {
    await session.flush();
    const info = await client.saveSchema(schema, changes);
    await skipOwnChanges();
    session.resetHistories();
    onProjectChange(info);
    if (currentId) await open(currentId);
  };

  return (
    <div className="workbench">
      <header className="toolbar">
        <strong className="project-name">{project.name}</strong>
        <span className="layer" aria-label="Your layer">layer: {layer}</span>
        <button onClick={onCloseProject}>Projects…</button>
        <button onClick={() => setDialog('schema')}>Labels…</button>
        <button onClick={() => setDialog('import')}>Import…</button>
        <button onClick={() => setDialog('export')}>Export…</button>
        <button onClick={() => sg.setShow(!sg.show)} aria-pressed={sg.show} title="Show or hide the engines' suggestions">Suggestions: {sg.show ? 'on' : 'off'}</button>
        <button onClick={() => setGuidelinesOpen((o) => !o)} aria-pressed={guidelinesOpen}>Guidelines</button>
        {onReview && <button onClick={() => void Promise.resolve(session.flush()).then(onReview)}>Review…</button>}
        <button onClick={() => setDialog('help')} aria-label="Keyboard shortcuts">?</button>
        <SaveStatusView status={session.saveStatus} />
      </header>
      {project.problems.length > 0 && (
        <div className="problems" role="alert">
          {project.problems.map((p) => <p key={p.file + p.message}>{p.message}</p>)}
        </div>
      )}
      <ArticleList articles={project.articles} schema={project.schema} layer={layer} currentId={currentId} filter={filter} onFilter={setFilter} onOpen={openFromList} />
      <main className="article-pane">
        {find.open && (
          <FindBar
            query={find.query}
            hits={findHits.length}
            current={findHits.length ? find.index % findHits.length : 0}
            onQuery={(query) => setFind({ open: true, query, index: 0 })}
            onStep={(d) => setFind((f) => ({ ...f, index: findHits.length ? (f.index + d + findHits.length) % findHits.length : 0 }))}
            onClose={() => { setFind({ open: false, query: '', index: 0 }); viewRef.current?.focus(); }}
          />
        )}
        {(message || session.error) && <p className="message" role="alert" data-testid="message">{message ?? session.error}</p>}
        {linkingFrom && <p className="message" role="status">Linking: click the span to link to, or pick it in the side panel. Escape cancels.</p>}
        {loaded && (
          <>
            <div className="article-header">
              <span className="article-id">{loaded.article.id}</span>
              <label>Status{' '}
                <select value={loaded.doc.status} disabled={!!loaded.readOnly} aria-label="Article status" onChange={(e) => setStatus(e.target.value as ArticleStatus)}>
                  {ARTICLE_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
                </select>
              </label>
              {loaded.article.encoding !== 'utf-8' && <span className="hint">decoded as {loaded.article.encoding}</span>}
              {loaded.readOnly && <span className="read-only" role="alert">{loaded.readOnly}</span>}
              {loaded.recoverable && !lockedBy && (
                <span className="recovery">
                  <button onClick={() => void recover('restore')}>Restore Gloss's backup</button>
                  <button onClick={() => void recover('fresh')}>Start this layer fresh (the file is moved aside)</button>
                </span>
              )}
            </div>
            {outside && (
              <div className="message" role="alert" data-testid="outside-change">
                {outside.dirty ? (
                  <>
                    {outside.file} was changed by another program while you have unsaved edits.{' '}
                    <button onClick={() => { setOutside(null); void session.flush(); }}>Keep mine (overwrite theirs)</button>{' '}
                    <button onClick={() => { setOutside(null); if (currentId) void session.open(currentId, true); }}>Load theirs (drop mine)</button>
                  </>
                ) : (
                  <>
                    {outside.file} was changed by another program (a git pull?) and has been reloaded.{' '}
                    <button onClick={() => setOutside(null)}>OK</button>
                  </>
                )}
              </div>
            )}
            {(loaded.doc.orphans?.length ?? 0) > 0 && (
              <details className="orphans" data-testid="orphans" open>
                <summary>{loaded.doc.orphans!.length} span(s) could not be placed after this article changed; they are kept here with their text</summary>
                <ul>{loaded.doc.orphans!.map((o) => <li key={o.id}><strong>{o.label}</strong> “{o.text}”</li>)}</ul>
              </details>
            )}
            <ArticleView
              ref={viewRef}
              text={loaded.article.text}
              spans={loaded.doc.spans}
              schema={project.schema}
              selectedId={selectedId}
              highlightIds={highlightIds}
              findHits={findHits}
              currentFind={findHits.length ? find.index % findHits.length : 0}
              revealId={reveal}
              onSelectSpan={selectSpan}
              onHoverSpans={onHoverSpans}
              suggestions={sg.visible}
              currentSuggestion={sg.current?.id ?? null}
              onSelectSuggestion={sg.select}
            />
          </>
        )}
      </main>
      {loaded ? (
        <SpanPanel
          doc={loaded.doc}
          spans={spans}
          schema={project.schema}
          selectedId={selectedId}
          linkingFrom={linkingFrom}
          readOnly={!!loaded.readOnly}
          onSelect={(id) => { selectSpan(id); setReveal({ id }); }}
          onDelete={remove}
          onLabel={(name) => label(name)}
          onSetAttr={(id, name, value) => report(session.update((doc) => setSpanAttr(doc, id, name, value)))}
          onStartLink={setLinkingFrom}
          onPickLinkTarget={(id) => linkingFrom && link(linkingFrom, id)}
          onRemoveRelation={(id) => report(session.update((doc) => removeRelation(doc, id)))}
          onHover={onHoverSpans}
        >
          <SuggestionPanel suggestions={sg} schema={project.schema} readOnly={!!loaded.readOnly} />
        </SpanPanel>
      ) : <aside className="side-panel" />}
      {guidelinesOpen && <GuidelinesPanel client={client} onClose={() => setGuidelinesOpen(false)} />}
      {dialog === 'export' && <ExportDialog layers={project.layers} defaultLayer={layer} labels={project.schema.labels.map((l) => l.name)} onExport={doExport} onClose={() => setDialog(null)} />}
      {dialog === 'import' && (
        <ImportDialog
          defaultLayer={layer}
          layers={project.layers}
          onImport={async (request) => { await session.flush(); return client.importSpans(request); }}
          onDone={() => void (async () => {
            await skipOwnChanges();
            onProjectChange(await client.refreshProject());
            if (currentId) await session.open(currentId);
          })()}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'help' && <ShortcutHelp schema={project.schema} onClose={() => setDialog(null)} />}
      {dialog === 'schema' && <SchemaEditor schema={project.schema} countUse={(l) => client.countLabelUse(l)} onSave={saveSchema} onClose={() => setDialog(null)} />}
    </div>
  );
}

/** What the status line says after an export: where it went, and what the format changed or left out. */
function exportMessage(done: string, warnings: string[], count = warnings.length): string {
  if (count === 0) return `${done}.`;
  const shown = warnings.slice(0, 3).join(' · ');
  return `${done}, with ${count} warning(s): ${shown}${count > 3 ? ' · …' : ''}`;
}

/** A random id for this window, kept across reloads of the same tab or window. */
function windowClientId(): string {
  const key = 'gloss-client-id';
  let id = sessionStorage.getItem(key);
  if (!id) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
    sessionStorage.setItem(key, id);
  }
  return id;
}

/**
 * Claims the layer for this window and keeps renewing the claim. Returns who else holds it when
 * another live window does (this one is then read-only), or null.
 */
function useLayerClaim(client: GlossClient, layer: string): string | null {
  const [holder, setHolder] = useState<string | null>(null);
  useEffect(() => {
    const id = windowClientId();
    let stopped = false;
    const claim = async () => {
      try {
        const result = await client.claimLayer(layer, id);
        if (!stopped) setHolder(result.granted ? null : result.holder ?? 'another window');
      } catch {
        // Keep the last answer; the next renewal retries.
      }
    };
    void claim();
    const timer = setInterval(() => void claim(), 10_000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [client, layer]);
  return holder;
}
