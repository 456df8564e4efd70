/**
 * Inter-annotator agreement (docs/agreement.md): the figures of the Review screen and of
 * `gloss agreement`, and the helpers that compare layers and merge what they agree on.
 */
export type { AgreementReport, AgreementScores, ArticleAgreement, OverallAgreement, PairAgreement } from './agreementReport';
export { computeAgreement, type AgreementInput, type AgreementOptions, type LayerDocs } from './computeAgreement';
export { compareLayers, type CompareOptions, type LayerComparison } from './compareLayers';
export { mergeAgreed, type AdjudicatedSpan, type MergeOptions } from './mergeAgreed';
export type { AgreementKind } from './groupSpans';
export { DEFAULT_ATTRIBUTION, type AttributionLabels } from './attributionLinks';
export { cohenKappa, cohenKappaBinary } from './cohenKappa';
export { fleissKappa, fleissKappaBinary } from './fleissKappa';
export { krippendorffAlphaU, type AlphaUResult, type UnitizingStudy, type UnitizingUnit } from './krippendorffAlphaU';
export { tokenCodings, type TokenCodings } from './tokenCodings';
