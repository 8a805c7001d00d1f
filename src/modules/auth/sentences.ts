import { plainAuditSentences, titledAuditSentences } from '../sentence.ts';

/** How the sign-in events read (messages in web/src/i18n/modules/platform.*.json, `platform.audit.*`). */
export const AUTH_AUDIT_SENTENCES = {
  ...plainAuditSentences('platform', ['auth.signed_in', 'auth.oidc_denied']),
  // About a user: their name where the reader may read the event's details.
  ...titledAuditSentences('platform', [
    'auth.failed',
    'auth.second_factor_failed',
    'auth.locked',
    'auth.password_reset_requested',
    'auth.password_reset',
    'auth.api_keys_revoked',
    'auth.oidc_linked',
  ]),
};
