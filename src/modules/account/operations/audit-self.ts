import { recordAudit } from '../../../audit/audit-log.ts';
import type { Trx } from '../../../core/context.ts';

/**
 * An event of the account owner about their own account, written as them (also during TOTP
 * enrolment, before they are fully signed in).
 */
export async function auditSelf(
  trx: Trx,
  userId: string,
  action: string,
  changes?: Record<string, unknown>,
): Promise<void> {
  const u = await trx
    .selectFrom('users')
    .select(['email', 'organisation_id'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  await recordAudit(
    trx,
    {
      kind: 'user',
      userId,
      label: u.email,
      orgId: u.organisation_id,
      orgType: null,
      orgRoles: new Set(),
      networkRoles: new Map(),
      networkCodes: new Map(),
      sharingGroupIds: new Set(),
      scopes: null,
      readOnlyCredential: false,
    },
    { action, recordKind: 'user', recordId: userId, changes: changes ?? {} },
  );
}
