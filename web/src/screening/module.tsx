import { defineWebModule } from '../web-module.ts';
import { ScreeningNavItem } from './ScreeningNav.tsx';
import { ScreeningPage } from './ScreeningPage.tsx';

/** Sanctions screening: one party, files, cases and the review queue, list versions. */
export const screeningWebModule = defineWebModule({
  name: 'screening',
  routes: [{ path: '/screening', element: <ScreeningPage /> }],
  nav: [{ item: ScreeningNavItem }],
});
