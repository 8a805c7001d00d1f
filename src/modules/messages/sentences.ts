import {
  type AuditSentence,
  type NotificationSentence,
  sentenceKey,
  titled,
  titledAuditSentences,
} from '../sentence.ts';

/** How the messages module's audit events read (language versions, the release at the embargo). */
export const MESSAGES_AUDIT_SENTENCES: Record<string, AuditSentence> = {
  ...titledAuditSentences('messages', [
    'message_version.added',
    'message_version.changed',
    'message_version.submitted',
    'message_version.approved',
    'message_version.returned',
    'message_version.published_late',
    'message.released',
  ]),
};

/** How the release and late translations read: the title where the marking allows quoting it. */
export const MESSAGES_NOTIFICATION_SENTENCES: Record<string, NotificationSentence> = {
  'message.released': (n) => titled(sentenceKey('messages', 'notify', 'message.released'), n.summary || null),
  'message.late_translation': (n) =>
    titled(sentenceKey('messages', 'notify', 'message.late_translation'), n.summary || null),
};
