import { defineModule } from '../manifest.ts';
import { riskInformationRoutes } from './risk-information-routes.ts';
import { RISK_INFORMATION_AUDIT_SENTENCES } from './sentences.ts';

/**
 * Risk information between administrations (issue 17): the kind `risk_information` itself is a
 * registry kind (src/registry/kinds/risk/risk-information.kind.ts); this module adds the
 * recipients' receipts and feedback (table `risk_information_feedback`, policy
 * src/access/risk-information-policy.ts).
 */
export const riskInformationModule = defineModule({
  name: 'risk-information',
  routes: [riskInformationRoutes],
  auditSentences: RISK_INFORMATION_AUDIT_SENTENCES,
});
