import type { JobKind } from '../../jobs/job-types.ts';
import { defineModule } from '../manifest.ts';
import { riskBatchRoutes } from './batch-routes.ts';
import { riskDatasetRoutes } from './dataset-routes.ts';
import { riskModelRoutes } from './model-routes.ts';
import { RISK_JOB_KINDS } from './risk-jobs.ts';
import { riskRoutes } from './risk-routes.ts';
import { RISK_AUDIT_SENTENCES } from './sentences.ts';

/** Risk analysis: datasets, models, scoring, outcomes. */
export const riskModule = defineModule({
  name: 'risk',
  routes: [riskRoutes, riskDatasetRoutes, riskModelRoutes, riskBatchRoutes],
  jobKinds: RISK_JOB_KINDS as unknown as readonly JobKind<never, unknown>[],
  auditSentences: RISK_AUDIT_SENTENCES,
});
