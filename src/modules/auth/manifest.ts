import { defineModule } from '../manifest.ts';
import { authRoutes } from './auth-routes.ts';
import { oidcRoutes } from './oidc-routes.ts';
import { passwordResetRoutes } from './password-reset-routes.ts';
import { purgeExpiredSignIns } from './purge-task.ts';
import { AUTH_AUDIT_SENTENCES } from './sentences.ts';

/** Sign-in: password, second factor, password reset, OIDC per administration. */
export const authModule = defineModule({
  name: 'auth',
  routes: [authRoutes, passwordResetRoutes, oidcRoutes],
  scheduledTasks: [purgeExpiredSignIns],
  auditSentences: AUTH_AUDIT_SENTENCES,
});
