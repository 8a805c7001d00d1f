import type { JobKind } from '../jobs/job-types.ts';
import { defineModule } from '../modules/manifest.ts';
import { approvalRoutes } from './approval-routes.ts';
import { coEditorRoutes } from './co-editor-routes.ts';
import { codeListRoutes } from './code-list-routes.ts';
import { complianceRoutes } from './compliance-routes.ts';
import { registryImportJob } from './import/registry-import-job.ts';
import { tenderOcdsRoutes } from './kinds/procurement/tender-ocds-routes.ts';
import { markingRoutes } from './marking-routes.ts';
import { registryExtraRoutes } from './registry-extra-routes.ts';
import { REGISTRY_NOTIFICATION_HANDLERS } from './registry-notifications.ts';
import { registryRoutes } from './registry-routes.ts';
import { savedFilterRoutes } from './saved-filter-routes.ts';
import { searchRoutes } from './search-routes.ts';

/** The registry engine: every kind's endpoints, code lists, search, imports and alerts. */
export const registryModule = defineModule({
  name: 'registry',
  // The fixed paths (OCDS, attachments, co-editors, approvals, markings, saved filters, compliance)
  // before the generated ones.
  routes: [
    tenderOcdsRoutes,
    registryExtraRoutes,
    coEditorRoutes,
    approvalRoutes,
    markingRoutes,
    savedFilterRoutes,
    complianceRoutes,
    registryRoutes,
    codeListRoutes,
    searchRoutes,
  ],
  jobKinds: [registryImportJob as JobKind<never, unknown>],
  outboxHandlers: REGISTRY_NOTIFICATION_HANDLERS,
});
