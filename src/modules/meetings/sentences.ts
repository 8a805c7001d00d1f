import {
  type AuditSentence,
  changedText,
  type NotificationSentence,
  plainAuditSentences,
  sentenceKey,
  titled,
} from '../sentence.ts';

/** How the meetings module's audit events read: answers to invitations, calendar links. */
export const MEETINGS_AUDIT_SENTENCES: Record<string, AuditSentence> = {
  'meeting.rsvp': (e) => {
    const answer = changedText(e.changes, 'answer');
    return titled(sentenceKey('meetings', 'audit', 'meeting.rsvp'), e.recordName, {
      answer: { t: `meetings.rsvp.answer.${answer ?? 'maybe'}`, fallback: answer ?? '' },
    });
  },
  ...plainAuditSentences('meetings', ['calendar_feed.created', 'calendar_feed.revoked']),
};

/** How action-point reminders read: the title where the marking allows quoting it. */
export const MEETINGS_NOTIFICATION_SENTENCES: Record<string, NotificationSentence> = {
  'action_point.due': (n) => titled(sentenceKey('meetings', 'notify', 'action_point.due'), n.summary || null),
  'action_point.overdue': (n) =>
    titled(sentenceKey('meetings', 'notify', 'action_point.overdue'), n.summary || null),
};
