import { defineModule } from '../manifest.ts';
import { accountApiKeyRoutes } from './account-api-key-routes.ts';
import { accountProfileRoutes } from './account-profile-routes.ts';
import { accountSecurityRoutes } from './account-security-routes.ts';
import { ACCOUNT_AUDIT_SENTENCES } from './sentences.ts';

/** My account: password, TOTP, recovery codes, API keys, profile. */
export const accountModule = defineModule({
  name: 'account',
  routes: [accountSecurityRoutes, accountApiKeyRoutes, accountProfileRoutes],
  auditSentences: ACCOUNT_AUDIT_SENTENCES,
});
