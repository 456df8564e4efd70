import type { ArticleSummary } from '../../common/api';

interface Props {
  articles: ArticleSummary[];
  layer: string;
  currentId: string | null;
  onOpen: (id: string) => void;
}

const STATUS_TEXT: Record<string, string> = { todo: 'to do', in_progress: 'in progress', done: 'done', skipped: 'skipped' };

/** The project's articles with this layer's status and span count. */
export function ArticleList({ articles, layer, currentId, onOpen }: Props) {
  return (
    <nav className="article-list" aria-label="Articles">
      <ul>
        {articles.map((a) => {
          const mine = a.layers[layer];
          const status = mine?.status ?? 'todo';
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
                  {!a.loadable && <span className="unloadable">not loadable</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
