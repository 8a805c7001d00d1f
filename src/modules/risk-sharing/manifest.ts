import type { JobKind } from '../../jobs/job-types.ts';
import { defineModule } from '../manifest.ts';
import { backtestJob } from './backtest-job.ts';
import { riskSharingRoutes } from './risk-sharing-routes.ts';
import { RISK_SHARING_AUDIT_SENTENCES } from './sentences.ts';

/** Risk sharing (issue 17): factor → rule, recommendation backtests, adoption and control feedback. */
export const riskSharingModule = defineModule({
  name: 'risk-sharing',
  routes: [riskSharingRoutes],
  jobKinds: [backtestJob] as unknown as readonly JobKind<never, unknown>[],
  auditSentences: RISK_SHARING_AUDIT_SENTENCES,
});
