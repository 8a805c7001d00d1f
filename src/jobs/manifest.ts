import { defineModule } from '../modules/manifest.ts';
import { JOB_NOTIFICATION_HANDLERS } from './job-notifications.ts';
import { jobRoutes } from './job-routes.ts';

/** Background jobs ("My jobs"); a finished job notifies its starter. */
export const jobsModule = defineModule({
  name: 'jobs',
  routes: [jobRoutes],
  outboxHandlers: JOB_NOTIFICATION_HANDLERS,
});
