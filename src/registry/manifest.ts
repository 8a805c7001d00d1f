import type { JobKind } from '../jobs/job-types.ts';
import { defineModule } from '../modules/manifest.ts';
import { registryCalendarItems } from './calendar.ts';
import { codeListRoutes } from './code-list-routes.ts';
import { complianceRoutes } from './compliance-routes.ts';
import { registryHomeTasks, registryHomeTiles } from './home.ts';
import { registryImportJob } from './import/registry-import-job.ts';
import { KINDS } from './kinds/index.ts';
import { tenderOcdsRoutes } from './kinds/procurement/tender-ocds-routes.ts';
import { registryExtraRoutes } from './registry-extra-routes.ts';
import { REGISTRY_NOTIFICATION_HANDLERS } from './registry-notifications.ts';
import { registryRoutes } from './registry-routes.ts';
import { savedFilterRoutes } from './saved-filter-routes.ts';
import { searchRoutes } from './search-routes.ts';
import { registryAuditSentences, registryNotificationSentences } from './sentences.ts';

/** The registry engine: every kind's endpoints, code lists, search, imports and alerts. */
export const registryModule = defineModule({
  name: 'registry',
  // The fixed paths (OCDS, attachments, saved filters, compliance) before the generated ones.
  routes: [
    tenderOcdsRoutes,
    registryExtraRoutes,
    savedFilterRoutes,
    complianceRoutes,
    registryRoutes,
    codeListRoutes,
    searchRoutes,
  ],
  jobKinds: [registryImportJob as JobKind<never, unknown>],
  outboxHandlers: REGISTRY_NOTIFICATION_HANDLERS,
  registryKinds: KINDS,
  calendarItems: (ctx, range) => registryCalendarItems(ctx, range, KINDS),
  homeTiles: (ctx) => registryHomeTiles(ctx, KINDS),
  homeTasks: (ctx) => registryHomeTasks(ctx, KINDS),
  auditSentences: registryAuditSentences(KINDS),
  notificationSentences: registryNotificationSentences(KINDS),
});
