import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleContent } from '../../common/api';
import type { LayerDoc } from '../../common/model';
import { emptyLayerDoc } from '../../common/model';
import { LayerHistory } from '../../common/layerHistory';
import { OffsetMap } from '../../common/offsets';
import type { GlossClient } from '../api/client';
import { ClientError } from '../api/client';
import { LayerSaver, SaveStatus } from './layerSaver';

export interface Loaded {
  article: ArticleContent;
  doc: LayerDoc;
  /** Why this layer cannot be edited here, if it cannot. */
  readOnly: string | null;
  /** Set when the layer file is unreadable and can be restored from a backup or started fresh. */
  recoverable?: boolean;
}

/**
 * One article open in one layer: loading, edits with per-article undo history (kept across
 * saves and article switches), and saving at most 300 ms after each edit.
 */
export function useArticleSession(client: GlossClient, layer: string, onDocChange: (doc: LayerDoc) => void, lockedBy: string | null = null) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const saveStatus = useMemo(() => new SaveStatus(), []);
  const [error, setError] = useState<string | null>(null);
  const saver = useRef<LayerSaver | null>(null);
  const histories = useRef(new Map<string, LayerHistory>());
  const current = useRef<Loaded | null>(null);
  current.current = loaded;
  /** Counts opens, so that only the latest one's result is shown. */
  const opens = useRef(0);
  /** Counts edits, so that a reload does not replace edits made while it was reading. */
  const edits = useRef(0);

  /**
   * Opens an article (or reloads the open one); `discard` drops unsaved edits of the open one
   * instead of saving them. The open article stays editable while this reads: when it is the
   * same article and was edited meanwhile, those edits are newer than what was read and stay.
   */
  const open = useCallback(async (id: string, discard = false) => {
    const seq = ++opens.current;
    if (discard) saver.current?.discard();
    else await saver.current?.flush();
    const editsBefore = edits.current;
    const superseded = () => seq !== opens.current || (!discard && current.current?.article.id === id && edits.current !== editsBefore);
    setError(null);
    try {
      // Both requests go out at once; the layer's failure is handled below, the article's above.
      const layerRequest = client.getLayer(id, layer).then((d) => ({ ok: true as const, d }), (e: unknown) => ({ ok: false as const, e }));
      const article = await client.getArticle(id);
      let doc: LayerDoc;
      let readOnly: string | null = lockedBy ? `Read-only: ${lockedBy} is editing the layer ${layer} of this project.` : null;
      let recoverable = false;
      try {
        const answer = await layerRequest;
        if (!answer.ok) throw answer.e;
        doc = answer.d;
        const map = new OffsetMap(article.text);
        const stale = doc.spans.filter((s) => s.end > map.codePointLength || article.text.slice(map.toUtf16(s.start), map.toUtf16(s.end)) !== s.text).length;
        if (stale > 0) readOnly = `${id} changed since it was annotated: ${stale} span(s) no longer match their text. The layer is shown read-only so nothing shifts.`;
      } catch (e) {
        doc = emptyLayerDoc(id, layer, article.sha256);
        readOnly = (e as Error).message;
        recoverable = e instanceof ClientError && (e.code === 'CORRUPT_FILE' || e.code === 'NEWER_FORMAT');
      }
      if (superseded()) return;
      saver.current = new LayerSaver(async (d) => (await client.saveLayer(id, layer, d)).savedAt, saveStatus.set);
      saveStatus.set({ kind: 'saved' });
      setLoaded({ article, doc: { ...doc, sha256: article.sha256 }, readOnly, recoverable });
    } catch (e) {
      if (superseded()) return;
      setLoaded(null);
      setError((e as Error).message);
    }
  }, [client, layer, lockedBy]);

  const history = (id: string) => {
    let h = histories.current.get(id);
    if (!h) histories.current.set(id, (h = new LayerHistory()));
    return h;
  };

  const commit = useCallback((doc: LayerDoc) => {
    edits.current++;
    saver.current?.schedule(doc);
    onDocChange(doc);
    setLoaded((l) => (l ? { ...l, doc } : l));
  }, [onDocChange]);

  /** Applies an edit; returns false (and changes nothing) when the layer is read-only or the edit fails. */
  const update = useCallback((change: (doc: LayerDoc) => LayerDoc): string | null => {
    const l = current.current;
    if (!l) return 'No article is open';
    if (l.readOnly) return l.readOnly;
    let doc: LayerDoc;
    try {
      doc = change(l.doc);
    } catch (e) {
      return (e as Error).message;
    }
    if (doc === l.doc) return null;
    history(l.article.id).record(l.doc);
    current.current = { ...l, doc };
    commit(doc);
    return null;
  }, [commit]);

  const step = useCallback((direction: 'undo' | 'redo'): boolean => {
    const l = current.current;
    if (!l || l.readOnly) return false;
    const h = history(l.article.id);
    const doc = direction === 'undo' ? h.undo(l.doc) : h.redo(l.doc);
    if (!doc) return false;
    current.current = { ...l, doc };
    commit(doc);
    return true;
  }, [commit]);

  /** Forgets every history (after a schema change rewrote the files underneath). */
  const resetHistories = useCallback(() => histories.current.clear(), []);

  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (saver.current?.dirty) {
        void saver.current.flush();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, []);

  return { loaded, saveStatus, error, open, update, dirty: () => saver.current?.dirty ?? false, undo: () => step('undo'), redo: () => step('redo'), flush: () => saver.current?.flush(), resetHistories };
}
