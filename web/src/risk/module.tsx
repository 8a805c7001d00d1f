import { defineWebModule } from '../web-module.ts';
import { BatchPage } from './BatchPage.tsx';
import { ModelPage } from './ModelPage.tsx';
import { RiskNavItem } from './RiskNav.tsx';
import { RiskPage } from './RiskPage.tsx';

/** Risk analysis: the analyst's workspace, models and scored batches. */
export const riskWebModule = defineWebModule({
  name: 'risk',
  routes: [
    { path: '/risk', element: <RiskPage /> },
    { path: '/risk/models/:id', element: <ModelPage /> },
    { path: '/risk/batches/:id', element: <BatchPage /> },
  ],
  nav: [{ item: RiskNavItem }],
});
