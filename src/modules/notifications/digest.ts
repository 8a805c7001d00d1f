import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { notificationPolicy } from '../../access/notification-policy.ts';
import { registryRecordPolicy } from '../../access/registry-record-policy.ts';
import { loadActor } from '../../auth/actor-loader.ts';
import { labelIn } from '../../contract/languages.ts';
import type { Database } from '../../db/connection.ts';
import type { Tlp } from '../../db/schema.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { kindByName } from '../../registry/kinds/index.ts';
import { composeDigest, type DigestAreaCount, type DigestContent, type DigestRecord } from './digest-mail.ts';
import { currentMarking } from './notification-visibility.ts';

const HOUR = 3600_000;
/** A digest is due this long after the last one (half an hour early: the task runs hourly). */
const PERIOD_MS = { daily: 24 * HOUR - HOUR / 2, weekly: 7 * 24 * HOUR - HOUR / 2 } as const;
const WINDOW_MS = { daily: 24 * HOUR, weekly: 7 * 24 * HOUR } as const;
/** At most this many records are read for the lines of one digest (the counts cover them all). */
const RECORD_LINES_MAX = 500;

type Frequency = 'daily' | 'weekly';

/** The ISO week of a day (UTC), as `YYYY-Www`. */
function isoWeek(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period a digest sent at `now` belongs to: `daily:2026-12-06`, `weekly:2026-W49` (UTC). */
export function digestPeriod(frequency: Frequency, now: Date): string {
  return frequency === 'daily' ? `daily:${now.toISOString().slice(0, 10)}` : `weekly:${isoWeek(now)}`;
}

/** The SHA-256 (hex) of an unsubscribe secret: what digest_claims keeps. */
export function unsubscribeHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** What the record kind is called, in the recipient's language (a registry kind's own words). */
function labelOf(recordKind: string | null, locale: string): string | null {
  if (!recordKind) return null;
  const kind = kindByName(recordKind);
  return kind ? labelIn(kind.label, locale) : null;
}

/**
 * What is new for one user since `since`: the published registry records of every kind they may
 * read (registryRecordPolicy's readable filter, one query over every kind) that were published
 * (new) or changed (updated) in the window, counted by area, and their unread notifications they
 * may still read (the same condition as their notification list).
 */
export async function digestContent(
  db: Database,
  actor: Actor & { userId: string },
  locale: string,
  since: Date,
  now: Date,
): Promise<DigestContent> {
  const inWindow = db
    .selectFrom('registry_records as r')
    .where('r.status', '=', 'published')
    .where('r.updated_at', '>', since)
    .where('r.updated_at', '<=', now)
    .where(registryRecordPolicy.readable(actor, 'r'));
  const isNew = sql<boolean>`(r.published_at > ${since})`;
  const [counts, rows, notes] = await Promise.all([
    inWindow
      .select([
        'r.kind',
        sql<number>`count(*) FILTER (WHERE ${isNew})`.as('new'),
        sql<number>`count(*) FILTER (WHERE NOT ${isNew})`.as('updated'),
      ])
      .groupBy('r.kind')
      .execute(),
    inWindow
      .select(['r.id', 'r.kind', 'r.title', 'r.tlp', isNew.as('is_new')])
      .orderBy('r.updated_at', 'desc')
      .orderBy('r.id')
      .limit(RECORD_LINES_MAX)
      .execute(),
    db
      .selectFrom('notifications as nt')
      .select(['nt.kind', 'nt.record_kind', 'nt.record_id', 'nt.summary', currentMarking().as('tlp')])
      .where('nt.user_id', '=', actor.userId)
      .where('nt.read_at', 'is', null)
      .where('nt.created_at', '>', since)
      .where('nt.created_at', '<=', now)
      .where(notificationPolicy.readable(actor, 'nt'))
      .orderBy('nt.created_at', 'desc')
      .execute(),
  ]);
  const areaCounts = new Map<string, DigestAreaCount>();
  for (const c of counts) {
    const kind = kindByName(c.kind);
    if (!kind) continue;
    const a = areaCounts.get(kind.area) ?? { area: kind.area, new: 0, updated: 0 };
    a.new += Number(c.new);
    a.updated += Number(c.updated);
    areaCounts.set(kind.area, a);
  }
  const records: DigestRecord[] = rows.flatMap((r) => {
    const kind = kindByName(r.kind);
    return kind
      ? [
          {
            id: r.id,
            kind: r.kind,
            kindLabel: labelIn(kind.label, locale),
            area: kind.area,
            title: r.title,
            tlp: r.tlp,
            isNew: Boolean(r.is_new),
          },
        ]
      : [];
  });
  return {
    records,
    areaCounts: [...areaCounts.values()],
    notifications: notes.map((r) => ({
      kind: r.kind,
      recordKind: r.record_kind,
      recordId: r.record_id,
      summary: r.summary,
      tlp: r.tlp as Tlp | null,
      kindLabel: labelOf(r.record_kind, locale),
    })),
  };
}

