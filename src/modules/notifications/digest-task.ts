import { defineScheduledTask } from '../../scheduler/scheduled-task.ts';
import { sendDigests } from './digest.ts';

/** Hourly: e-mails the daily and weekly notification digests that are due (digest.ts). */
export const notificationDigest = defineScheduledTask({
  name: 'notifications.digest',
  description:
    'E-mails each user who asked for it a digest of their unread notifications (titles quoted only where the marking allows e-mail).',
  everyMinutes: 60,
  async run({ db, mailer, config, now }) {
    const r = await sendDigests({ db, mailer, publicUrl: config.publicUrl }, now);
    return `${r.sent} digests sent (${r.checked} users due)`;
  },
});
