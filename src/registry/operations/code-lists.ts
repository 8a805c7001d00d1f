import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { canManageOrganisations } from '../../access/admin-policy.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { change } from '../../core/change.ts';
import type { Database } from '../../db/connection.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import type { ChangeDeps, UserActor } from './types.ts';

/** Labels by language (English required). */
export type CodeLabels = Partial<Record<string, string>>;

/** Every code list with its version and number of codes; platform administrators may extend them. */
export async function listCodeLists(db: Database, a: Actor) {
  const rows = await db
    .selectFrom('code_lists as l')
    .select((eb) => [
      'l.name',
      'l.labels',
      'l.version',
      'l.updated_at',
      eb
        .selectFrom('code_list_entries as e')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('e.list', '=', 'l.name')
        .as('codes'),
    ])
    .orderBy('l.name')
    .execute();
  return { items: rows, abilities: { extend: canManageOrganisations(a) } };
}

/** The codes of one list (active ones unless asked for all). */
export async function getCodeList(db: Database, input: { name: string; includeInactive: boolean }) {
  const list = await db
    .selectFrom('code_lists')
    .selectAll()
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (!list) throw notFound('No such code list.');
  let q = db
    .selectFrom('code_list_entries')
    .select(['code', 'labels', 'meta', 'active', 'since_version'])
    .where('list', '=', list.name);
  if (!input.includeInactive) q = q.where('active', '=', true);
  return { ...list, codes: await q.orderBy('code').execute() };
}

/** Adds a code to a list (platform administrators); the list's version goes up. */
export async function addCode(
  deps: ChangeDeps,
  a: UserActor,
  input: { name: string; code: string; labels: CodeLabels; meta: Record<string, unknown> },
) {
  if (!canManageOrganisations(a)) throw forbidden('Only platform administrators extend code lists.');
  return change(deps, async (trx) => {
    const list = await trx
      .selectFrom('code_lists')
      .selectAll()
      .where('name', '=', input.name)
      .forUpdate()
      .executeTakeFirst();
    if (!list) throw notFound('No such code list.');
    const exists = await trx
      .selectFrom('code_list_entries')
      .select('code')
      .where('list', '=', list.name)
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (exists) throw conflict(`The code ${input.code} is already in ${list.name}.`);
    const version = list.version + 1;
    await trx
      .updateTable('code_lists')
      .set({ version, updated_at: sql`now()` as never })
      .where('name', '=', list.name)
      .execute();
    await trx
      .insertInto('code_list_entries')
      .values({
        list: list.name,
        code: input.code,
        labels: JSON.stringify(input.labels),
        meta: JSON.stringify(input.meta),
        since_version: version,
      })
      .execute();
    await recordAudit(trx, a, {
      action: 'code_list.code_added',
      recordKind: 'code_list',
      recordId: list.name,
      changes: { code: input.code, labels: input.labels, version },
    });
    return { list: list.name, code: input.code, version };
  });
}

/** Relabels or deactivates a code (platform administrators); the list's version goes up. */
export async function changeCode(
  deps: ChangeDeps,
  a: UserActor,
  input: { name: string; code: string; labels?: CodeLabels | undefined; active?: boolean | undefined },
) {
  if (!canManageOrganisations(a)) throw forbidden('Only platform administrators change code lists.');
  return change(deps, async (trx) => {
    const before = await trx
      .selectFrom('code_list_entries')
      .selectAll()
      .where('list', '=', input.name)
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (!before) throw notFound('No such code.');
    const list = await trx
      .selectFrom('code_lists')
      .select('version')
      .where('name', '=', input.name)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const version = list.version + 1;
    await trx.updateTable('code_lists').set({ version }).where('name', '=', input.name).execute();
    await trx
      .updateTable('code_list_entries')
      .set({
        ...(input.labels ? { labels: JSON.stringify(input.labels) } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      })
      .where('list', '=', input.name)
      .where('code', '=', input.code)
      .execute();
    await recordAudit(trx, a, {
      action: 'code_list.code_changed',
      recordKind: 'code_list',
      recordId: input.name,
      changes: {
        code: input.code,
        labels: { before: before.labels, after: input.labels ?? before.labels },
        active: { before: before.active, after: input.active ?? before.active },
        version,
      },
    });
    return { list: input.name, code: input.code, version };
  });
}
