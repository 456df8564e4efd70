import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LabelSchema, LayerDoc } from '../../common/model';
import { acceptSuggestion, acceptSuggestions, suggestionId } from '../../common/suggest/pending';
import type { PendingSuggestion } from '../../common/suggest/pending';
import type { GlossClient } from '../api/client';
import type { Loaded } from './useArticleSession';

const SHOW_KEY = 'gloss-show-suggestions';

/** What the workbench needs of the session to accept suggestions (an edit of the layer). */
interface SessionLike {
  loaded: Loaded | null;
  update: (change: (doc: LayerDoc) => LayerDoc) => string | null;
}

interface Options {
  client: GlossClient;
  layer: string;
  schema: LabelSchema;
  session: SessionLike;
  /** Keys are handled only while this is true (no dialog open, not linking). */
  keysActive: boolean;
  /** A span is selected: Backspace then deletes it, Enter is left alone. */
  spanSelected: boolean;
  /** Called when Tab moves to a suggestion (the workbench drops its span selection). */
  onFocus: () => void;
  /** Reports a problem (or clears it with null). */
  report: (message: string | null) => void;
}

/**
 * The suggestions of the open article: fetched from the engines (getSuggestions) when an article
 * opens, shown apart from the layer until accepted (an undoable edit of the layer, origin
 * `suggestion:<engine>`) or rejected (recorded on disk, so it stays rejected). Keyboard: Tab and
 * Shift+Tab move between suggestions, Enter accepts, Backspace (or Delete) rejects.
 */
