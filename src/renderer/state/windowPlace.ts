/**
 * Where this window was in a project (the screen, the article open in each, the review tab), kept
 * in sessionStorage: a reload of the window comes back to the same place, a new window starts
 * fresh. Storage that is missing or unreadable just means starting fresh.
 */
export interface WindowPlace {
  screen: 'annotate' | 'review';
  /** The article open in the annotation screen. */
  article: string | null;
  /** The article open in the review screen, and its tab. */
  reviewArticle: string | null;
  reviewTab: string | null;
}

const FRESH: WindowPlace = { screen: 'annotate', article: null, reviewArticle: null, reviewTab: null };
const keyOf = (projectPath: string) => `gloss.place:${projectPath}`;

export function readPlace(projectPath: string): WindowPlace {
  try {
    const value = JSON.parse(window.sessionStorage.getItem(keyOf(projectPath)) ?? 'null') as Partial<WindowPlace> | null;
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
    return {
      screen: value?.screen === 'review' ? 'review' : 'annotate',
      article: text(value?.article),
      reviewArticle: text(value?.reviewArticle),
      reviewTab: text(value?.reviewTab),
    };
  } catch {
    return FRESH;
  }
}

export function updatePlace(projectPath: string, change: Partial<WindowPlace>): void {
  try {
    window.sessionStorage.setItem(keyOf(projectPath), JSON.stringify({ ...readPlace(projectPath), ...change }));
  } catch {
    // Storage unavailable: a reload starts fresh.
  }
}

/** The article to open first: the one this window had open before a reload, else the first loadable one. */
export function articleToOpen(articles: readonly { id: string; loadable: boolean }[], remembered: string | null): string | null {
  return (articles.find((a) => a.id === remembered && a.loadable) ?? articles.find((a) => a.loadable))?.id ?? null;
}
