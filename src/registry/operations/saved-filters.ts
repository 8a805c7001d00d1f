import type { Database } from '../../db/connection.ts';
import { notFound } from '../../http/errors.ts';
import type { KindDefinition } from '../definition.ts';
import type { UserActor } from './types.ts';

/**
 * Saved filters of registry lists, per user and kind: a name and the list's query string. Only
 * their owner sees them; applying one runs the list through the policy as any list does, so a
 * saved filter never widens access.
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
  db: Database,
  a: UserActor,
  kind: KindDefinition,
  input: { name: string; query: string },
) {
  const query = input.query.replace(/^\?/, '');
  return db
    .insertInto('registry_saved_filters')
    .values({ user_id: a.userId, kind: kind.name, name: input.name, query, created_at: new Date() })
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'name']).doUpdateSet({ query }))
    .returning(['id', 'name', 'query', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** Deletes one of the caller's saved filters (404 when it is not theirs). */
export async function deleteSavedFilter(
  db: Database,
  a: UserActor,
  kind: KindDefinition,
  input: { id: string },
) {
  const done = await db
    .deleteFrom('registry_saved_filters')
    .where('id', '=', input.id)
    .where('user_id', '=', a.userId)
    .where('kind', '=', kind.name)
    .returning('id')
    .executeTakeFirst();
  if (!done) throw notFound();
}
