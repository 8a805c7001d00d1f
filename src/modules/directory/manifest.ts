import { defineModule } from '../manifest.ts';
import { plainAuditSentences } from '../sentence.ts';
import { directoryRoutes } from './directory-routes.ts';

/** The directory: who is who, with the contact details each person chose to show. */
export const directoryModule = defineModule({
  name: 'directory',
  routes: [directoryRoutes],
  auditSentences: plainAuditSentences('platform', ['directory.entry_changed']),
});
