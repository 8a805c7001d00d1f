import type { Actor } from '../../access/actor.ts';
import { checkEditors, editorsOf, replaceEditors } from '../../access/co-editors.ts';
import { sharedAbilities } from '../../access/shared-record-policy.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { change } from '../../core/change.ts';
import type { Trx } from '../../core/context.ts';
import type { Database } from '../../db/connection.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { KIND, loadEnvelope } from './announcement-queries.ts';

/** The co-editors of an announcement (e.g. its translators) and whether the caller may change them. */
export async function announcementEditorsView(db: Database, a: Actor, id: string) {
  const env = await loadEnvelope(db, id);
  const can = env && sharedAbilities(a, env);
  if (!env || !can?.read) throw notFound();
  return { items: await editorsOf(db, KIND, id), abilities: { editors: can.editors } };
}

/** Replaces the co-editors of an announcement (its author, or the NCP / deputy); audited with both lists. */
export function changeAnnouncementEditors(
  deps: Pick<AppDeps, 'db' | 'outbox'>,
  a: Actor & { userId: string },
  id: string,
  userIds: readonly string[],
) {
  return change(deps, (trx) => replaceAnnouncementEditors(trx, a, id, userIds));
}

async function replaceAnnouncementEditors(
  trx: Trx,
  a: Actor & { userId: string },
  id: string,
  userIds: readonly string[],
) {
  const env = await loadEnvelope(trx, id);
  const can = env && sharedAbilities(a, env);
  if (!env || !can?.read) throw notFound();
  if (!can.editors)
    throw forbidden(
      "You may read this announcement but not name its co-editors: its author or the owning administration's NCP does.",
    );
  const people = await checkEditors(trx, env, userIds);
  const { before, after } = await replaceEditors(
    trx,
    KIND,
    id,
    a.userId,
    people.map((p) => p.id),
  );
  if (before.join() !== after.join())
    await recordAudit(trx, a, {
      action: 'announcement.editors_changed',
      recordKind: KIND,
      recordId: id,
      organisationId: env.owner_org_id,
      changes: { editors: { before, after } },
    });
  return { items: await editorsOf(trx, KIND, id), abilities: { editors: can.editors } };
}
