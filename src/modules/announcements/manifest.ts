import { defineModule } from '../manifest.ts';
import { announcementEditorRoutes } from './announcement-editor-routes.ts';
import { announcementRoutes } from './announcement-routes.ts';
import { announcementHomeTiles } from './home.ts';
import { ANNOUNCEMENTS_AUDIT_SENTENCES } from './sentences.ts';

/** Network announcements. */
export const announcementsModule = defineModule({
  name: 'announcements',
  routes: [announcementRoutes, announcementEditorRoutes],
  homeTiles: announcementHomeTiles,
  auditSentences: ANNOUNCEMENTS_AUDIT_SENTENCES,
});
