import type { Actor } from '../../../access/actor.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { randomToken, sha256 } from '../../../auth/crypto.ts';
import { change } from '../../../core/change.ts';
import type { Database } from '../../../db/connection.ts';
import { notFound } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';

/** The feed's secret in its link: 32 random bytes, base32 (as the platform's other tokens). */
export const FEED_TOKEN = /^[a-z2-7]{52}$/;

export interface FeedStatus {
  active: boolean;
  createdAt: string | null;
  lastUsedAt: string | null;
}

/** The path of a feed's link under the platform's public address. */
export const feedPath = (token: string) => `/api/v1/calendar/feed/${token}.ics`;

/** `GET /account/calendar-feed`: whether the caller has a subscription link (never the link itself: only its hash is kept). */
export async function feedStatus(db: Database, userId: string): Promise<FeedStatus> {
  const row = await db
    .selectFrom('calendar_feeds')
    .select(['created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return {
    active: !!row,
    createdAt: row ? new Date(row.created_at).toISOString() : null,
    lastUsedAt: row?.last_used_at ? new Date(row.last_used_at).toISOString() : null,
  };
}

/**
 * `POST /account/calendar-feed`: a new secret link for the caller's calendar feed. It replaces the
 * previous one, which stops working at once. The link is shown once; only its hash is stored.
 */
export async function createFeed(
  deps: Pick<AppDeps, 'db' | 'outbox' | 'config'>,
  actor: Actor & { userId: string },
): Promise<FeedStatus & { url: string }> {
  const token = randomToken(32);
  await change(deps, async (trx) => {
    const before = await trx
      .selectFrom('calendar_feeds')
      .select('user_id')
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    await trx
      .insertInto('calendar_feeds')
      .values({
        user_id: actor.userId,
        token_hash: sha256(token),
        created_at: new Date(),
        last_used_at: null,
      })
      .onConflict((oc) =>
        oc
          .column('user_id')
          .doUpdateSet({ token_hash: sha256(token), created_at: new Date(), last_used_at: null }),
      )
      .execute();
    await recordAudit(trx, actor, {
      action: 'calendar_feed.created',
      recordKind: 'user',
      recordId: actor.userId,
      changes: { replaced: !!before },
    });
  });
  return { ...(await feedStatus(deps.db, actor.userId)), url: `${deps.config.publicUrl}${feedPath(token)}` };
}

/** `DELETE /account/calendar-feed`: revokes the caller's link at once (404 when they have none). */
export async function revokeFeed(
  deps: Pick<AppDeps, 'db' | 'outbox'>,
  actor: Actor & { userId: string },
): Promise<void> {
  await change(deps, async (trx) => {
    const gone = await trx
      .deleteFrom('calendar_feeds')
      .where('user_id', '=', actor.userId)
      .returning('user_id')
      .executeTakeFirst();
    if (!gone) throw notFound('You have no calendar link to revoke.');
    await recordAudit(trx, actor, {
      action: 'calendar_feed.revoked',
      recordKind: 'user',
      recordId: actor.userId,
    });
  });
}

/** The user a feed's secret belongs to, or null (unknown, revoked or replaced). */
export async function feedOwner(
  db: Database,
  token: string,
): Promise<{ userId: string; locale: string } | null> {
  if (!FEED_TOKEN.test(token)) return null;
  const row = await db
    .selectFrom('calendar_feeds as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select(['f.user_id', 'u.locale'])
    .where('f.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row) return null;
  await db
    .updateTable('calendar_feeds')
    .set({ last_used_at: new Date() })
    .where('user_id', '=', row.user_id)
    .execute();
  return { userId: row.user_id, locale: row.locale };
}
