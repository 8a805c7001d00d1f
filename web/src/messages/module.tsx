import { defineWebModule } from '../web-module.ts';
import { PublicMessagesPage } from './PublicMessagesPage.tsx';

/**
 * Coordinated messages: the public page (no sign-in). The messages themselves are registry pages
 * (`/registry/message`); their language versions are a panel of the record page (VersionsPanel).
 */
export const messagesWebModule = defineWebModule({
  name: 'messages',
  routes: [{ path: '/public/messages', element: <PublicMessagesPage />, public: true }],
});
