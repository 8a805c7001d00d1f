import type { Actor } from '../../../access/actor.ts';
import { canReadDirectory, directoryEntryPolicy } from '../../../access/directory-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import type { DirectoryEntryBody } from '../../../contract/directory.ts';
import { change } from '../../../core/change.ts';
import type { Database } from '../../../db/connection.ts';
import { forbidden, unauthorized } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';

async function entryOf(db: Database, userId: string) {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('directory_entries as d', 'd.user_id', 'u.id')
    .select(['u.email', 'u.display_name', 'd.job_title', 'd.phone', 'd.languages', 'd.shown', 'd.updated_at'])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    name: row.display_name,
    email: row.email,
    jobTitle: row.job_title ?? '',
    phone: row.phone ?? '',
    languages: row.languages ?? [],
    shown: row.shown ?? [],
    updatedAt: row.updated_at,
  };
}

/** My directory entry: every value I keep and which of them the members see. */
export async function getMyEntry(db: Database, a: Actor) {
  if (!canReadDirectory(a) || !a.userId) throw unauthorized();
  const { update } = directoryEntryPolicy.abilities(a, { userId: a.userId, active: true });
  return { ...(await entryOf(db, a.userId)), abilities: { update } };
}

/**
 * Replaces my entry (values and what is shown); the audit event, about me, lists what changed.
 * A repeat that changes nothing writes nothing.
 */
export async function updateMyEntry(deps: AppDeps, a: Actor, body: DirectoryEntryBody) {
  if (!canReadDirectory(a) || !a.userId) throw unauthorized();
  if (!directoryEntryPolicy.abilities(a, { userId: a.userId, active: true }).update)
    throw forbidden('Edit your directory entry in the browser, not with an API key.');
  const userId = a.userId;
  const before = await entryOf(deps.db, userId);
  const after = {
    jobTitle: body.jobTitle,
    phone: body.phone,
    languages: [...new Set(body.languages)],
    shown: [...new Set(body.shown)].sort(),
  };
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const k of ['jobTitle', 'phone', 'languages', 'shown'] as const) {
    const b = k === 'shown' ? [...before.shown].sort() : before[k];
    if (JSON.stringify(b) !== JSON.stringify(after[k])) changes[k] = { before: b, after: after[k] };
  }
  if (Object.keys(changes).length === 0) return getMyEntry(deps.db, a);
  await change(deps, async (trx) => {
    const values = {
      job_title: after.jobTitle,
      phone: after.phone,
      languages: after.languages,
      shown: after.shown,
      updated_at: new Date(),
    };
    await trx
      .insertInto('directory_entries')
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute();
    await recordAudit(trx, a, {
      action: 'directory.entry_changed',
      recordKind: 'user',
      recordId: userId,
      organisationId: a.orgId,
      changes,
    });
  });
  return getMyEntry(deps.db, a);
}
