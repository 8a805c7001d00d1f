import { defineModule } from '../manifest.ts';
import { NOTIFICATION_HANDLERS } from './notification-handlers.ts';
import { notificationRoutes } from './notification-routes.ts';
import { NOTIFICATION_SENTENCES } from './sentences.ts';

/** In-app notifications (of announcements and memberships; other modules notify through their own handlers). */
export const notificationsModule = defineModule({
  name: 'notifications',
  routes: [notificationRoutes],
  outboxHandlers: NOTIFICATION_HANDLERS,
  notificationSentences: NOTIFICATION_SENTENCES,
});
