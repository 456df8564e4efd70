/**
 * The one API contract between the Gloss UI and the disk. Electron main registers every method
 * as `gloss:<method>` over IPC; browser mode serves the same methods over HTTP. Offsets in every
 * argument and result are code points.
 */
import { z } from 'zod';
import type { ArticleStatus, LabelSchema, LayerDoc, OffsetUnit } from './model';
import { LAYER_NAME_PATTERN } from './model';
import type { ApiMethod } from './apiMethods';
import type { ImportSpansReport, ImportSpansRequest } from './importSpansTypes';

export type { ImportSpansReport, ImportSpansRequest } from './importSpansTypes';
import type { AgreementReport } from './agreement';
import type { ArticleSuggestions, SuggestionKey } from './suggest/pending';

export { API_METHODS, ipcChannel } from './apiMethods';
import { ApiError } from './apiError';
export type { ApiMethod } from './apiMethods';

/** How one layer stands on one article, for the article list. */
export interface LayerSummary {
  status: ArticleStatus;
  spans: number;
  labels: Record<string, number>;
}

/** One entry of the article list. */
export interface ArticleSummary {
  /** Project-relative path, e.g. `articles/000.txt`. */
  id: string;
  title: string;
  size: number;
  loadable: boolean;
  /** Why the article cannot be opened, when it cannot. */
  reason?: string;
  encoding?: string;
  layers: Record<string, LayerSummary>;
}

/** A file in articles/ that is not an article, with the reason. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** A problem found in a project file, located as precisely as possible. */
export interface ProjectProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export interface ProjectInfo {
  path: string;
  name: string;
  formatVersion: number;
  schema: LabelSchema;
  layers: string[];
  articles: ArticleSummary[];
  skipped: SkippedFile[];
  problems: ProjectProblem[];
}

/** The exact decoded text of an article. */
export interface ArticleContent {
  id: string;
  text: string;
  sha256: string;
  encoding: string;
  /** Whether a UTF-8 byte-order mark was stripped. */
  bom: boolean;
  /** Detection confidence (0..1) when the encoding was guessed rather than declared. */
  confidence?: number;
}

export interface AppSettings {
  annotator: string | null;
  recentProjects: string[];
}

export interface AppInfo {
  version: string;
  transport: 'electron' | 'http';
  /** In browser mode the served project; no other project can be opened. */
  fixedProject?: string;
  /** The sample project shipped with Gloss, when present. */
  sampleProject?: string;
  /** The project to open first: the last one used, else the sample. */
  startProject?: string;
}

/** What changed on disk, made by other programs, since an earlier poll. */
export interface ProjectChanges {
  /** Pass this back as `since` next time. */
  seq: number;
  /** False when the platform cannot watch the folder (changes then show on reopen). */
  watching: boolean;
  articlesChanged: boolean;
  /** Project-relative annotation files rewritten by someone else. */
  layerFiles: string[];
}

/** The result of recovering a layer file: the document now in force, and where the old file went. */
export interface LayerRecovery {
  doc: LayerDoc;
  setAside: string | null;
}

export interface SaveResult {
  savedAt: string;
}

export interface ExportRequest {
  format: string;
  layer: string;
  offsets?: OffsetUnit;
  status?: ArticleStatus[];
  labels?: string[];
}

/** An export written to a file (the desktop app's Export, or browser mode's download). */
export interface ExportSaved {
  /** Where it was written (the desktop app) or the file name to save it under (a download). */
  file: string;
  /** The export's own file name (`<project>-<layer>-<format>.jsonl`). */
  filename: string;
  bytes: number;
  /** What the format changed or left out, and any file that could not be read. */
  warnings: string[];
}


/** Which layers, labels and articles to measure agreement on (or to adjudicate). */
export interface AgreementRequest {
  /** Two or more layers, in this order. */
  layers: string[];
  /** Labels to consider; default: every label a chosen layer used. */
  labels?: string[];
  /** Article ids; default: every article of the project. */
  articles?: string[];
}

