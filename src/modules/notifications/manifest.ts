import { defineModule } from '../manifest.ts';
import { plainAuditSentences } from '../sentence.ts';
import { notificationDigest } from './digest-task.ts';
import { NOTIFICATION_HANDLERS } from './notification-handlers.ts';
import { notificationRoutes } from './notification-routes.ts';
import { notificationPreferenceRoutes } from './preference-routes.ts';
import { NOTIFICATION_SENTENCES } from './sentences.ts';
import { digestUnsubscribeRoutes } from './unsubscribe-routes.ts';

/**
 * In-app notifications (of memberships here; registry records, network announcements included,
 * and other modules notify through their own handlers) and the e-mail digest of what is new for
 * each person in every area (with its one-click unsubscribe link).
 */
export const notificationsModule = defineModule({
  name: 'notifications',
  routes: [notificationRoutes, notificationPreferenceRoutes, digestUnsubscribeRoutes],
  outboxHandlers: NOTIFICATION_HANDLERS,
  scheduledTasks: [notificationDigest],
  notificationSentences: NOTIFICATION_SENTENCES,
  auditSentences: plainAuditSentences('platform', [
    'notifications.digest_changed',
    'notifications.digest_unsubscribed',
    'notifications.read',
    'notifications.all_read',
  ]),
});