export function useSuggestions({ client, layer, schema, session, keysActive, spanSelected, onFocus, report }: Options) {
  const [show, setShowState] = useState(() => localStorage.getItem(SHOW_KEY) !== 'off');
  const [list, setList] = useState<{ article: string; sha256: string; items: PendingSuggestion[]; rejectedBefore: number } | null>(null);
  const [rejected, setRejected] = useState<ReadonlySet<string>>(new Set());
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const loaded = session.loaded;
  const articleId = loaded?.article.id ?? null;
  const sha256 = loaded?.article.sha256 ?? null;

  const setShow = useCallback((on: boolean) => {
    localStorage.setItem(SHOW_KEY, on ? 'on' : 'off');
    setShowState(on);
  }, []);

  useEffect(() => {
    setCurrentId(null);
    setRejected(new Set());
    if (!show || !articleId) {
      setList(null);
      return;
    }
    let stale = false;
    setLoading(true);
    client.getSuggestions(articleId, layer).then(
      (r) => {
        if (stale) return;
        setList({ article: r.article, sha256: r.sha256, items: r.suggestions, rejectedBefore: r.rejected });
        setLoading(false);
      },
      (e: Error) => {
        if (stale) return;
        setList(null);
        setLoading(false);
        report(`Suggestions are not available: ${e.message}`);
      },
    );
    return () => {
      stale = true;
    };
  }, [client, layer, articleId, sha256, show, refresh]); // eslint-disable-line react-hooks/exhaustive-deps

  const spanIds = useMemo(() => new Set((loaded?.doc.spans ?? []).map((s) => suggestionId(s))), [loaded]);
  /** Pending suggestions of the open article: not accepted (a span of the layer), not rejected. */
  const lastVisible = useRef<PendingSuggestion[]>([]);
  const visible = useMemo(() => {
    const next = !show || !list || list.article !== articleId || list.sha256 !== sha256 ? [] : list.items.filter((s) => !rejected.has(s.id) && !spanIds.has(s.id));
    // Most edits leave the pending list as it was: keep the same array so nothing repaints.
    const prev = lastVisible.current;
    if (prev.length === next.length && prev.every((s, i) => s === next[i])) return prev;
    lastVisible.current = next;
    return next;
  }, [show, list, articleId, sha256, rejected, spanIds]);
  const current = visible.find((s) => s.id === currentId) ?? null;

  const move = useCallback((step: number) => {
    if (visible.length === 0) return;
    const at = visible.findIndex((s) => s.id === currentId);
    const next = at === -1 ? (step > 0 ? 0 : visible.length - 1) : (at + step + visible.length) % visible.length;
    setCurrentId(visible[next].id);
    onFocus();
  }, [visible, currentId, onFocus]);

  /** The suggestion after `id` in the list as it will be once `gone` are no longer pending. */
  const after = (id: string, gone: Set<string>): string | null => {
    const at = visible.findIndex((s) => s.id === id);
    for (let k = 1; k <= visible.length; k++) {
      const s = visible[(at + k) % visible.length];
      if (!gone.has(s.id)) return s.id;
    }
    return null;
  };

  const withoutRejectedTargets = (s: PendingSuggestion): PendingSuggestion => (s.targets ? { ...s, targets: s.targets.filter((t) => !rejected.has(suggestionId(t))) } : s);

  const accept = useCallback((id: string) => {
    const s = visible.find((x) => x.id === id);
    if (!s || !loaded) return;
    const problem = session.update((doc) => acceptSuggestion(doc, loaded.article.text, schema, withoutRejectedTargets(s)).doc);
    report(problem);
    if (!problem) setCurrentId(after(id, new Set([id, ...(s.targets ?? []).map((t) => suggestionId(t))])));
  }, [visible, loaded, session, schema, rejected]); // eslint-disable-line react-hooks/exhaustive-deps

  const reject = useCallback(async (ids: string[]) => {
    if (!loaded || ids.length === 0) return;
    if (loaded.readOnly) {
      // A rejection is the layer's record: only the window that edits the layer makes one.
      report('Not rejected: this layer is open read-only here.');
      return;
    }
    const chosen = visible.filter((s) => ids.includes(s.id));
    try {
      await client.rejectSuggestions(loaded.article.id, layer, chosen.map((s) => ({ label: s.label, start: s.start, end: s.end, text: s.text, engine: s.engine })));
    } catch (e) {
      report(`Not rejected: ${(e as Error).message}`);
      return;
    }
    report(null);
    if (currentId && ids.includes(currentId)) setCurrentId(after(currentId, new Set(ids)));
    setRejected((old) => new Set([...old, ...ids]));
  }, [client, layer, loaded, visible, currentId]); // eslint-disable-line react-hooks/exhaustive-deps

  const acceptLabel = useCallback((label: string) => {
    if (!loaded) return;
    const chosen = visible.filter((s) => s.label === label).map(withoutRejectedTargets);
    if (chosen.length === 0) return;
    report(session.update((doc) => acceptSuggestions(doc, loaded.article.text, schema, chosen)));
  }, [visible, loaded, session, schema, rejected]); // eslint-disable-line react-hooks/exhaustive-deps

  const rejectLabel = useCallback((label: string) => reject(visible.filter((s) => s.label === label).map((s) => s.id)), [visible, reject]);

  /** Takes back every rejection of this article in this layer and asks the engines again. */
  const restoreRejected = useCallback(async () => {
    if (!loaded) return;
    if (loaded.readOnly) {
      report('Not restored: this layer is open read-only here.');
      return;
    }
    try {
      await client.unrejectSuggestions(loaded.article.id, layer);
      setRefresh((n) => n + 1);
    } catch (e) {
      report((e as Error).message);
    }
  }, [client, layer, loaded]); // eslint-disable-line react-hooks/exhaustive-deps

  // Tab / Shift+Tab, Enter, Backspace: handled before the workbench's own keys (capture phase).
  const keyState = useRef({ keysActive, spanSelected, visible, current, move, accept, reject });
  keyState.current = { keysActive, spanSelected, visible, current, move, accept, reject };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = keyState.current;
      if (!k.keysActive || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target instanceof Element ? e.target : document.body;
      // Only from the article or the page itself: buttons and fields keep Tab and Enter.
      if (target !== document.body && !target.closest('.article-view')) return;
      if (e.key === 'Tab') {
        if (k.visible.length === 0) return;
        e.preventDefault();
        e.stopPropagation();
        k.move(e.shiftKey ? -1 : 1);
      } else if (e.key === 'Enter' && k.current && !k.spanSelected) {
        e.preventDefault();
        e.stopPropagation();
        k.accept(k.current.id);
      } else if ((e.key === 'Backspace' || e.key === 'Delete') && k.current && !k.spanSelected) {
        e.preventDefault();
        e.stopPropagation();
        void k.reject([k.current.id]);
      } else if (e.key === 'Escape' && k.current) {
        setCurrentId(null);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const counts = useMemo(() => {
    const out = new Map<string, number>();
    for (const s of visible) out.set(s.label, (out.get(s.label) ?? 0) + 1);
    return out;
  }, [visible]);

  return {
    show,
    setShow,
    loading,
    visible,
    current,
    counts,
    rejectedCount: (list?.rejectedBefore ?? 0) + rejected.size,
    select: (id: string | null) => {
      setCurrentId(id);
      if (id) onFocus();
    },
    accept,
    reject: (id: string) => void reject([id]),
    acceptLabel,
    rejectLabel: (label: string) => void rejectLabel(label),
    restoreRejected: () => void restoreRejected(),
    move,
  };
}

export type SuggestionsState = ReturnType<typeof useSuggestions>;
