import { defineModule } from '../manifest.ts';
import { plainAuditSentences, titledAuditSentences } from '../sentence.ts';
import { privacyRoutes } from './privacy-routes.ts';
import { retentionTask } from './retention.ts';

/** Personal data under control: a person's download of their data, erasure, retention purges. */
export const privacyModule = defineModule({
  name: 'privacy',
  routes: [privacyRoutes],
  scheduledTasks: [retentionTask],
  auditSentences: {
    ...plainAuditSentences('platform', ['account.personal_data_exported']),
    ...titledAuditSentences('platform', ['user.personal_data_erased']),
  },
});
