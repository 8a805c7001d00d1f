/** STIX 2.1 mapping of the platform's risk records (pure; mapping in src/modules/stix/README.md). */
export { type Bundle, makeBundle, RedNotExportedError } from './bundle.ts';
export { administrationIdentity } from './common.ts';
export { CUSTOMS_RISK_EXTENSION, CUSTOMS_RISK_EXTENSION_ID, PLATFORM_IDENTITY } from './extensions.ts';
export { factorIndicatorId, factorToStix } from './factor.ts';
export { feedbackToStix } from './feedback.ts';
export { stixId, stixTime, uuidV5 } from './ids.ts';
export { languageContent } from './language-content.ts';
export { recommendationToStix } from './recommendation.ts';
export {
  riskInformationIndicatorId,
  riskInformationPattern,
  riskInformationReportId,
  riskInformationToStix,
} from './risk-information.ts';
export { TLP_LEVELS, type TlpLevel, tlpMarkingId, tlpMarkingObject, tlpOfMarkingId } from './tlp.ts';
export type * from './types.ts';
