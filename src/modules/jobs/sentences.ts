import {
  type AuditSentence,
  changedText,
  type NotificationSentence,
  type Sentence,
  type SentenceParam,
  sentenceKey,
} from '../sentence.ts';

const jobKind = (kind: string | null): SentenceParam | null =>
  kind ? { t: `jobs.kind.${kind}`, fallback: kind } : null;

const audit =
  (action: string): AuditSentence =>
  (e): Sentence => {
    const kind = jobKind(changedText(e.changes, 'kind'));
    const key = sentenceKey('jobs', 'audit', action);
    return kind ? { key, params: { job: kind } } : { key: `${key}Untitled`, params: {} };
  };

/** How the events of background jobs read (`jobs.audit.*`): the job's kind where the reader may see it. */
export const JOB_AUDIT_SENTENCES: Record<string, AuditSentence> = Object.fromEntries(
  [
    'job.enqueued',
    'job.requeued',
    'job.cancel_requested',
    'job.cancelled',
    'job.succeeded',
    'job.failed',
  ].map((a) => [a, audit(a)]),
);

/** A finished job tells its starter ("Job failed: people.csv", the file or else the kind). */
export const JOB_NOTIFICATION_SENTENCES: Record<string, NotificationSentence> = Object.fromEntries(
  (['succeeded', 'failed', 'cancelled'] as const).map((s): [string, NotificationSentence] => [
    `job.${s}`,
    (n) => ({ key: `jobs.notice.${s}`, params: { what: n.summary } }),
  ]),
);
