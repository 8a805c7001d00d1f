import { JOB_NOTIFICATION_HANDLERS } from '../../jobs/job-notifications.ts';
import { defineModule } from '../manifest.ts';
import { jobHomeTasks } from './home.ts';
import { jobRoutes } from './job-routes.ts';
import { JOB_AUDIT_SENTENCES, JOB_NOTIFICATION_SENTENCES } from './sentences.ts';

/** Background jobs ("My jobs"); a finished job notifies its starter. */
export const jobsModule = defineModule({
  name: 'jobs',
  routes: [jobRoutes],
  outboxHandlers: JOB_NOTIFICATION_HANDLERS,
  homeTasks: jobHomeTasks,
  auditSentences: JOB_AUDIT_SENTENCES,
  notificationSentences: JOB_NOTIFICATION_SENTENCES,
});
