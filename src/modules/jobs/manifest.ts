import { JOB_NOTIFICATION_HANDLERS } from '../../jobs/job-notifications.ts';
import { defineModule } from '../manifest.ts';
import { jobRoutes } from './job-routes.ts';

/** Background jobs ("My jobs"); a finished job notifies its starter. */
export const jobsModule = defineModule({
  name: 'jobs',
  routes: [jobRoutes],
  outboxHandlers: JOB_NOTIFICATION_HANDLERS,
});
