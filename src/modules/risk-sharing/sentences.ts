import { plainAuditSentences } from '../sentence.ts';

/** How the events of risk sharing read (`riskSharing.audit.*`). */
export const RISK_SHARING_AUDIT_SENTENCES = plainAuditSentences('riskSharing', [
  'risk_factor.rule_created',
  'recommendation_response.adoption',
  'recommendation_response.feedback',
]);
