import {
  type AuditSentence,
  type NotificationSentence,
  sentenceKey,
  titled,
  titledAuditSentences,
} from '../sentence.ts';

/** How the training module's audit events read (registration for events, the release of seats). */
export const TRAINING_AUDIT_SENTENCES: Record<string, AuditSentence> = {
  ...titledAuditSentences('training', [
    'training_event.nominated',
    'training_event.nomination_withdrawn',
    'training_event.attendance',
    'training_event.seats_released',
  ]),
};

/** A nominating NCP hears that their nominee got a released seat (the title where the marking allows). */
export const TRAINING_NOTIFICATION_SENTENCES: Record<string, NotificationSentence> = {
  'training_event.seat_released': (n) =>
    titled(sentenceKey('training', 'notify', 'training_event.seat_released'), n.summary || null),
};
