import { defineWebModule } from '../web-module.ts';
import { CalendarPage } from './CalendarPage.tsx';

/** The calendar: the dated things of every area the user may read (GET /calendar). */
export const calendarWebModule = defineWebModule({
  name: 'calendar',
  routes: [{ path: '/calendar', element: <CalendarPage /> }],
  nav: [{ to: '/calendar', label: 'calendar.nav' }],
});
