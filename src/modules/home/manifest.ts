import { defineModule } from '../manifest.ts';
import { homeRoutes } from './home-routes.ts';

/** The home page: gathers the `homeTiles` and `homeTasks` of every module (GET /home). */
export const homeModule = defineModule({ name: 'home', routes: [homeRoutes] });
