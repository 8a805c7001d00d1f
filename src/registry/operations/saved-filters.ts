import { recordAudit } from '../../audit/audit-log.ts';
import { change } from '../../core/change.ts';
import type { Database } from '../../db/connection.ts';
import { notFound } from '../../http/errors.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import type { KindDefinition } from '../definition.ts';
import type { UserActor } from './types.ts';

/**
 * Saved filters of registry lists, per user and kind: a name and the list's query string. Only
 * their owner sees them; applying one runs the list through the policy as any list does, so a
 * saved filter never widens access. Saving and deleting are changes of the user's own state:
 * each writes an audit event about the user (`saved_filter.saved` / `saved_filter.deleted`).
 */
export async function listSavedFilters(db: Database, a: UserActor, kind: KindDefinition) {
  const items = await db
    .selectFrom('registry_saved_filters')
    .select(['id', 'name', 'query', 'created_at'])
    .where('user_id', '=', a.userId)
    .where('kind', '=', kind.name)
    .orderBy('name')
    .execute();
  return { items };
}

/** Saves a list's query under a name (the same name replaces it). */
export function saveFilter(
  deps: AppDeps,
  a: UserActor,
  kind: KindDefinition,
  input: { name: string; query: string },
) {
  const query = input.query.replace(/^\?/, '');
  return change(deps, async (trx) => {
    const before = await trx
      .selectFrom('registry_saved_filters')
      .select('query')
      .where('user_id', '=', a.userId)
      .where('kind', '=', kind.name)
      .where('name', '=', input.name)
      .executeTakeFirst();
    const row = await trx
      .insertInto('registry_saved_filters')
      .values({ user_id: a.userId, kind: kind.name, name: input.name, query, created_at: new Date() })
      .onConflict((oc) => oc.columns(['user_id', 'kind', 'name']).doUpdateSet({ query }))
      .returning(['id', 'name', 'query', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, a, {
      action: 'saved_filter.saved',
      recordKind: 'user',
      recordId: a.userId,
      changes: {
        kind: { before: null, after: kind.name },
        name: { before: null, after: input.name },
        query: { before: before?.query ?? null, after: query },
      },
    });
    return row;
  });
}

/** Deletes one of the caller's saved filters (404 when it is not theirs). */
export async function deleteSavedFilter(
  deps: AppDeps,
  a: UserActor,
  kind: KindDefinition,
  input: { id: string },
) {
  await change(deps, async (trx) => {
    const done = await trx
      .deleteFrom('registry_saved_filters')
      .where('id', '=', input.id)
      .where('user_id', '=', a.userId)
      .where('kind', '=', kind.name)
      .returning(['name', 'query'])
      .executeTakeFirst();
    if (!done) throw notFound();
    await recordAudit(trx, a, {
      action: 'saved_filter.deleted',
      recordKind: 'user',
      recordId: a.userId,
      changes: {
        kind: { before: kind.name, after: null },
        name: { before: done.name, after: null },
        query: { before: done.query, after: null },
      },
    });
  });
}
