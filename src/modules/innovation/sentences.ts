import { type AuditSentence, changedText, sentenceKey, titled } from '../sentence.ts';

/** How the innovation module's audit events read: requests to join a common initiative and the lead's decisions. */
export const INNOVATION_AUDIT_SENTENCES: Record<string, AuditSentence> = Object.fromEntries(
  [
    'common_initiative.join_requested',
    'common_initiative.join_approved',
    'common_initiative.join_declined',
  ].map((action): [string, AuditSentence] => [
    action,
    (e) =>
      titled(sentenceKey('innovation', 'audit', action), e.recordName, {
        organisation: changedText(e.changes, 'organisation') ?? '',
      }),
  ]),
);