/**
 * Sends the digests that are due at `now`: to each active user whose frequency is daily or weekly,
 * whose last digest is a period old and whose digest of this period is not claimed yet, what is
 * new for them since their last digest (`digestContent`). Nothing new → no e-mail.
 *
 * Once per user and period, even across a crash: the (user, period) is claimed in
 * `digest_claims` (primary key) and committed BEFORE the e-mail is handed to the mailer; a run
 * that finds the period claimed sends nothing. The trade-off: a crash (or a mailer error) between
 * the claim and the hand-over loses that one digest — never sends it twice — and the next
 * period's digest covers it, since `digest_sent_at` (the start of the next window) moves only
 * after a successful hand-over. A mailer error stops the run (the others stay unclaimed and go
 * at the next hourly run). Returns how many e-mails went out.
 */
export async function sendDigests(
  { db, mailer, publicUrl }: { db: Database; mailer: Mailer; publicUrl: string },
  now: Date,
): Promise<{ sent: number; checked: number }> {
  const periods = { daily: digestPeriod('daily', now), weekly: digestPeriod('weekly', now) };
  const dueFor = (frequency: Frequency) =>
    sql<boolean>`(u.digest_frequency = ${frequency}
      AND (u.digest_sent_at IS NULL OR u.digest_sent_at <= ${new Date(now.getTime() - PERIOD_MS[frequency])})
      AND NOT EXISTS (SELECT 1 FROM digest_claims c WHERE c.user_id = u.id AND c.period = ${periods[frequency]}))`;
  const due = await db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.locale',
      'u.digest_frequency',
      'u.digest_sent_at',
      sql<Date | null>`(SELECT min(c.claimed_at) FROM digest_claims c WHERE c.user_id = u.id)`.as(
        'first_claim',
      ),
    ])
    .where('u.status', '=', 'active')
    .where(sql<boolean>`(${dueFor('daily')} OR ${dueFor('weekly')})`)
    .orderBy('u.id')
    .execute();
  let sent = 0;
  for (const u of due) {
    const frequency: Frequency = u.digest_frequency === 'weekly' ? 'weekly' : 'daily';
    // from the last digest handed over; never one yet: a window before the first claim (a digest
    // lost between its claim and the hand-over is covered by the next one)
    const since =
      u.digest_sent_at ?? new Date(new Date(u.first_claim ?? now).getTime() - WINDOW_MS[frequency]);
    const actor = await loadActor(db, u.id, null);
    if (!actor?.userId) continue;
    const content = await digestContent(db, { ...actor, userId: actor.userId }, u.locale, since, now);
    if (content.records.length === 0 && content.notifications.length === 0) continue;
    const secret = randomBytes(32).toString('hex');
    const claimed = await db.transaction().execute(async (trx) =>
      trx
        .insertInto('digest_claims')
        .values({
          user_id: u.id,
          period: periods[frequency],
          claimed_at: now,
          unsubscribe_hash: unsubscribeHash(secret),
        })
        .onConflict((oc) => oc.columns(['user_id', 'period']).doNothing())
        .returning('user_id')
        .executeTakeFirst(),
    );
    if (!claimed) continue;
    await mailer.send(
      composeDigest(
        { email: u.email, displayName: u.display_name, locale: u.locale, frequency },
        content,
        since,
        publicUrl,
        `${publicUrl}/api/v1/notifications/digest/unsubscribe?token=${secret}`,
      ),
    );
    await db.updateTable('users').set({ digest_sent_at: now }).where('id', '=', u.id).execute();
    sent++;
  }
  return { sent, checked: due.length };
}
