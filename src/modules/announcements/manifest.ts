import { defineModule } from '../manifest.ts';
import { announcementAliasRoutes } from './announcement-alias-routes.ts';
import { announcementHomeTiles } from './home.ts';

/**
 * Network announcements are the registry kind `announcement` (src/registry/kinds/communication):
 * the registry serves them, and its sentences read their audit events and notifications. This
 * module keeps the former /api/v1/announcements paths as 308 redirects to the registry's, and the
 * home page's figure of the last 30 days' announcements.
 */
export const announcementsModule = defineModule({
  name: 'announcements',
  routes: [announcementAliasRoutes],
  homeTiles: announcementHomeTiles,
});
