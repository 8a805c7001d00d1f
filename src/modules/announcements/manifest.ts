import { defineModule } from '../manifest.ts';
import { announcementRoutes } from './announcement-routes.ts';

/** Network announcements. */
export const announcementsModule = defineModule({ name: 'announcements', routes: [announcementRoutes] });
