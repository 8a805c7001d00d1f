import { recordAudit } from '../../audit/audit-log.ts';
import { change } from '../../core/change.ts';
import type { Database } from '../../db/connection.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
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
 * when it is sent (registry-notifications.ts), through the policy. Subscribing and stopping are
 * changes of the user's own state: each writes an audit event about the user.
 */
export async function subscribe(
  deps: AppDeps,
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
  return change(deps, async (trx) => {
    const row = await trx
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
    if (!row) return { duplicate: true as const };
    await recordAudit(trx, a, {
      action: 'subscription.created',
      recordKind: 'user',
      recordId: a.userId,
      changes: subscriptionChanges(row, 'after'),
    });
    return row;
  });
}

type SubscriptionFacts = { kind: string; field: string | null; prefix: string | null };

/** What an audit event about a subscription records: its kind, field and prefix, as before or after. */
function subscriptionChanges(s: SubscriptionFacts, side: 'before' | 'after') {
  const at = (v: string | null) =>
    side === 'after' ? { before: null, after: v } : { before: v, after: null };
  return { kind: at(s.kind), field: at(s.field), prefix: at(s.prefix) };
}

/** Stops one of the caller's subscriptions (404 when it is not theirs). */
export async function unsubscribe(deps: AppDeps, a: UserActor, input: { id: string }) {
  await change(deps, async (trx) => {
    const done = await trx
      .deleteFrom('registry_subscriptions')
      .where('id', '=', input.id)
      .where('user_id', '=', a.userId)
      .returning(['kind', 'field', 'prefix'])
      .executeTakeFirst();
    if (!done) throw notFound();
    await recordAudit(trx, a, {
      action: 'subscription.deleted',
      recordKind: 'user',
      recordId: a.userId,
      changes: subscriptionChanges(done, 'before'),
    });
  });
}
