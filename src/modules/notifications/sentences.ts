import type { MembershipStatus } from '../../db/schema.ts';
import { type NotificationSentence, sentenceKey, titled } from '../sentence.ts';

/**
 * Notifications the former announcements module wrote (`announcement.created`), still in the
 * database after migration 0034; the registry's sentences read every newer announcement's.
 */
const ANNOUNCEMENT_EVENTS = ['created'] as const;
const MEMBERSHIP_STATUSES: readonly MembershipStatus[] = [
  'requested',
  'endorsed',
  'active',
  'rejected',
  'withdrawn',
];

/**
 * How the notifications of former announcements and memberships read (`platform.notify.*`). An
 * announcement's summary is its title, or empty when the marking does not allow quoting it; a
 * membership's is "member — network (role)".
 */
export const NOTIFICATION_SENTENCES: Record<string, NotificationSentence> = {
  ...Object.fromEntries(
    ANNOUNCEMENT_EVENTS.map((e): [string, NotificationSentence] => [
      `announcement.${e}`,
      (n) => titled(sentenceKey('platform', 'notify', `announcement.${e}`), n.summary || null),
    ]),
  ),
  ...Object.fromEntries(
    MEMBERSHIP_STATUSES.map((s): [string, NotificationSentence] => [
      `membership.${s}`,
      (n) => ({
        key: sentenceKey('platform', 'notify', `membership.${s}`),
        params: { membership: n.summary },
      }),
    ]),
  ),
};
