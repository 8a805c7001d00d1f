import { defineModule } from '../manifest.ts';
import { accountRoutes } from './account-routes.ts';
import { ACCOUNT_AUDIT_SENTENCES } from './sentences.ts';

/** My account: password, TOTP, recovery codes, API keys, profile. */
export const accountModule = defineModule({
  name: 'account',
  routes: [accountRoutes],
  auditSentences: ACCOUNT_AUDIT_SENTENCES,
});
