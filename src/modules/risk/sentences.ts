import { plainAuditSentences } from '../sentence.ts';

/** How the events of risk analysis read (`risk.audit.*`). */
export const RISK_AUDIT_SENTENCES = plainAuditSentences('risk', [
  'risk.dataset.upload',
  'risk.model.train',
  'risk.model.activate',
  'risk.batch.score',
  'risk.outcomes.upload',
]);
