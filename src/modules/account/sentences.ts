import { plainAuditSentences } from '../sentence.ts';

/** How a user's changes to their own account read (`platform.audit.*`). */
export const ACCOUNT_AUDIT_SENTENCES = plainAuditSentences('platform', [
  'account.password_changed',
  'account.totp_enabled',
  'account.totp_disabled',
  'account.recovery_codes_replaced',
  'account.api_key_created',
  'account.api_key_revoked',
  'account.profile_changed',
]);
