import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ApiError } from '../common/api';
import type { AcceptAgreedResult, AgreementRequest, AgreementResult, AppInfo, AppSettings, ArticleContent, ExportRequest, ExportSaved, GlossApi, ProjectChanges, ProjectInfo, SaveResult } from '../common/api';
import type { LabelSchema, LayerDoc } from '../common/model';
import { ProjectStore } from './projectStore';
import type { LayerRecovery } from './projectStore';
import type { SettingsStore } from './settingsStore';
import { exportFileName, exportProjectToFile } from './exportProject';
import { importSpansContent } from './importSpans';
import type { ImportSpansReport, ImportSpansRequest } from './importSpans';
import { countLabelUse, migrateLabels } from './migrateLabels';
import type { LabelChanges } from './migrateLabels';
import { GLOSS_VERSION } from './version';
import { ProjectWatcher } from './projectWatcher';
import { claimLayer } from './layerLock';
import { acceptAgreedInProject, projectAgreement } from './projectAgreement';
import { SuggestionService } from './suggestionService';
import { readGuidelines } from './guidelines';
import type { ArticleSuggestions, RejectedSuggestion, SuggestionEngineName, SuggestionKey } from '../common/api';

export interface GlossServiceOptions {
  settings: SettingsStore;
  transport: 'electron' | 'http';
  /** Browser mode serves exactly one project; opening any other is refused. */
  fixedProject?: string;
  sampleProject?: string;
  /** A project to open first instead of the last one used (GLOSS_PROJECT in the desktop app). */
  startProject?: string;
  /** Native folder dialog (Electron). */
  chooseFolder?: () => Promise<string | null>;
  /** Native save dialog (Electron): where to save a file offered under this name; null when cancelled. */
  chooseSaveFile?: (filename: string) => Promise<string | null>;
}

/** An export written complete to a temp file, for browser mode to stream as a download. */
export interface ExportDownload {
  saved: ExportSaved;
  /** The temp file holding the export. */
  path: string;
  /** Removes the temp file; call once the response is sent. */
  dispose(): Promise<void>;
}

/** The node-side implementation of the API contract, shared by Electron main and browser mode. */
export class GlossService implements GlossApi {
  private store: ProjectStore | null = null;
  private suggestionService: SuggestionService | null = null;
  private watcher: ProjectWatcher | null = null;

  constructor(private readonly options: GlossServiceOptions) {}

  /** The open project's store; throws when no project is open. */
  get project(): ProjectStore {
    if (!this.store) throw new ApiError('NO_PROJECT', 'No project is open');
    return this.store;
  }

  async getAppInfo(): Promise<AppInfo> {
    const settings = await this.options.settings.get();
    return {
      version: GLOSS_VERSION,
      transport: this.options.transport,
      fixedProject: this.options.fixedProject,
      sampleProject: this.options.sampleProject,
      startProject: this.options.fixedProject ?? this.options.startProject ?? settings.recentProjects[0] ?? this.options.sampleProject,
    };
  }

  getSettings(): Promise<AppSettings> {
    return this.options.settings.get();
  }

  setAnnotator(name: string): Promise<AppSettings> {
    return this.options.settings.update({ annotator: name });
  }

  private checkAllowed(path: string): string {
    const abs = resolve(path);
    if (this.options.fixedProject && abs !== resolve(this.options.fixedProject)) {
      throw new ApiError('FORBIDDEN', `This server serves only ${this.options.fixedProject}; start another with gloss serve to open ${abs}`);
    }
    return abs;
  }

  async openProject(path: string): Promise<ProjectInfo> {
    const abs = this.checkAllowed(path);
    this.store = await ProjectStore.open(abs);
    this.watch();
    await this.options.settings.addRecent(abs);
    return this.store.info();
  }

  async initProject(path: string, name?: string): Promise<ProjectInfo> {
    const abs = this.checkAllowed(path);
    this.store = await ProjectStore.init(abs, name);
    this.watch();
    await this.options.settings.addRecent(abs);
    return this.store.info();
  }

  async chooseProjectFolder(): Promise<string | null> {
    return this.options.chooseFolder ? this.options.chooseFolder() : null;
  }

  refreshProject(): Promise<ProjectInfo> {
    this.suggestionService?.invalidate();
    return this.project.info();
  }

  getArticle(id: string): Promise<ArticleContent> {
    return this.project.readArticle(id);
  }

  getLayer(articleId: string, layer: string): Promise<LayerDoc> {
    return this.project.readLayer(articleId, layer);
  }

  /** Several layers of one article (default: every layer of the project), each as getLayer gives it. */
  async getLayers(articleId: string, layers?: string[]): Promise<Record<string, LayerDoc>> {
    const names = layers ?? (await this.project.listLayers());
    const article = await this.project.readArticle(articleId);
    const out: Record<string, LayerDoc> = {};
    for (const layer of names) out[layer] = await this.project.readLayer(articleId, layer, article.sha256);
    return out;
  }

  computeAgreement(request: AgreementRequest): Promise<AgreementResult> {
    return projectAgreement(this.project, request);
  }

  acceptAgreed(request: AgreementRequest): Promise<AcceptAgreedResult> {
    return acceptAgreedInProject(this.project, request);
  }

