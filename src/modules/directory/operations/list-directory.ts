import { sql } from 'kysely';
import type { Actor } from '../../../access/actor.ts';
import {
  canReadDirectory,
  directoryAbilities,
  directoryEntryPolicy,
  shownDetails,
} from '../../../access/directory-policy.ts';
import type { DirectoryPerson } from '../../../contract/directory.ts';
import type { Database } from '../../../db/connection.ts';
import { unauthorized } from '../../../http/errors.ts';

export interface DirectoryFilters {
  organisation?: string | undefined;
  network?: string | undefined;
  role?: 'ncp' | 'ncp_deputy' | 'coordinator' | 'expert' | 'observer' | undefined;
  q?: string | undefined;
  sort: 'name' | '-name' | 'organisation' | '-organisation';
}

/**
 * The entries the reader may read (directoryEntryPolicy: active people, signed-in readers) matching
 * the filters (name, organisation, role; the search sees only shown details).
 */
function peopleQuery(db: Database, a: Actor, f: DirectoryFilters) {
  let q = db
    .selectFrom('directory_entries as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .where(directoryEntryPolicy.readable(a, 'd'));
  if (f.organisation) q = q.where('o.code', '=', f.organisation);
  const networkRole =
    f.role === 'coordinator' || f.role === 'expert' || f.role === 'observer' ? f.role : null;
  if (f.network || networkRole)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('network_memberships as m')
          .innerJoin('networks as n', 'n.id', 'm.network_id')
          .select(sql`1`.as('one'))
          .whereRef('m.user_id', '=', 'u.id')
          .where('m.status', '=', 'active')
          .$if(!!f.network, (s) => s.where('n.code', '=', f.network!))
          .$if(!!networkRole, (s) => s.where('m.role', '=', networkRole!)),
      ),
    );
  if (f.role === 'ncp' || f.role === 'ncp_deputy')
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grants as g')
          .select(sql`1`.as('one'))
          .whereRef('g.user_id', '=', 'u.id')
          .whereRef('g.organisation_id', '=', 'u.organisation_id')
          .where('g.role', '=', f.role as 'ncp'),
      ),
    );
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('u.display_name', 'ilike', like),
        eb('o.name', 'ilike', like),
        eb('o.code', 'ilike', like),
        eb.and([sql<boolean>`'job_title' = ANY(d.shown)`, eb('d.job_title', 'ilike', like)]),
        eb.and([sql<boolean>`'email' = ANY(d.shown)`, eb('u.email', 'ilike', like)]),
      ]),
    );
  }
  return q;
}

/** The people of a page of the directory, with their roles and the details they show. */
async function present(db: Database, rows: Row[]): Promise<DirectoryPerson[]> {
  const ids = rows.map((r) => r.id);
  const [grants, memberships] = ids.length
    ? await Promise.all([
        db
          .selectFrom('role_grants as g')
          .innerJoin('users as u', (j) =>
            j.onRef('u.id', '=', 'g.user_id').onRef('u.organisation_id', '=', 'g.organisation_id'),
          )
          .select(['g.user_id', 'g.role'])
          .where('g.user_id', 'in', ids)
          .where('g.role', 'in', ['ncp', 'ncp_deputy', 'platform_admin'])
          .orderBy('g.role')
          .execute(),
        db
          .selectFrom('network_memberships as m')
          .innerJoin('networks as n', 'n.id', 'm.network_id')
          .select(['m.user_id', 'm.role', 'n.code', 'n.name'])
          .where('m.user_id', 'in', ids)
          .where('m.status', '=', 'active')
          .orderBy('n.code')
          .execute(),
      ])
    : [[], []];
  return rows.map((r) => {
    const shown = shownDetails(r.shown ?? []);
    return {
      userId: r.id,
      name: r.display_name,
      organisation: { code: r.org_code, name: r.org_name, type: r.org_type },
      orgRoles: grants.filter((g) => g.user_id === r.id).map((g) => g.role),
      networks: memberships
        .filter((m) => m.user_id === r.id)
        .map((m) => ({ code: m.code, name: m.name, role: m.role })),
      email: shown.has('email') ? r.email : null,
      phone: shown.has('phone') && r.phone ? r.phone : null,
      jobTitle: shown.has('job_title') && r.job_title ? r.job_title : null,
      languages: shown.has('languages') && r.languages?.length ? r.languages : null,
    };
  });
}

interface Row {
  id: string;
  display_name: string;
  email: string;
  org_code: string;
  org_name: string;
  org_type: string;
  job_title: string | null;
  phone: string | null;
  languages: string[] | null;
  shown: string[] | null;
}

function selectPeople(db: Database, a: Actor, f: DirectoryFilters) {
  const desc = f.sort.startsWith('-');
  const byOrg = f.sort.endsWith('organisation');
  return peopleQuery(db, a, f)
    .select([
      'u.id',
      'u.display_name',
      'u.email',
      'o.code as org_code',
      'o.name as org_name',
      'o.type as org_type',
      'd.job_title',
      'd.phone',
      'd.languages',
      'd.shown',
    ])
    .$if(byOrg, (q) => q.orderBy('o.code', desc ? 'desc' : 'asc'))
    .orderBy('u.display_name', desc && !byOrg ? 'desc' : 'asc')
    .orderBy('u.id');
}

/**
 * A page of the directory for a signed-in reader (401 otherwise): every active person's name,
 * organisation, roles in it and in the networks, and the contact details they chose to show.
 */
export async function listDirectory(
  db: Database,
  a: Actor,
  f: DirectoryFilters & { limit: number; offset: number },
) {
  if (!canReadDirectory(a)) throw unauthorized();
  const [rows, total] = await Promise.all([
    selectPeople(db, a, f).limit(f.limit).offset(f.offset).execute(),
    peopleQuery(db, a, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: await present(db, rows as Row[]),
    total: Number(total.n),
    abilities: directoryAbilities(a),
  };
}

/** Every person matching the filters (at most `max`), for the export. */
export async function directoryRows(db: Database, a: Actor, f: DirectoryFilters, max = 10_000) {
  if (!canReadDirectory(a)) throw unauthorized();
  return present(db, (await selectPeople(db, a, f).limit(max).execute()) as Row[]);
}
