import { defineWebModule } from '../web-module.ts';
import { BatchPage } from './BatchPage.tsx';
import { FactorPage } from './FactorPage.tsx';
import { ModelPage } from './ModelPage.tsx';
import { RecommendationPage } from './RecommendationPage.tsx';
import { RiskNavItem } from './RiskNav.tsx';
import { RiskPage } from './RiskPage.tsx';

/** Risk analysis: the analyst's workspace, models and scored batches. */
export const riskWebModule = defineWebModule({
  name: 'risk',
  routes: [
    { path: '/risk', element: <RiskPage /> },
    { path: '/risk/models/:id', element: <ModelPage /> },
    { path: '/risk/batches/:id', element: <BatchPage /> },
    { path: '/risk/factors/:id', element: <FactorPage /> },
    { path: '/risk/recommendations/:id', element: <RecommendationPage /> },
  ],
  nav: [{ item: RiskNavItem }],
});