  private watch(): void {
    this.watcher?.close();
    this.watcher = new ProjectWatcher(this.project.root);
  }

  async pollChanges(since: number): Promise<ProjectChanges> {
    const root = this.project.root;
    return this.watcher ? this.watcher.changesSince(since, (rel) => join(root, ...rel.split('/'))) : { seq: 0, watching: false, articlesChanged: false, layerFiles: [] };
  }

  claimLayer(layer: string, client: string): Promise<{ granted: boolean; holder?: string }> {
    return claimLayer(this.project.root, layer, client);
  }

  /** Stops watching the open project. */
  close(): void {
    this.watcher?.close();
    this.watcher = null;
  }

  async saveLayer(articleId: string, layer: string, doc: LayerDoc): Promise<SaveResult> {
    await this.project.writeLayer(articleId, layer, doc);
    this.suggestionService?.noteLayerSaved(articleId, layer, doc);
    const fileId = this.project.layerFileId(articleId, layer);
    this.watcher?.recordOwnWrite(fileId, join(this.project.root, ...fileId.split('/')));
    return { savedAt: new Date().toISOString() };
  }

  /** The backup of a layer (the last valid version before its file was last overwritten), or null. Not yet in the API contract. */
  getLayerBackup(articleId: string, layer: string): Promise<LayerDoc | null> {
    return this.project.readLayerBackup(articleId, layer);
  }

  /** Replaces a (corrupt) annotation file by its backup, moving the replaced file aside. Not yet in the API contract. */
  restoreLayerBackup(articleId: string, layer: string): Promise<LayerRecovery> {
    return this.project.restoreLayerBackup(articleId, layer);
  }

  /** Moves a (corrupt) annotation file aside so the layer starts empty. Not yet in the API contract. */
  startLayerFresh(articleId: string, layer: string): Promise<LayerRecovery> {
    return this.project.startLayerFresh(articleId, layer);
  }

  async saveSchema(schema: LabelSchema, changes?: LabelChanges): Promise<ProjectInfo> {
    if (changes && (Object.keys(changes.renames).length || changes.deletes.length)) {
      const { problems } = await migrateLabels(this.project, changes);
      if (problems.length) throw new ApiError('PARTIAL', `Schema not saved: ${problems.length} annotation file(s) could not be read and were left untouched: ${problems.join('; ')}`);
    }
    await this.project.saveSchema(schema);
    return this.project.info();
  }

  countLabelUse(label: string): Promise<{ spans: number; files: number }> {
    return countLabelUse(this.project, label);
  }

  async exportToFile(request: ExportRequest): Promise<ExportSaved | null> {
    if (!this.options.chooseSaveFile) throw new ApiError('UNSUPPORTED', 'Saving through a dialog exists only in the desktop app; browser mode downloads the export');
    const filename = await exportFileName(this.project, request); // bad options fail before the dialog
    const file = await this.options.chooseSaveFile(filename);
    if (!file) return null;
    const result = await exportProjectToFile(this.project, request, file);
    return { file: result.file, filename, bytes: result.bytes, warnings: result.warnings };
  }

  /**
   * Browser mode's download (not in the API contract: the HTTP bridge streams it): the export is
   * written complete to a temp file first, so its size and warnings go in the response headers
   * and a failure is an error response, never a torn download.
   */
  async exportForDownload(request: ExportRequest): Promise<ExportDownload> {
    const filename = await exportFileName(this.project, request);
    const dir = await mkdtemp(join(tmpdir(), 'gloss-export-'));
    const dispose = () => rm(dir, { recursive: true, force: true });
    try {
      const result = await exportProjectToFile(this.project, request, join(dir, filename));
      return { saved: { file: filename, filename, bytes: result.bytes, warnings: result.warnings }, path: result.file, dispose };
    } catch (error) {
      await dispose();
      throw error;
    }
  }

  /**
   * Imports spans from a file's content into a layer (an Import dialog). Everything is checked
   * first; on any problem nothing is written (`ok: false`, problems by line) unless
   * `skipInvalid`. Not yet in the API contract.
   */
  async importSpans(request: ImportSpansRequest): Promise<ImportSpansReport> {
    const { fileName, content, ...options } = request;
    return importSpansContent(this.project, fileName, content, options);
  }

  /** The suggestions of the open project (created with it). */
  get suggestions(): SuggestionService {
    const store = this.project;
    if (this.suggestionService?.store !== store) this.suggestionService = new SuggestionService(store);
    return this.suggestionService;
  }

  getGuidelines(): Promise<string | null> {
    return readGuidelines(this.project.root);
  }

  getSuggestions(articleId: string, layer: string, engines?: SuggestionEngineName[]): Promise<ArticleSuggestions> {
    return this.suggestions.getSuggestions(articleId, layer, engines);
  }

  rejectSuggestions(articleId: string, layer: string, keys: RejectedSuggestion[]): Promise<{ rejected: number }> {
    return this.suggestions.reject(articleId, layer, keys);
  }

  unrejectSuggestions(articleId: string, layer: string, keys?: SuggestionKey[]): Promise<{ restored: number }> {
    return this.suggestions.unreject(articleId, layer, keys);
  }
}
