import { defineWebModule } from '../web-module.ts';
import { IntegrityPage } from './IntegrityPage.tsx';

/** The integrity area (issue 12): trends and gaps over initiatives, codes of conduct, lessons learned and the self-assessment. */
export const integrityWebModule = defineWebModule({
  name: 'integrity',
  routes: [{ path: '/integrity', element: <IntegrityPage /> }],
  nav: [{ to: '/integrity', label: 'integrity.nav' }],
});
