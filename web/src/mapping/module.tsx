import { defineWebModule } from '../web-module.ts';
import { CampaignPage } from './CampaignPage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { MappingPage } from './MappingPage.tsx';
import { OpenCampaignPage } from './OpenCampaignPage.tsx';
import { ResponsePage } from './ResponsePage.tsx';
import { ResultsPage } from './ResultsPage.tsx';
import { VersionPage } from './VersionPage.tsx';

/** Mapping exercises: questionnaires (XLSForm), campaigns, responses and results (issue 11). */
export const mappingWebModule = defineWebModule({
  name: 'mapping',
  routes: [
    { path: '/mapping', element: <MappingPage /> },
    { path: '/mapping/import', element: <ImportPage /> },
    { path: '/mapping/questionnaires/:id/versions/:version', element: <VersionPage /> },
    { path: '/mapping/campaigns/new', element: <OpenCampaignPage /> },
    { path: '/mapping/campaigns/:id', element: <CampaignPage /> },
    { path: '/mapping/campaigns/:id/results', element: <ResultsPage /> },
    { path: '/mapping/responses/:id', element: <ResponsePage /> },
  ],
  nav: [{ to: '/mapping', label: 'mapping.nav' }],
});
