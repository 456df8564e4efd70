/**
 * The names of every method of the API contract (src/common/api.ts), kept free of dependencies
 * so the preload script can build window.gloss from them alone.
 */
export const API_METHODS = [
  'getAppInfo',
  'getSettings',
  'setAnnotator',
  'openProject',
  'initProject',
  'chooseProjectFolder',
  'refreshProject',
  'getArticle',
  'getLayer',
  'getLayers',
  'computeAgreement',
  'acceptAgreed',
  'saveLayer',
  'saveSchema',
  'countLabelUse',
  'exportToFile',
  'getLayerBackup',
  'restoreLayerBackup',
  'startLayerFresh',
  'importSpans',
  'pollChanges',
  'claimLayer',
  'getGuidelines',
  'getSuggestions',
  'rejectSuggestions',
  'unrejectSuggestions',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

/** The IPC channel of a method. */
export function ipcChannel(method: ApiMethod): string {
  return `gloss:${method}`;
}
