import { defineModule } from '../manifest.ts';
import { announcementAliasRoutes } from './announcement-alias-routes.ts';

/**
 * Network announcements are the registry kind `announcement`; this module keeps the former
 * /api/v1/announcements paths as 308 redirects to the registry's.
 */
export const announcementsModule = defineModule({ name: 'announcements', routes: [announcementAliasRoutes] });
