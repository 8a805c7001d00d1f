import type { Database } from '../../db/connection.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { defineScheduledTask } from '../../scheduler/scheduled-task.ts';
import { fill } from '../notifications/digest-messages.ts';
import { reminderMessages } from './reminder-messages.ts';

const DAY = 86_400_000;

/**
 * E-mails the reminders due at `now`: for each open campaign, the latest reminder offset reached
 * (days before the close, default 7 and 2) goes to the people who answer for each administration
 * whose response is not validated — its assigned respondents and validator, else its NCP and
 * deputies (respondent unit "person": each respondent whose response is not validated). Each
 * reminder is recorded (mapping_reminders_sent) before its e-mail goes, so it is sent once even
 * across restarts; an extended close is a new close date, with its own reminders.
 */
export async function sendReminders(
  { db, mailer, publicUrl }: { db: Database; mailer: Mailer; publicUrl: string },
  now: Date,
): Promise<{ sent: number }> {
  const campaigns = await db
    .selectFrom('mapping_campaigns')
    .select(['id', 'title', 'closes_at', 'reminder_days', 'respondent_unit'])
    .where('opens_at', '<=', now)
    .where('closes_at', '>', now)
    .execute();
  let sent = 0;
  for (const c of campaigns) {
    const due = c.reminder_days.filter((d) => c.closes_at.getTime() - d * DAY <= now.getTime());
    if (due.length === 0) continue;
    const days = Math.min(...due);
    const open = await db
      .selectFrom('mapping_responses as r')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .select(['r.organisation_id', 'o.name', 'r.respondent_user_id', 'r.status', 'r.last_edited_at'])
      .where('r.campaign_id', '=', c.id)
      .where('r.status', '!=', 'validated')
      .execute();
    const recipients = new Map<
      string,
      { administration: string; status: 'not_started' | 'draft' | 'reopened' }
    >();
    for (const r of open) {
      const status = r.status === 'reopened' ? 'reopened' : r.last_edited_at ? 'draft' : 'not_started';
      let users: string[];
      if (r.respondent_user_id) {
        // a person whose assignment was removed is not reminded (the draft stays with the administration)
        const still = await db
          .selectFrom('mapping_assignments')
          .select('id')
          .where('campaign_id', '=', c.id)
          .where('user_id', '=', r.respondent_user_id)
          .where('role', '=', 'respondent')
          .executeTakeFirst();
        users = still ? [r.respondent_user_id] : [];
      } else {
        const assigned = await db
          .selectFrom('mapping_assignments')
          .select('user_id')
          .where('campaign_id', '=', c.id)
          .where('organisation_id', '=', r.organisation_id)
          .execute();
        users = assigned.map((s) => s.user_id);
        if (users.length === 0)
          users = (
            await db
              .selectFrom('role_grants')
              .select('user_id')
              .where('organisation_id', '=', r.organisation_id)
              .where('role', 'in', ['ncp', 'ncp_deputy'])
              .execute()
          ).map((g) => g.user_id);
      }
      for (const u of users) recipients.set(u, { administration: r.name, status });
    }
    for (const [userId, what] of recipients) {
      const user = await db
        .selectFrom('users')
        .select(['email', 'display_name', 'locale', 'status'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (user?.status !== 'active') continue;
      const claimed = await db
        .insertInto('mapping_reminders_sent')
        .values({ campaign_id: c.id, user_id: userId, days_before: days, closes_at: c.closes_at })
        .onConflict((oc) => oc.doNothing())
        .returning('user_id')
        .executeTakeFirst();
      if (!claimed) continue;
      const m = reminderMessages(user.locale);
      const date = new Intl.DateTimeFormat(user.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
        c.closes_at,
      );
      const left = Math.max(1, Math.ceil((c.closes_at.getTime() - now.getTime()) / DAY));
      const values = {
        title: c.title,
        days: left,
        name: user.display_name,
        date,
        administration: what.administration,
      };
      await mailer.send({
        to: user.email,
        subject: fill(m.subject, values),
        text: [
          fill(m.greeting, values),
          '',
          fill(m.body, { ...values, status: m.status[what.status] }),
          '',
          fill(m.open, { url: `${publicUrl}/mapping/campaigns/${c.id}` }),
          '',
          m.footer,
        ].join('\n'),
      });
      sent++;
    }
  }
  return { sent };
}

/** Hourly: the reminders of open mapping campaigns that are due (sent once each). */
export const mappingReminders = defineScheduledTask({
  name: 'mapping.reminders',
  description:
    'E-mails the people who answer for an administration a reminder before a mapping campaign closes (default 7 and 2 days before), once each.',
  everyMinutes: 60,
  async run({ db, mailer, config, now }) {
    const r = await sendReminders({ db, mailer, publicUrl: config.publicUrl }, now);
    return `${r.sent} reminders sent`;
  },
});
