import { defineWebModule } from '../web-module.ts';
import { InnovationPage } from './InnovationPage.tsx';

/** The innovation area (issue 15): initiatives by domain × readiness level, common initiatives, who else works on this. */
export const innovationWebModule = defineWebModule({
  name: 'innovation',
  routes: [{ path: '/innovation', element: <InnovationPage /> }],
  nav: [{ to: '/innovation', label: 'innovation.nav' }],
});
