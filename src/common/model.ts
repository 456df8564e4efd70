/**
 * The Gloss domain model. Every offset stored here is a half-open [start, end) range in
 * Unicode code points over the article text (see docs/project-format.md).
 */

/** Current version of the on-disk project format. */
export const FORMAT_VERSION = 1;

/** Work status of one article in one layer. */
export type ArticleStatus = 'todo' | 'in_progress' | 'done' | 'skipped';
export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['todo', 'in_progress', 'done', 'skipped'];

/** The unit that offsets are counted in. Code points unless a consumer asks otherwise. */
export type OffsetUnit = 'codepoint' | 'utf16';

/** One labelled span. `text` is always the exact slice of the article it covers. */
export interface Span {
  id: string;
  start: number;
  end: number;
  label: string;
  text: string;
  attrs: Record<string, string>;
  /** Where the span came from: `manual`, `import:<file>`, `suggestion:<engine>`, `adjudicated:<layers>`. */
  origin: string;
  createdAt: string;
  updatedAt: string;
  /** Set when re-anchoring moved the span after its article changed. */
  flagged?: string;
  /** Gold spans: the compared layers that had this span (same start, end and label), in their order. */
  sources?: string[];
}

/** A typed, directed link between two spans of the same layer. */
export interface Relation {
  id: string;
  type: string;
  from: string;
  to: string;
}

/** One annotator's (or the gold) annotations of one article: the content of one annotation file. */
export interface LayerDoc {
  formatVersion: number;
  /** Project-relative article id, e.g. `articles/000.txt`. */
  article: string;
  layer: string;
  /** sha256 (hex) of the article text the offsets were made on. */
  sha256: string;
  status: ArticleStatus;
  spans: Span[];
  relations: Relation[];
  /** Spans that could not be placed after the article changed, kept with their text. */
  orphans?: Span[];
  updatedAt: string;
}

/** An attribute a label's spans can carry, with its allowed values. */
export interface AttributeDef {
  name: string;
  values: string[];
}

/** A label of the schema. `key` is the keyboard shortcut that applies it. */
export interface LabelDef {
  name: string;
  color: string;
  key: string;
  description?: string;
  attributes?: AttributeDef[];
}

/** A relation type, allowed from spans of `from` labels to spans of `to` labels. */
export interface RelationDef {
  name: string;
  from: string[];
  to: string[];
}

export interface LabelSchema {
  labels: LabelDef[];
  relations: RelationDef[];
}

/** gloss.json: the project manifest. */
export interface ProjectManifest {
  format: 'gloss-project';
  formatVersion: number;
  name: string;
  schema: LabelSchema;
}

/** The label schema every new project starts with. */
export function defaultSchema(): LabelSchema {
  return {
    labels: [
      { name: 'CLAIM', color: '#d97706', key: '1', description: 'A check-worthy factual assertion.',
        attributes: [{ name: 'checkworthy', values: ['yes', 'no', 'unsure'] }] },
      { name: 'QUOTE', color: '#2563eb', key: '2', description: 'A direct quotation, marks included.',
        attributes: [{ name: 'kind', values: ['direct', 'indirect'] }] },
      { name: 'SPEAKER', color: '#059669', key: '3', description: 'Who said a quote.' },
      { name: 'BOILERPLATE', color: '#6b7280', key: '4', description: 'Site furniture, not part of the story.' },
    ],
    relations: [{ name: 'ATTRIBUTED_TO', from: ['QUOTE'], to: ['SPEAKER'] }],
  };
}

/** An empty layer document for an article. */
export function emptyLayerDoc(article: string, layer: string, sha256: string): LayerDoc {
  return { formatVersion: FORMAT_VERSION, article, layer, sha256, status: 'todo', spans: [], relations: [], updatedAt: '' };
}

/** Layer names are folder names: letters, digits, `_`, `-`, `.`, not starting with a dot. */
export const LAYER_NAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
