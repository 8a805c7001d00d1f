import type { JobKind } from '../../jobs/job-types.ts';
import { defineModule } from '../manifest.ts';
import { screeningBatchRoutes } from './batch-routes.ts';
import { screeningCalendarItems } from './calendar.ts';
import { screeningCaseRoutes } from './case-routes.ts';
import { screeningHomeTasks } from './home.ts';
import { screeningListRoutes } from './list-routes.ts';
import { screeningMandatorySource } from './mandatory-source.ts';
import { SCREENING_JOB_KINDS } from './screening-jobs.ts';
import { screeningRoutes } from './screening-routes.ts';
import { SCREENING_AUDIT_SENTENCES } from './sentences.ts';

/** Sanctions screening: lists, parties, batches, cases; a mandatory source of risk scoring. */
export const screeningModule = defineModule({
  name: 'screening',
  routes: [screeningRoutes, screeningBatchRoutes, screeningCaseRoutes, screeningListRoutes],
  jobKinds: SCREENING_JOB_KINDS as unknown as readonly JobKind<never, unknown>[],
  mandatorySources: { 'sanctions-screening': screeningMandatorySource },
  calendarItems: screeningCalendarItems,
  homeTasks: screeningHomeTasks,
  auditSentences: SCREENING_AUDIT_SENTENCES,
});
