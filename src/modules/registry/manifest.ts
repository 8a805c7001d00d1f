import type { JobKind } from '../../jobs/job-types.ts';
import { approvalRoutes } from '../../registry/approval-routes.ts';
import { coEditorRoutes } from '../../registry/co-editor-routes.ts';
import { codeListRoutes } from '../../registry/code-list-routes.ts';
import { complianceRoutes } from '../../registry/compliance-routes.ts';
import { registryImportJob } from '../../registry/import/registry-import-job.ts';
import { KINDS } from '../../registry/kinds/index.ts';
import { tenderOcdsRoutes } from '../../registry/kinds/procurement/tender-ocds-routes.ts';
import { markingRoutes } from '../../registry/marking-routes.ts';
import { registryExtraRoutes } from '../../registry/registry-extra-routes.ts';
import { REGISTRY_NOTIFICATION_HANDLERS } from '../../registry/registry-notifications.ts';
import { registryRoutes } from '../../registry/registry-routes.ts';
import { savedFilterRoutes } from '../../registry/saved-filter-routes.ts';
import { searchRoutes } from '../../registry/search-routes.ts';
import { threadRoutes } from '../../registry/thread-routes.ts';
import { defineModule } from '../manifest.ts';
import { plainAuditSentences } from '../sentence.ts';
import { registryCalendarItems } from './calendar.ts';
import { registryHomeTasks, registryHomeTiles } from './home.ts';
import { registryAuditSentences, registryNotificationSentences } from './sentences.ts';

/** The registry engine: every kind's endpoints, code lists, search, imports and alerts. */
export const registryModule = defineModule({
  name: 'registry',
  // The fixed paths (OCDS, attachments, co-editors, threads, approvals, markings, saved filters, compliance)
  // before the generated ones.
  routes: [
    tenderOcdsRoutes,
    registryExtraRoutes,
    coEditorRoutes,
    threadRoutes,
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
  registryKinds: KINDS,
  calendarItems: (ctx, range) => registryCalendarItems(ctx, range, KINDS),
  homeTiles: (ctx) => registryHomeTiles(ctx, KINDS),
  homeTasks: (ctx) => registryHomeTasks(ctx, KINDS),
  auditSentences: {
    ...registryAuditSentences(KINDS),
    // Changes of a user's own state (saved filters, alert subscriptions): events about the user.
    ...plainAuditSentences('platform', [
      'saved_filter.saved',
      'saved_filter.deleted',
      'subscription.created',
      'subscription.deleted',
    ]),
  },
  notificationSentences: registryNotificationSentences(KINDS),
});
