/** Public API of the sanctions-screening engine (pure library; see README.md). */
export { compareNames, explainComparison, type NameComparison } from './compare.ts';
export { countryCode, countryCodes } from './countries.ts';
export {
  applyMeasure,
  consolidatedVersionDate,
  type Direction,
  type Exemption,
  type GoodsHit,
  type GoodsLine,
  type GoodsMeasure,
  type GoodsResult,
  measuresFromAnnexCsv,
  screenGoods,
} from './goods.ts';
export { compareHitQuality, groupHits, type Listing, sameListedEntity } from './group.ts';
export {
  type Amendment,
  diffEntities,
  diffVersions,
  entriesToRescreen,
  LIST_FORMATS,
  type ListDiff,
  type ListFormat,
  type ListSource,
  type ListVersion,
  loadList,
  makeVersion,
  parseSource,
  suppressionHolds,
} from './lists.ts';
export {
  DEFAULT_THRESHOLD,
  type Hit,
  type QueryIdentifier,
  REVIEW_THRESHOLD,
  ScreeningIndex,
  type ScreeningQuery,
  type ScreeningResult,
  type ScreenOptions,
  scoreNamePair,
  splitAliases,
} from './matcher.ts';
export * from './model.ts';
export { type NameMode, type NormName, normalizeName } from './normalize.ts';
export { newStats, ParseError, type ParseStats } from './parsers/common.ts';
export { parseEuFsfXml } from './parsers/eufsf.ts';
export { parseFtmJsonl } from './parsers/ftm.ts';
export { applyOfacRemarks, type OfacFiles, parseOfac } from './parsers/ofac.ts';
export { parseBisDpl, parseEu833Csv, parseUsCsl } from './parsers/tables.ts';
export { parseUnXml } from './parsers/un.ts';
export { seededEdit, unRecallQueries, unSelfRecall } from './selfrecall.ts';
