import type { Database } from '../../db/connection.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import type { KindDefinition } from '../definition.ts';
import type { UserActor } from './types.ts';

/** The caller's alert subscriptions. */
export async function listSubscriptions(db: Database, a: UserActor) {
  return {
    items: await db
      .selectFrom('registry_subscriptions')
      .selectAll()
      .where('user_id', '=', a.userId)
      .orderBy('created_at')
      .execute(),
  };
}

/**
 * Subscribes the caller to alerts on a kind: every publication, or those whose filter field starts
 * with a prefix. Subscribing twice answers `{ duplicate: true }`. What an alert may tell is decided
 * when it is sent (registry-notifications.ts), through the policy.
 */
export async function subscribe(
  db: Database,
  a: UserActor,
  kind: KindDefinition,
  input: { field?: string | undefined; prefix?: string | undefined },
) {
  if ((input.field === undefined) !== (input.prefix === undefined))
    throw badRequest('Give both field and prefix, or neither.');
  if (input.field && !kind.filters.includes(input.field)) {
    throw badRequest(`Alerts can match on ${kind.filters.join(', ')}.`, [
      { field: 'body.field', message: 'not a filter of this kind' },
    ]);
  }
  const row = await db
    .insertInto('registry_subscriptions')
    .values({
      user_id: a.userId,
      kind: kind.name,
      field: input.field ?? null,
      prefix: input.prefix ?? null,
      created_at: new Date(),
    })
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'field', 'prefix']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ?? { duplicate: true };
}

/** Stops one of the caller's subscriptions (404 when it is not theirs). */
export async function unsubscribe(db: Database, a: UserActor, input: { id: string }) {
  const done = await db
    .deleteFrom('registry_subscriptions')
    .where('id', '=', input.id)
    .where('user_id', '=', a.userId)
    .returning('id')
    .executeTakeFirst();
  if (!done) throw notFound();
}
