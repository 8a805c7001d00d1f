import { systemActor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { randomToken, sha256 } from '../auth/crypto.ts';
import type { Config } from '../config/config.ts';
import type { Database } from '../db/connection.ts';
import { emailIs } from '../db/email.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/**
 * Creates the first platform administrator of a real deployment. Refused once any platform
 * administrator exists (later ones are granted in the platform). Returns a one-time link to set
 * the password; TOTP enrolment is enforced at the first sign-in.
 */
export async function bootstrapAdmin(db: Database, config: Config, input: { email: string; name: string }) {
  if (!EMAIL.test(input.email)) throw new Error(`"${input.email}" is not an e-mail address.`);
  if (!input.name.trim()) throw new Error('The name is empty.');
  const support = await db
    .selectFrom('organisations')
    .select('id')
    .where('code', '=', 'EUCAB-SU')
    .executeTakeFirstOrThrow();
  const token = randomToken(32);
  await db.transaction().execute(async (trx) => {
    const admin = await trx
      .selectFrom('role_grants')
      .select('id')
      .where('role', '=', 'platform_admin')
      .executeTakeFirst();
    if (admin)
      throw new Error('A platform administrator already exists: grant the role in the platform instead.');
    const taken = await trx.selectFrom('users').select('id').where(emailIs(input.email)).executeTakeFirst();
    if (taken) throw new Error('A user with this e-mail address already exists.');
    const u = await trx
      .insertInto('users')
      .values({ email: input.email, display_name: input.name.trim(), organisation_id: support.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('role_grants')
      .values({ user_id: u.id, organisation_id: support.id, role: 'platform_admin' })
      .execute();
    await trx
      .insertInto('password_resets')
      .values({ token_hash: sha256(token), user_id: u.id, expires_at: new Date(Date.now() + 24 * 3_600_000) })
      .execute();
    await recordAudit(trx, systemActor('bootstrap-admin'), {
      action: 'user.bootstrap_admin',
      recordKind: 'user',
      recordId: u.id,
      organisationId: support.id,
      changes: { email: { after: input.email }, role: 'platform_admin' },
    });
  });
  return { resetLink: `${config.publicUrl}/reset-password?token=${token}` };
}
