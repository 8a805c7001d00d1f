import { type Actor, isPlatformAdmin } from '../../../access/actor.ts';
import { userPolicy } from '../../../access/admin-policy.ts';
import type { Database } from '../../../db/connection.ts';
import { forbidden, notFound } from '../../../http/errors.ts';

type UserActor = Actor & { userId: string; orgId: string };

export interface ListUsersQuery {
  organisationId?: string;
  q?: string;
  limit: number;
  offset: number;
}

/**
 * The users a manager sees: platform administrators all (or one organisation's), NCPs and
 * deputies their own organisation's; each with their roles and whether the caller may change them.
 */
export async function listUsers(db: Database, a: UserActor, query: ListUsersQuery) {
  const orgId = query.organisationId ?? (isPlatformAdmin(a) ? undefined : a.orgId);
  if (
    !isPlatformAdmin(a) &&
    !(orgId === a.orgId && (a.orgRoles.has('ncp') || a.orgRoles.has('ncp_deputy')))
  ) {
    throw forbidden('Only platform administrators and national contact points list users.');
  }
  let q = db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.status',
      'u.totp_enabled',
      'u.locale',
      'u.organisation_id',
      'o.code as organisation_code',
      'u.locked_until',
      'u.created_at',
    ])
    .where(userPolicy.readable(a, 'u'));
  if (orgId) q = q.where('u.organisation_id', '=', orgId);
  if (query.q) {
    const like = `%${query.q.toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['u.email']), 'like', like),
        eb(eb.fn('lower', ['u.display_name']), 'like', like),
      ]),
    );
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('o.code')
    .orderBy('u.display_name')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const ids = rows.map((u) => u.id);
  const roles = ids.length
    ? await db.selectFrom('role_grants').select(['user_id', 'role']).where('user_id', 'in', ids).execute()
    : [];
  return {
    total: total.n,
    items: rows.map((u) => {
      const held = roles.filter((g) => g.user_id === u.id).map((g) => g.role);
      return {
        ...u,
        roles: held,
        abilities: { update: userPolicy.abilities(a, { ...u, roles: held }).update },
      };
    }),
  };
}

/** People to name as recipients: active users by name (or exact e-mail), name and organisation only. */
export async function searchUserDirectory(db: Database, text: string) {
  const like = `%${text.toLowerCase()}%`;
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.display_name', 'o.code as organisation_code'])
    .where('u.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['u.display_name']), 'like', like),
        eb(eb.fn('lower', ['u.email']), '=', text.toLowerCase()),
      ]),
    )
    .orderBy('u.display_name')
    .limit(20)
    .execute();
  return { items: rows };
}

/** One person as the directory shows them (active users only; 404 otherwise). */
export async function directoryEntry(db: Database, id: string) {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.display_name', 'o.code as organisation_code'])
    .where('u.status', '=', 'active')
    .where('u.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('No active person with this id.');
  return row;
}