/** The figures of `gloss agreement`, and the articles that could not be read (left out). */
export interface AgreementResult {
  report: AgreementReport;
  warnings: string[];
}

/** What accepting everything the layers agree on wrote into the gold layer. */
export interface AcceptAgreedResult {
  /** Articles whose gold layer changed. */
  articles: number;
  /** Spans added to gold (agreed spans gold already had are not counted). */
  spans: number;
  /** Relations added to gold. */
  relations: number;
  warnings: string[];
}

/** The suggestion engines the API runs on demand. */
export type SuggestionEngineName = 'boilerplate' | 'quotes' | 'claims' | 'repeats';
export type { ArticleSuggestions, PendingSuggestion, SuggestionKey } from './suggest/pending';

/** A suggestion being rejected: its key and the engine that proposed it. */
export interface RejectedSuggestion extends SuggestionKey {
  engine: string;
}

/** Everything the UI may ask of the disk. Every method is async. */
export interface GlossApi {
  getAppInfo(): Promise<AppInfo>;
  getSettings(): Promise<AppSettings>;
  setAnnotator(name: string): Promise<AppSettings>;
  /** Opens a project folder; fails with a clear message if it is missing or has no gloss.json. */
  openProject(path: string): Promise<ProjectInfo>;
  /** Writes gloss.json with the default schema into a folder, then opens it. */
  initProject(path: string, name?: string): Promise<ProjectInfo>;
  /** Shows the native folder dialog (Electron only; null elsewhere or when cancelled). */
  chooseProjectFolder(): Promise<string | null>;
  /** Re-reads the article list of the open project. */
  refreshProject(): Promise<ProjectInfo>;
  getArticle(id: string): Promise<ArticleContent>;
  getLayer(articleId: string, layer: string): Promise<LayerDoc>;
  /** Several layers of one article at once (default: every layer of the project), keyed by layer. */
  getLayers(articleId: string, layers?: string[]): Promise<Record<string, LayerDoc>>;
  /** Inter-annotator agreement of the chosen layers over the project (the figures `gloss agreement` prints). */
  computeAgreement(request: AgreementRequest): Promise<AgreementResult>;
  /** Adds to the gold layer every span (and relation) all the chosen layers agree on, for the given articles or the project. */
  acceptAgreed(request: AgreementRequest): Promise<AcceptAgreedResult>;
  /** Durably writes one layer of one article; resolves only once it is on disk. */
  saveLayer(articleId: string, layer: string, doc: LayerDoc): Promise<SaveResult>;
  /**
   * Saves the label schema in gloss.json. Renamed labels carry their spans along and deleted
   * labels remove theirs, in every layer's files.
   */
  saveSchema(schema: LabelSchema, changes?: { renames: Record<string, string>; deletes: string[] }): Promise<ProjectInfo>;
  /** How many spans of a label the project holds over all layers (asked before deleting it). */
  countLabelUse(label: string): Promise<{ spans: number; files: number }>;
  /**
   * The desktop app: asks where to save, then writes the export there, streamed, with its
   * manifest and sidecars beside it (as `gloss export --out`). Null when the user cancels.
   * Browser mode has no save dialog: it downloads from EXPORT_DOWNLOAD_PATH (exportDownload.ts).
   */
  exportToFile(request: ExportRequest): Promise<ExportSaved | null>;
  /** The last valid version of a layer file that Gloss kept before overwriting it, or null. */
  getLayerBackup(articleId: string, layer: string): Promise<LayerDoc | null>;
  /** Replaces an unreadable layer file by its backup; the replaced file is moved aside, never deleted. */
  restoreLayerBackup(articleId: string, layer: string): Promise<LayerRecovery>;
  /** Moves an unreadable layer file aside and starts the layer empty. */
  startLayerFresh(articleId: string, layer: string): Promise<LayerRecovery>;
  /**
   * Imports spans from a file's content (native, doccano, Prodigy, Label Studio) into a layer.
   * Nothing is written when anything is wrong, unless skipInvalid; the report names every
   * problem by line.
   */
  importSpans(request: ImportSpansRequest): Promise<ImportSpansReport>;
  /** Changes other programs made to the open project since `since` (0 at first). */
  pollChanges(since: number): Promise<ProjectChanges>;
  /**
   * Claims a layer for editing by one window (`client` identifies it across reloads); renew it
   * every few seconds. Refused while another live window holds it: that one opens read-only.
   */
  claimLayer(layer: string, client: string): Promise<{ granted: boolean; holder?: string }>;
  /** The open project's annotation guidelines (guidelines.md), as plain text; null when it has none. */
  getGuidelines(): Promise<string | null>;
  /**
   * What the suggestion engines propose for an article in a layer (default engines: boilerplate,
   * quotes, claims, repeats), less the spans the layer has and the suggestions it rejected.
   * Nothing is written; accepting is an edit of the layer (origin `suggestion:<engine>`).
   */
  getSuggestions(articleId: string, layer: string, engines?: SuggestionEngineName[]): Promise<ArticleSuggestions>;
  /** Rejects suggestions (by label, range and text); they stay rejected when the engines run again. */
  rejectSuggestions(articleId: string, layer: string, keys: RejectedSuggestion[]): Promise<{ rejected: number }>;
  /** Takes rejections back (every one of the article in the layer when `keys` is omitted). */
  unrejectSuggestions(articleId: string, layer: string, keys?: SuggestionKey[]): Promise<{ restored: number }>;
}

