import type { ProjectStore } from './projectStore';

/** Extensions `gloss add` converts into articles (beside the plain-text ones it copies). */
export const ARTICLE_IMPORT_EXTENSIONS: string[] = [];

/** Adds the articles of one .html or .jsonl file; returns the new article ids. */
export async function importArticleFile(_store: ProjectStore, file: string, _target: string): Promise<string[]> {
  throw new Error(`${file}: not supported yet`);
}
