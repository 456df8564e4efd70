import { memo, useMemo } from 'react';
import type { ArticleSummary } from '../../common/api';
import type { LabelSchema } from '../../common/model';
import { ARTICLE_STATUSES } from '../../common/model';
import { VirtualList } from './VirtualList';

const ARTICLE_ROW_HEIGHT = 56;

export interface ListFilter {
  status: string;
  label: string;
  search: string;
}

interface Props {
  articles: ArticleSummary[];
  schema: LabelSchema;
  layer: string;
  currentId: string | null;
  filter: ListFilter;
  onFilter: (filter: ListFilter) => void;
  onOpen: (id: string) => void;
}

const STATUS_TEXT: Record<string, string> = { todo: 'to do', in_progress: 'in progress', done: 'done', skipped: 'skipped' };

/** Articles matching the list's filters, in list order. */
export function filterArticles(articles: ArticleSummary[], layer: string, filter: ListFilter): ArticleSummary[] {
  const q = filter.search.trim().toLowerCase();
  return articles.filter((a) => {
    const mine = a.layers[layer];
    if (filter.status && (mine?.status ?? 'todo') !== filter.status) return false;
    if (filter.label && !(mine?.labels[filter.label] ?? 0)) return false;
    if (q && !a.title.toLowerCase().includes(q) && !a.id.toLowerCase().includes(q)) return false;
    return true;
  });
}

/** The project's articles with this layer's status and label counts, filterable. */
export const ArticleList = memo(function ArticleList({ articles, schema, layer, currentId, filter, onFilter, onOpen }: Props) {
  const shown = useMemo(() => filterArticles(articles, layer, filter), [articles, layer, filter]);
  const totals = useMemo(() => {
    const t: Record<string, number> = {};
    for (const a of articles) for (const [label, n] of Object.entries(a.layers[layer]?.labels ?? {})) t[label] = (t[label] ?? 0) + n;
    return t;
  }, [articles, layer]);
  const done = articles.filter((a) => a.layers[layer]?.status === 'done').length;
  const color = (label: string) => schema.labels.find((l) => l.name === label)?.color;
  return (
    <nav className="article-list" aria-label="Articles">
      <div className="list-filters">
        <input type="search" placeholder="Search titles" aria-label="Search titles" value={filter.search} onChange={(e) => onFilter({ ...filter, search: e.target.value })} />
        <select aria-label="Filter by status" value={filter.status} onChange={(e) => onFilter({ ...filter, status: e.target.value })}>
          <option value="">any status</option>
          {ARTICLE_STATUSES.map((s) => <option key={s} value={s}>{STATUS_TEXT[s]}</option>)}
        </select>
        <select aria-label="Filter by label" value={filter.label} onChange={(e) => onFilter({ ...filter, label: e.target.value })}>
          <option value="">any label</option>
          {schema.labels.map((l) => <option key={l.name} value={l.name}>has {l.name}</option>)}
        </select>
      </div>
      <div className="project-counts" data-testid="project-counts" aria-label="Project label counts">
        {done}/{articles.length} done ·{' '}
        {schema.labels.map((l) => <span key={l.name} className="count-chip" style={{ borderColor: l.color }}>{l.name} {totals[l.name] ?? 0}</span>)}
      </div>
      <VirtualList
        className="article-rows"
        label="Article list"
        items={shown}
        rowHeight={ARTICLE_ROW_HEIGHT}
        focusIndex={currentId ? shown.findIndex((a) => a.id === currentId) : undefined}
        renderRow={(a) => {
          const mine = a.layers[layer];
          const status = mine?.status ?? 'todo';
          const finishedBy = Object.entries(a.layers).filter(([, s]) => s.status === 'done').map(([name]) => name);
          return (
            <li key={a.id}>
              <button
                className={`article-item${a.id === currentId ? ' current' : ''}`}
                aria-current={a.id === currentId ? 'true' : undefined}
                disabled={!a.loadable}
                title={a.loadable ? a.id : `${a.id}: ${a.reason}`}
                onClick={() => onOpen(a.id)}
                data-testid="article-item"
                data-article-id={a.id}
              >
                <span className="article-title">{a.title}</span>
                <span className="article-meta">
                  <span className={`status status-${status}`} data-testid="article-status">{STATUS_TEXT[status]}</span>
                  <span className="count" data-testid="article-count">{mine?.spans ?? 0} spans</span>
                  {Object.entries(mine?.labels ?? {}).map(([label, n]) => <span key={label} className="count-chip" style={{ borderColor: color(label) }} title={`${n} ${label}`}>{label.slice(0, 1)}{n}</span>)}
                  {!a.loadable && <span className="unloadable">not loadable</span>}
                  {finishedBy.length > 0 && <span className="finished-by" data-testid="finished-by">done by {finishedBy.join(', ')}</span>}
                </span>
              </button>
            </li>
          );
        }}
      />
      {shown.length === 0 && <p className="hint">No article matches.</p>}
    </nav>
  );
});