// The name list and the interface must name the same methods.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const namesMatch: Same<ApiMethod, keyof GlossApi> = true;
void namesMatch;

const articleId = z.string().min(1).max(4096).refine((s) => !s.split(/[\\/]/).includes('..') && !/^[\\/]/.test(s) && !/^[A-Za-z]:/.test(s) && !s.includes('\0'), 'must stay inside the project');
const layerName = z.string().regex(LAYER_NAME_PATTERN, 'letters, digits, _ - . (not starting with a dot), at most 64');
const path = z.string().min(1).max(4096);
const status = z.enum(['todo', 'in_progress', 'done', 'skipped']);
const offset = z.number().int().nonnegative();

const spanSchema = z.object({
  id: z.string().min(1).max(200),
  start: offset,
  end: offset,
  label: z.string().min(1).max(200),
  text: z.string(),
  attrs: z.record(z.string(), z.string()),
  origin: z.string().max(500),
  createdAt: z.string().max(100),
  updatedAt: z.string().max(100),
  flagged: z.string().max(500).optional(),
  sources: z.array(layerName).max(64).optional(),
}).refine((s) => s.start <= s.end, 'start must not be after end');

const relationSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.string().min(1).max(200),
  from: z.string().min(1).max(200),
  to: z.string().min(1).max(200),
});

const suggestionKey = z.object({
  label: z.string().min(1).max(200),
  start: offset,
  end: offset,
  text: z.string().max(1_000_000),
});

const agreementRequest = z.object({
  layers: z.array(layerName).min(2, 'choose at least two layers').max(64)
    .refine((l) => new Set(l).size === l.length, 'a layer is chosen twice'),
  labels: z.array(z.string().min(1).max(200)).max(1000).optional(),
  articles: z.array(articleId).max(1_000_000).optional(),
}).strict();

/** Schema of an annotation file's content. */
export const layerDocSchema = z.object({
  formatVersion: z.number().int().positive(),
  article: articleId,
  layer: layerName,
  sha256: z.string().max(64),
  status,
  spans: z.array(spanSchema),
  relations: z.array(relationSchema),
  orphans: z.array(spanSchema).optional(),
  updatedAt: z.string().max(100),
});

const labelDefSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  key: z.string().max(1),
  description: z.string().max(2000).optional(),
  attributes: z.array(z.object({ name: z.string().min(1).max(64), values: z.array(z.string().min(1).max(64)).min(1) })).optional(),
});

/** Schema of a label schema, as kept in gloss.json. */
export const labelSchemaSchema = z.object({
  labels: z.array(labelDefSchema),
  relations: z.array(z.object({ name: z.string().min(1).max(64), from: z.array(z.string()), to: z.array(z.string()) })),
});

/** Schema of gloss.json. */
export const manifestSchema = z.object({
  format: z.literal('gloss-project'),
  formatVersion: z.number().int().positive(),
  name: z.string().min(1).max(200),
  schema: labelSchemaSchema,
});

/** Argument schemas of every method: the single list both transports register and validate. */
export const API_ARGS = {
  getAppInfo: z.tuple([]),
  getSettings: z.tuple([]),
  setAnnotator: z.tuple([layerName]),
  openProject: z.tuple([path]),
  initProject: z.tuple([path, z.string().min(1).max(200).optional()]),
  chooseProjectFolder: z.tuple([]),
  refreshProject: z.tuple([]),
  getArticle: z.tuple([articleId]),
  getLayer: z.tuple([articleId, layerName]),
  getLayers: z.tuple([articleId, z.array(layerName).max(64).optional()]),
  computeAgreement: z.tuple([agreementRequest]),
  acceptAgreed: z.tuple([agreementRequest]),
  saveLayer: z.tuple([articleId, layerName, layerDocSchema]),
  saveSchema: z.tuple([labelSchemaSchema, z.object({ renames: z.record(z.string(), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)), deletes: z.array(z.string().max(64)) }).optional()]),
  countLabelUse: z.tuple([z.string().min(1).max(64)]),
  exportToFile: z.tuple([z.object({
    format: z.string().min(1).max(40),
    layer: z.string().min(1).max(64),
    offsets: z.enum(['codepoint', 'utf16']).optional(),
    status: z.array(status).optional(),
    labels: z.array(z.string()).optional(),
  })]),
  getLayerBackup: z.tuple([articleId, layerName]),
  restoreLayerBackup: z.tuple([articleId, layerName]),
  startLayerFresh: z.tuple([articleId, layerName]),
  importSpans: z.tuple([z.object({
    fileName: z.string().min(1).max(255),
    content: z.string(),
    layer: layerName,
    fromLayer: layerName.optional(),
    offsets: z.enum(['codepoint', 'utf16']).optional(),
    skipInvalid: z.boolean().optional(),
    existing: z.enum(['refuse', 'replace', 'merge']).optional(),
    dryRun: z.boolean().optional(),
  }).strict()]),
  pollChanges: z.tuple([z.number().int().nonnegative()]),
  claimLayer: z.tuple([layerName, z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)]),
  getGuidelines: z.tuple([]),
  getSuggestions: z.tuple([articleId, layerName, z.array(z.enum(['boilerplate', 'quotes', 'claims', 'repeats'])).max(8).optional()]),
  rejectSuggestions: z.tuple([articleId, layerName, z.array(suggestionKey.extend({ engine: z.string().max(200) }).strict()).max(100_000)]),
  unrejectSuggestions: z.tuple([articleId, layerName, z.array(suggestionKey.strict()).max(100_000).optional()]),
} satisfies Record<ApiMethod, z.ZodTypeAny>;


/** Validates a call's arguments; returns them parsed or throws an Error naming the method and the problem. */
export function validateArgs(method: string, args: unknown): unknown[] {
  if (!Object.prototype.hasOwnProperty.call(API_ARGS, method)) throw new ApiError('BAD_METHOD', `Unknown method "${method}"`);
  const parsed = API_ARGS[method as ApiMethod].safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError('BAD_ARGUMENTS', `Bad arguments for ${method}: ${issue.path.join('.') || 'arguments'}: ${issue.message}`);
  }
  return parsed.data as unknown[];
}

export { ApiError } from './apiError';
