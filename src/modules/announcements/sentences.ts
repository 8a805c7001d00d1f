import { titledAuditSentences } from '../sentence.ts';

/** How the events of announcements read: the title where the reader may read the announcement now. */
export const ANNOUNCEMENTS_AUDIT_SENTENCES = titledAuditSentences('platform', [
  'announcement.created',
  'announcement.updated',
  'announcement.shared',
  'announcement.retracted',
  'announcement.attachment_added',
  'announcement.editors_changed',
]);
