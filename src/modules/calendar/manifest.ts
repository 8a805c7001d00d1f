import { defineModule } from '../manifest.ts';
import { calendarRoutes } from './calendar-routes.ts';

/** The calendar: gathers the `calendarItems` of every module (GET /calendar, the /calendar page). */
export const calendarModule = defineModule({ name: 'calendar', routes: [calendarRoutes] });
