import { defineScheduledTask } from '../../scheduler/scheduled-task.ts';

const DAY = 86_400_000;

/**
 * Personal data kept no longer than needed: notifications older than RETENTION_NOTIFICATIONS_DAYS
 * and the uploaded files of jobs finished more than RETENTION_JOB_FILES_DAYS ago (the job, its
 * result and its error list stay; a job may run again only while it is unfinished, so its file is
 * never needed after). Sign-in records (sessions with their address and browser, reset links,
 * sign-in counters) go hourly once ended (`auth.purge-expired`). The audit trail is never purged.
 */
export const retentionTask = defineScheduledTask({
  name: 'privacy.retention',
  description:
    'Deletes notifications and uploaded job files older than their retention period (RETENTION_* settings).',
  everyMinutes: 6 * 60,
  async run({ db, now, config }) {
    const notifications = await db
      .deleteFrom('notifications')
      .where('created_at', '<', new Date(now.getTime() - config.RETENTION_NOTIFICATIONS_DAYS * DAY))
      .executeTakeFirst();
    const files = await db
      .deleteFrom('job_files')
      .where('job_id', 'in', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('state', 'in', ['succeeded', 'failed', 'cancelled'])
          .where('finished_at', '<', new Date(now.getTime() - config.RETENTION_JOB_FILES_DAYS * DAY)),
      )
      .executeTakeFirst();
    return `${Number(notifications.numDeletedRows)} notifications, ${Number(files.numDeletedRows)} job files deleted`;
  },
});
