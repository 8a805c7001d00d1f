import { defineModule } from '../manifest.ts';
import { schedulerRoutes } from './scheduler-routes.ts';

/** The scheduler's page for administrators (the tasks themselves come from the modules' manifests). */
export const schedulerModule = defineModule({ name: 'scheduler', routes: [schedulerRoutes] });
