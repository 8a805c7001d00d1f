import { notificationPolicy } from '../../access/notification-policy.ts';
import { loadActor } from '../../auth/actor-loader.ts';
import { labelIn } from '../../contract/languages.ts';
import type { Database } from '../../db/connection.ts';
import type { Tlp } from '../../db/schema.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { kindByName } from '../../registry/kinds/index.ts';
import { composeDigest, type DigestItem } from './digest-mail.ts';
import { currentMarking } from './notification-visibility.ts';

const HOUR = 3600_000;
/** A digest is due this long after the last one (half an hour early: the task runs hourly). */
const PERIOD_MS = { daily: 24 * HOUR - HOUR / 2, weekly: 7 * 24 * HOUR - HOUR / 2 } as const;
const WINDOW_MS = { daily: 24 * HOUR, weekly: 7 * 24 * HOUR } as const;

/** What the record kind is called, in the recipient's language (a registry kind's own words). */
function labelOf(recordKind: string | null, locale: string): string | null {
  if (!recordKind) return null;
  const kind = kindByName(recordKind);
  return kind ? labelIn(kind.label, locale) : null;
}

/**
 * Sends the notification digests that are due at `now`: to each active user whose frequency is
 * daily or weekly and whose last digest is a period old, the unread notifications written since
 * then that they may still read (the same condition as their notification list), with titles
 * quoted only where the marking allows e-mail quoting. Nothing new → no e-mail. Each user's
 * `digest_sent_at` is set right after their e-mail goes, so a run that stops half-way sends
 * nobody a second copy. Returns how many e-mails went out.
 */
export async function sendDigests(
  { db, mailer, publicUrl }: { db: Database; mailer: Mailer; publicUrl: string },
  now: Date,
): Promise<{ sent: number; checked: number }> {
  const due = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'locale', 'digest_frequency', 'digest_sent_at'])
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('digest_frequency', '=', 'daily'),
          eb.or([
            eb('digest_sent_at', 'is', null),
            eb('digest_sent_at', '<=', new Date(now.getTime() - PERIOD_MS.daily)),
          ]),
        ]),
        eb.and([
          eb('digest_frequency', '=', 'weekly'),
          eb.or([
            eb('digest_sent_at', 'is', null),
            eb('digest_sent_at', '<=', new Date(now.getTime() - PERIOD_MS.weekly)),
          ]),
        ]),
      ]),
    )
    .orderBy('id')
    .execute();
  let sent = 0;
  for (const u of due) {
    const frequency = u.digest_frequency === 'weekly' ? 'weekly' : 'daily';
    const since = u.digest_sent_at ?? new Date(now.getTime() - WINDOW_MS[frequency]);
    const actor = await loadActor(db, u.id, null);
    if (!actor) continue;
    const rows = await db
      .selectFrom('notifications as nt')
      .select(['nt.kind', 'nt.record_kind', 'nt.record_id', 'nt.summary', currentMarking().as('tlp')])
      .where('nt.user_id', '=', u.id)
      .where('nt.read_at', 'is', null)
      .where('nt.created_at', '>', since)
      .where('nt.created_at', '<=', now)
      .where(notificationPolicy.readable(actor, 'nt'))
      .orderBy('nt.created_at', 'desc')
      .execute();
    if (rows.length === 0) continue;
    const items: DigestItem[] = rows.map((r) => ({
      kind: r.kind,
      recordKind: r.record_kind,
      recordId: r.record_id,
      summary: r.summary,
      tlp: r.tlp as Tlp | null,
      kindLabel: labelOf(r.record_kind, u.locale),
    }));
    await mailer.send(
      composeDigest(
        { email: u.email, displayName: u.display_name, locale: u.locale, frequency },
        items,
        since,
        publicUrl,
      ),
    );
    await db.updateTable('users').set({ digest_sent_at: now }).where('id', '=', u.id).execute();
    sent++;
  }
  return { sent, checked: due.length };
}
