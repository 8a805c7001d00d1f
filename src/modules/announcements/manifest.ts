import { defineModule } from '../manifest.ts';
import { announcementEditorRoutes } from './announcement-editor-routes.ts';
import { announcementRoutes } from './announcement-routes.ts';

/** Network announcements. */
export const announcementsModule = defineModule({
  name: 'announcements',
  routes: [announcementRoutes, announcementEditorRoutes],
});
