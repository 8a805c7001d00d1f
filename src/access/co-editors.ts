import type { Kysely } from 'kysely';
import type { Trx } from '../db/connection.ts';
import type { DB } from '../db/schema.ts';
import { badRequest } from '../http/errors.ts';
import { anonymousActor, isReadOnlyOrg } from './actor.ts';
import type { SharedEnvelope } from './shared-record-policy.ts';
import { TLP_RULES } from './tlp.ts';

/**
 * Co-editors of a shared record (any kind): users the owner names, of their own or another
 * administration, who change the content (the policy gives them `update` and, so that they can,
 * reading; src/access/shared-record-policy.ts). Stored in record_editors.
 */
export interface Person {
  id: string;
  display_name: string;
  organisation_code: string;
}

/**
 * Checks the co-editors an owner names: active users who may write (not the Commission, which
 * observes), and under TLP:RED named recipients (the only readers of a RED record).
 */
export async function checkEditors(
  trx: Trx,
  env: Pick<SharedEnvelope, 'tlp' | 'recipients'>,
  userIds: readonly string[],
): Promise<Person[]> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return [];
  const field = 'body.userIds';
  const users = await trx
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.display_name', 'o.code as organisation_code', 'o.type'])
    .where('u.id', 'in', ids)
    .where('u.status', '=', 'active')
    .orderBy('u.display_name')
    .execute();
  const unknown = ids.filter((id) => !users.some((u) => u.id === id));
  if (unknown.length)
    throw badRequest(`Unknown or disabled user: ${unknown.join(', ')}.`, [
      { field, message: `unknown user ${unknown.join(', ')}` },
    ]);
  const readOnly = users.filter((u) => isReadOnlyOrg({ ...anonymousActor, orgType: u.type }));
  if (readOnly.length)
    throw badRequest(`${readOnly.map((u) => u.display_name).join(', ')}: read-only, cannot edit.`, [
      { field, message: 'read-only users cannot edit' },
    ]);
  if (TLP_RULES[env.tlp].namedRecipientsOnly) {
    const outside = users.filter((u) => !env.recipients.includes(u.id));
    if (outside.length)
      throw badRequest(
        `${outside.map((u) => u.display_name).join(', ')}: not a named recipient of this record, so cannot read it. Name them as recipients first.`,
        [{ field, message: 'co-editors of a TLP:RED record must be named recipients' }],
      );
  }
  return users.map(({ type: _, ...u }) => u);
}

/** Replaces the co-editors of a record; returns the ids before and after (for the audit trail). */
export async function replaceEditors(
  trx: Trx,
  kind: string,
  recordId: string,
  addedBy: string,
  userIds: readonly string[],
): Promise<{ before: string[]; after: string[] }> {
  const current = await trx
    .selectFrom('record_editors')
    .select('user_id')
    .where('record_kind', '=', kind)
    .where('record_id', '=', recordId)
    .orderBy('user_id')
    .execute();
  const before = current.map((r) => r.user_id);
  const after = [...new Set(userIds)].sort();
  const removed = before.filter((u) => !after.includes(u));
  const added = after.filter((u) => !before.includes(u));
  if (removed.length)
    await trx
      .deleteFrom('record_editors')
      .where('record_kind', '=', kind)
      .where('record_id', '=', recordId)
      .where('user_id', 'in', removed)
      .execute();
  if (added.length)
    await trx
      .insertInto('record_editors')
      .values(
        added.map((u) => ({
          record_kind: kind,
          record_id: recordId,
          user_id: u,
          added_by: addedBy,
          added_at: new Date(),
        })),
      )
      .execute();
  return { before, after };
}

/** The co-editors of a record, with their names and administrations. */
export async function editorsOf(db: Kysely<DB>, kind: string, recordId: string): Promise<Person[]> {
  return db
    .selectFrom('record_editors as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.display_name', 'o.code as organisation_code'])
    .where('e.record_kind', '=', kind)
    .where('e.record_id', '=', recordId)
    .orderBy('u.display_name')
    .execute();
}
