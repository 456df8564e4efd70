import { deleteLabelInDoc, renameLabelInDoc } from '../common/spanOps';
import type { ProjectStore } from './projectStore';

/** Label changes that reach into every annotation file: renames carry spans along, deletes remove them. */
export interface LabelChanges {
  renames: Record<string, string>;
  deletes: string[];
}

/** How many spans of a label the project holds, over every layer, and in how many files. */
export async function countLabelUse(store: ProjectStore, label: string): Promise<{ spans: number; files: number }> {
  let spans = 0;
  let files = 0;
  await forEachLayerDoc(store, async (doc) => {
    const n = doc.spans.filter((s) => s.label === label).length;
    spans += n;
    if (n) files++;
  });
  return { spans, files };
}

/**
 * Applies renames and deletes to every annotation file of every layer. Files that cannot be
 * read are left untouched and named in the result, so nothing is silently lost.
 */
export async function migrateLabels(store: ProjectStore, changes: LabelChanges): Promise<{ changedFiles: number; problems: string[] }> {
  let changedFiles = 0;
  const problems = await forEachLayerDoc(store, async (doc, articleId, layer) => {
    let next = doc;
    for (const [from, to] of Object.entries(changes.renames)) next = renameLabelInDoc(next, from, to);
    for (const label of changes.deletes) next = deleteLabelInDoc(next, label);
    if (next !== doc) {
      await store.writeLayer(articleId, layer, { ...next, updatedAt: new Date().toISOString() });
      changedFiles++;
    }
  });
  return { changedFiles, problems };
}

async function forEachLayerDoc(store: ProjectStore, visit: (doc: import('../common/model').LayerDoc, articleId: string, layer: string) => Promise<void>): Promise<string[]> {
  const problems: string[] = [];
  const { articles } = await store.scanArticles();
  for (const layer of await store.listLayers()) {
    for (const article of articles) {
      try {
        const doc = await store.readLayerFile(article.id, layer);
        if (doc) await visit(doc, article.id, layer);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
  }
  return problems;
}
