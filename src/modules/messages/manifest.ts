import { defineModule } from '../manifest.ts';
import { messageRoutes } from './message-routes.ts';
import { releaseMessages } from './release-task.ts';
import { MESSAGES_AUDIT_SENTENCES, MESSAGES_NOTIFICATION_SENTENCES } from './sentences.ts';

/**
 * Coordinated messages: language versions (translator, reviewer, draft → submitted → approved or
 * returned), the release of every approved version at the embargo (scheduled task
 * `messages.release`), and the public messages (page data and Atom feed). The kind `message` itself
 * is a registry kind (src/registry/kinds/communication/message.kind.ts).
 */
export const messagesModule = defineModule({
  name: 'messages',
  routes: [messageRoutes],
  scheduledTasks: [releaseMessages],
  auditSentences: MESSAGES_AUDIT_SENTENCES,
  notificationSentences: MESSAGES_NOTIFICATION_SENTENCES,
});
