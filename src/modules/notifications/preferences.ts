import type { Actor } from '../../access/actor.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { change } from '../../core/change.ts';
import type { DigestFrequency } from '../../db/schema.ts';
import type { AppDeps } from '../../route-kit/deps.ts';

export const DIGEST_FREQUENCIES: readonly DigestFrequency[] = ['off', 'daily', 'weekly'];

export interface NotificationPreferences {
  digest: DigestFrequency;
  /** When the last digest e-mail went out (null: never). */
  digestSentAt: Date | null;
}

/** The caller's own notification preferences. */
export async function getPreferences(
  deps: Pick<AppDeps, 'db'>,
  a: Actor & { userId: string },
): Promise<NotificationPreferences> {
  const u = await deps.db
    .selectFrom('users')
    .select(['digest_frequency', 'digest_sent_at'])
    .where('id', '=', a.userId)
    .executeTakeFirstOrThrow();
  return { digest: u.digest_frequency, digestSentAt: u.digest_sent_at };
}

/**
 * Changes how often the caller's digest is e-mailed; a change of personal state, audited with
 * its before and after (an unchanged value writes nothing).
 */
export async function setDigestFrequency(
  deps: AppDeps,
  a: Actor & { userId: string },
  digest: DigestFrequency,
): Promise<NotificationPreferences> {
  await change(deps, async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select('digest_frequency')
      .where('id', '=', a.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (before.digest_frequency === digest) return;
    await trx.updateTable('users').set({ digest_frequency: digest }).where('id', '=', a.userId).execute();
    await recordAudit(trx, a, {
      action: 'notifications.digest_changed',
      recordKind: 'user',
      recordId: a.userId,
      changes: { digest_frequency: { before: before.digest_frequency, after: digest } },
    });
  });
  return getPreferences(deps, a);
}
