import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleContent, ExportRequest, ProjectInfo } from '../../common/api';
import type { ArticleStatus, LayerDoc } from '../../common/model';
import { ARTICLE_STATUSES } from '../../common/model';
import { addSpan, removeSpan, sortSpans } from '../../common/spanOps';
import { sliceCodePoints } from '../../common/offsets';
import type { GlossClient } from '../api/client';
import { ArticleList } from './ArticleList';
import { ArticleView } from './ArticleView';
import type { ArticleViewHandle } from './ArticleView';
import { SpanPanel } from './SpanPanel';
import { ExportDialog } from './ExportDialog';
import { LayerSaver } from '../state/layerSaver';
import type { SaveState } from '../state/layerSaver';

interface Props {
  client: GlossClient;
  project: ProjectInfo;
  layer: string;
  onProjectChange: (project: ProjectInfo) => void;
  onCloseProject: () => void;
  menuCommand: { command: string; seq: number } | null;
}

interface Loaded {
  article: ArticleContent;
  doc: LayerDoc;
  /** Why this layer cannot be edited here, if it cannot. */
  readOnly: string | null;
}

/** The annotation screen: article list, the article, labels and spans. */
export function Workbench({ client, project, layer, onProjectChange, onCloseProject, menuCommand }: Props) {
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const [message, setMessage] = useState<string | null>(null);
  const [showExport, setShowExport] = useState(false);
  const viewRef = useRef<ArticleViewHandle>(null);
  const saverRef = useRef<LayerSaver | null>(null);
  const projectRef = useRef(project);
  projectRef.current = project;

  const open = useCallback(async (id: string) => {
    await saverRef.current?.flush();
    setCurrentId(id);
    setSelectedId(null);
    setMessage(null);
    try {
      const article = await client.getArticle(id);
      let doc: LayerDoc;
      let readOnly: string | null = null;
      try {
        doc = await client.getLayer(id, layer);
        const stale = doc.spans.filter((s) => s.end > Array.from(article.text).length || sliceCodePoints(article.text, s.start, s.end) !== s.text).length;
        if (stale > 0) readOnly = `${id} changed since it was annotated: ${stale} span(s) no longer match their text. The layer is shown read-only so nothing shifts.`;
      } catch (error) {
        doc = { formatVersion: 1, article: id, layer, sha256: article.sha256, status: 'todo', spans: [], relations: [], updatedAt: '' };
        readOnly = (error as Error).message;
      }
      saverRef.current = new LayerSaver(async (d) => (await client.saveLayer(id, layer, d)).savedAt, setSaveState);
      setSaveState({ kind: 'saved' });
      setLoaded({ article, doc: { ...doc, sha256: article.sha256 }, readOnly });
    } catch (error) {
      setLoaded(null);
      setMessage((error as Error).message);
    }
  }, [client, layer]);

  useEffect(() => {
    const first = project.articles.find((a) => a.loadable);
    if (first && currentId === null) void open(first.id);
  }, [project, currentId, open]);

  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (saverRef.current?.dirty) {
        void saverRef.current.flush();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, []);

  const update = useCallback((change: (doc: LayerDoc) => LayerDoc) => {
    setLoaded((current) => {
      if (!current || current.readOnly) return current;
      const doc = change(current.doc);
      saverRef.current?.schedule(doc);
      const summary = { status: doc.status, spans: doc.spans.length, labels: countLabels(doc) };
      const p = projectRef.current;
      onProjectChange({ ...p, articles: p.articles.map((a) => (a.id === doc.article ? { ...a, layers: { ...a.layers, [layer]: summary } } : a)) });
      return { ...current, doc };
    });
  }, [layer, onProjectChange]);

  const label = useCallback((name: string) => {
    if (!loaded) return;
    if (loaded.readOnly) {
      setMessage(loaded.readOnly);
      return;
    }
    const range = viewRef.current?.selection();
    if (!range) {
      setMessage('Select some text first, then press a label key.');
      return;
    }
    setMessage(null);
    const { doc, span } = addSpan(loaded.doc, loaded.article.text, range.start, range.end, name);
    update(() => ({ ...doc, status: doc.status === 'todo' ? 'in_progress' : doc.status }));
    viewRef.current?.clearSelection();
    setSelectedId(span.id);
  }, [loaded, update]);

  const remove = useCallback((id: string) => {
    update((doc) => removeSpan(doc, id));
    setSelectedId((s) => (s === id ? null : s));
  }, [update]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (showExport || target.closest('input, select, textarea, [role="dialog"]')) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const byKey = project.schema.labels.find((l) => l.key && l.key === e.key);
      if (byKey) {
        e.preventDefault();
        label(byKey.name);
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && selectedId) {
        e.preventDefault();
        remove(selectedId);
      } else if (e.key === 'Escape') {
        setSelectedId(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [project.schema, label, remove, selectedId, showExport]);

  useEffect(() => {
    if (menuCommand?.command === 'export') setShowExport(true);
    if (menuCommand?.command === 'open-project') onCloseProject();
  }, [menuCommand, onCloseProject]);

  const doExport = async (request: ExportRequest) => {
    await saverRef.current?.flush();
    const result = await client.exportProject(request);
    if (client.transport === 'electron') {
      const path = await client.saveExportFile(result.filename, result.content);
      if (path) setMessage(`Exported to ${path}`);
      return;
    }
    const url = URL.createObjectURL(new Blob([result.content], { type: 'application/x-ndjson' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = result.filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage(`Exported ${result.filename}`);
  };

  const spans = loaded ? sortSpans(loaded.doc.spans) : [];
  return (
    <div className="workbench">
      <header className="toolbar">
        <strong className="project-name">{project.name}</strong>
        <span className="layer" aria-label="Your layer">layer: {layer}</span>
        <button onClick={onCloseProject}>Projects…</button>
        <button onClick={() => setShowExport(true)}>Export…</button>
        <span className={`save-state save-${saveState.kind}`} data-testid="save-state" role="status">
          {saveState.kind === 'saved' ? 'Saved' : saveState.kind === 'saving' ? 'Saving…' : saveState.kind === 'unsaved' ? 'Unsaved changes' : `Not saved: ${saveState.message}`}
        </span>
      </header>
      {project.problems.length > 0 && (
        <div className="problems" role="alert">
          {project.problems.map((p) => <p key={p.file + p.message}>{p.message}</p>)}
        </div>
      )}
      <ArticleList articles={project.articles} layer={layer} currentId={currentId} onOpen={(id) => void open(id)} />
      <main className="article-pane">
        {message && <p className="message" role="alert" data-testid="message">{message}</p>}
        {loaded && (
          <>
            <div className="article-header">
              <span className="article-id">{loaded.article.id}</span>
              <label>Status{' '}
                <select value={loaded.doc.status} disabled={!!loaded.readOnly} aria-label="Article status" onChange={(e) => update((d) => ({ ...d, status: e.target.value as ArticleStatus }))}>
                  {ARTICLE_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
                </select>
              </label>
              {loaded.readOnly && <span className="read-only" role="alert">{loaded.readOnly}</span>}
            </div>
            <ArticleView ref={viewRef} text={loaded.article.text} spans={loaded.doc.spans} schema={project.schema} selectedId={selectedId} onSelectSpan={setSelectedId} />
          </>
        )}
      </main>
      <SpanPanel spans={spans} schema={project.schema} selectedId={selectedId} onSelect={setSelectedId} onDelete={remove} onLabel={label} />
      {showExport && <ExportDialog layers={project.layers} defaultLayer={layer} labels={project.schema.labels.map((l) => l.name)} onExport={doExport} onClose={() => setShowExport(false)} />}
    </div>
  );
}

function countLabels(doc: LayerDoc): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of doc.spans) counts[s.label] = (counts[s.label] ?? 0) + 1;
  return counts;
}
