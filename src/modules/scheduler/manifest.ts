import { defineModule } from '../manifest.ts';
import { schedulerCalendarItems, schedulerHomeTasks } from './home.ts';
import { schedulerRoutes } from './scheduler-routes.ts';

/**
 * The scheduler's page for administrators (the tasks themselves come from the modules'
 * manifests); administrators also see each task's next run in the calendar and failed runs on
 * their home page.
 */
export const schedulerModule = defineModule({
  name: 'scheduler',
  routes: [schedulerRoutes],
  calendarItems: schedulerCalendarItems,
  homeTasks: schedulerHomeTasks,
});
