import type { Actor } from '../../../access/actor.ts';
import {
  canManageOrganisations,
  canManageUsersOf,
  canSetIatiIdentifier,
} from '../../../access/admin-policy.ts';
import { diffFields, recordAudit } from '../../../audit/audit-log.ts';
import { change } from '../../../core/change.ts';
import type { Database } from '../../../db/connection.ts';
import type { OrgType } from '../../../db/schema.ts';
import { forbidden, notFound } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';

/** The kinds of organisation on the platform. */
export const ORG_TYPES = ['national_administration', 'commission', 'eucab_body', 'eucab_unit'] as const;

export interface NewOrganisation {
  code: string;
  type: OrgType;
  name: string;
  names: Record<string, string>;
  countryCode: string | null;
}

/** Every organisation with its number of active users and what the caller may do with it. */
export async function listOrganisations(db: Database, a: Actor, query: { type?: OrgType }) {
  let q = db
    .selectFrom('organisations as o')
    .select((eb) => [
      'o.id',
      'o.code',
      'o.type',
      'o.name',
      'o.names',
      'o.country_code',
      'o.is_demo',
      'o.iati_org_id',
      eb
        .selectFrom('users')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('users.organisation_id', '=', 'o.id')
        .where('users.status', '=', 'active')
        .as('user_count'),
    ])
    .orderBy('o.type')
    .orderBy('o.name');
  if (query.type) q = q.where('o.type', '=', query.type);
  const rows = await q.execute();
  return {
    items: rows.map((o) => ({
      ...o,
      abilities: {
        manageUsers: canManageUsersOf(a, o.id),
        update: canManageOrganisations(a),
        setIatiIdentifier: canSetIatiIdentifier(a, o.id),
      },
    })),
    abilities: { create: canManageOrganisations(a) },
  };
}

/** One organisation with its active NCPs and deputies as contacts. */
export async function getOrganisation(db: Database, a: Actor, id: string) {
  const o = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!o) throw notFound();
  const ncps = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['u.id', 'u.display_name', 'g.role'])
    .where('g.organisation_id', '=', o.id)
    .where('g.role', 'in', ['ncp', 'ncp_deputy'])
    .where('u.status', '=', 'active')
    .execute();
  return {
    ...o,
    contacts: ncps,
    abilities: {
      manageUsers: canManageUsersOf(a, o.id),
      update: canManageOrganisations(a),
      setIatiIdentifier: canSetIatiIdentifier(a, o.id),
    },
  };
}

/** Creates an organisation (platform administrators). */
export async function createOrganisation(deps: AppDeps, a: Actor, b: NewOrganisation) {
  if (!canManageOrganisations(a)) throw forbidden('Only platform administrators create organisations.');
  return change(deps, async (trx) => {
    const o = await trx
      .insertInto('organisations')
      .values({
        code: b.code,
        type: b.type,
        name: b.name,
        names: JSON.stringify(b.names),
        country_code: b.countryCode,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, a, {
      action: 'organisation.created',
      recordKind: 'organisation',
      recordId: o.id,
      organisationId: o.id,
      changes: diffFields(null, { code: o.code, type: o.type, name: o.name }, ['code', 'type', 'name']),
    });
    return o;
  });
}

/** Renames an organisation (platform administrators). */
export async function updateOrganisation(
  deps: AppDeps,
  a: Actor,
  id: string,
  b: { name?: string; names?: Record<string, string> },
) {
  if (!canManageOrganisations(a)) throw forbidden('Only platform administrators change organisations.');
  return change(deps, async (trx) => {
    const before = await trx
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound();
    const next = { name: b.name ?? before.name, names: b.names ?? before.names };
    const o = await trx
      .updateTable('organisations')
      .set({ name: next.name, names: JSON.stringify(next.names) })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, a, {
      action: 'organisation.updated',
      recordKind: 'organisation',
      recordId: o.id,
      organisationId: o.id,
      changes: diffFields(before, o, ['name', 'names']),
    });
    return o;
  });
}
