import { verifyPassword } from '../../../auth/crypto.ts';
import { totpRequired } from '../../../auth/login.ts';
import { newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from '../../../auth/totp.ts';
import { change } from '../../../core/change.ts';
import type { Trx } from '../../../core/context.ts';
import type { Database } from '../../../db/connection.ts';
import { badRequest, forbidden, HttpError } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { auditSelf } from './audit-self.ts';

/** Starts TOTP enrolment: a new secret (kept until confirmed) and the URI to scan. */
export async function startTotpEnrolment(db: Database, userId: string) {
  const u = await db
    .selectFrom('users')
    .select(['email', 'totp_enabled'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (u.totp_enabled)
    throw new HttpError(409, 'Conflict', 'TOTP is already active. Disable it first to enrol a new device.');
  const secret = newTotpSecret();
  await db.updateTable('users').set({ totp_secret: secret }).where('id', '=', userId).execute();
  return { secret, uri: totpUri(secret, u.email) };
}

/** Replaces the user's recovery codes with new ones (stored hashed). */
async function storeRecoveryCodes(trx: Trx, userId: string, hashes: string[]) {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await trx
    .insertInto('recovery_codes')
    .values(hashes.map((h) => ({ user_id: userId, code_hash: h })))
    .execute();
}

/** Finishes TOTP enrolment with a first code; the recovery codes are returned once. */
export async function confirmTotpEnrolment(deps: AppDeps, userId: string, code: string) {
  const u = await deps.db
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (u.totp_enabled) throw new HttpError(409, 'Conflict', 'TOTP is already active.');
  if (!u.totp_secret) throw badRequest('Start the enrolment first (POST /account/totp/setup).');
  if (!(await verifyTotp(u.totp_secret, code))) {
    throw badRequest('The code does not match. Check the time on your device and try the next code.', [
      { field: 'body.code', message: 'does not match' },
    ]);
  }
  const { codes, hashes } = newRecoveryCodes();
  await change(deps, async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_enabled: true, updated_at: new Date() })
      .where('id', '=', userId)
      .execute();
    await storeRecoveryCodes(trx, userId, hashes);
    await auditSelf(trx, userId, 'account.totp_enabled');
  });
  return { recoveryCodes: codes };
}

/** Turns TOTP off with the password (refused where a second factor is mandatory). */
export async function disableTotp(deps: AppDeps, userId: string, password: string): Promise<void> {
  if (await totpRequired(deps.db, userId))
    throw forbidden('A second factor is mandatory for platform administrators and NCPs.');
  const u = await deps.db
    .selectFrom('users')
    .select(['password_hash'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(u.password_hash, password))) throw badRequest('The password is wrong.');
  await change(deps, async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_enabled: false, totp_secret: null })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await auditSelf(trx, userId, 'account.totp_disabled');
  });
}

/** New recovery codes for a user with TOTP (the old ones stop working); shown once. */
export async function replaceRecoveryCodes(deps: AppDeps, userId: string) {
  const u = await deps.db
    .selectFrom('users')
    .select(['totp_enabled'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (!u.totp_enabled) throw badRequest('Enrol TOTP first: recovery codes back up the second factor.');
  const { codes, hashes } = newRecoveryCodes();
  await change(deps, async (trx) => {
    await storeRecoveryCodes(trx, userId, hashes);
    await auditSelf(trx, userId, 'account.recovery_codes_replaced');
  });
  return { recoveryCodes: codes };
}
