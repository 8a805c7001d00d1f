import type { OutboxHandler } from '../outbox/outbox-worker.ts';

/** After a job ends, its starter gets an in-app notification (kind job.succeeded|failed|cancelled). */
export const JOB_NOTIFICATION_HANDLERS: Readonly<Record<string, OutboxHandler>> = {
  'job.finished': async (trx, payload) => {
    const job = await trx
      .selectFrom('jobs')
      .leftJoin('job_files', 'job_files.job_id', 'jobs.id')
      .select(['jobs.id', 'jobs.kind', 'jobs.state', 'jobs.created_by', 'job_files.name as file_name'])
      .where('jobs.id', '=', String(payload.jobId))
      .executeTakeFirst();
    if (!job || !['succeeded', 'failed', 'cancelled'].includes(job.state)) return;
    await trx
      .insertInto('notifications')
      .values({
        user_id: job.created_by,
        kind: `job.${job.state}`,
        record_kind: 'job',
        record_id: job.id,
        // what the web app quotes in "Job failed: …": the file, else the kind
        summary: job.file_name ?? job.kind,
      })
      .execute();
  },
};
