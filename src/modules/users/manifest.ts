import type { JobKind } from '../../jobs/job-types.ts';
import { defineModule } from '../manifest.ts';
import { USERS_AUDIT_SENTENCES } from './sentences.ts';
import { userImportJob } from './user-import-job.ts';
import { userImportRoutes } from './user-import-routes.ts';
import { userRoleRoutes } from './user-role-routes.ts';
import { userRoutes } from './user-routes.ts';

/** Users and organisation roles, and their CSV import. */
export const usersModule = defineModule({
  name: 'users',
  routes: [userRoutes, userRoleRoutes, userImportRoutes],
  jobKinds: [userImportJob as JobKind<never, unknown>],
  auditSentences: USERS_AUDIT_SENTENCES,
});
