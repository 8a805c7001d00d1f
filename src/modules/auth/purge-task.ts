import { sql } from 'kysely';
import { defineScheduledTask } from '../../scheduler/scheduled-task.ts';

/**
 * Sign-in records nobody needs any more: ended sessions, spent or expired password-reset links
 * (kept a day for support questions), and sign-in slowing counters whose wait ended long ago.
 */
export const purgeExpiredSignIns = defineScheduledTask({
  name: 'auth.purge-expired',
  description:
    'Deletes ended sessions, spent or expired password-reset links and forgotten sign-in counters.',
  everyMinutes: 60,
  async run({ db, now, config }) {
    const sessions = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
    const dayAgo = new Date(now.getTime() - 24 * 3600_000);
    const resets = await db
      .deleteFrom('password_resets')
      .where((eb) => eb.or([eb('expires_at', '<', dayAgo), eb('used_at', '<', dayAgo)]))
      .executeTakeFirst();
    // A counter is forgotten LOGIN_LOCK_MINUTES after its wait ended (login-throttle.ts): one whose
    // wait ended twice that long ago (and at least a day ago) slows nobody down any more.
    const forgotten = new Date(
      now.getTime() - Math.max(24 * 3600_000, 2 * config.LOGIN_LOCK_MINUTES * 60_000),
    );
    const counters = await sql`DELETE FROM login_throttle WHERE next_allowed_at < ${forgotten}`.execute(db);
    return `${Number(sessions.numDeletedRows)} sessions, ${Number(resets.numDeletedRows)} reset links, ${Number(counters.numAffectedRows ?? 0)} sign-in counters deleted`;
  },
});
