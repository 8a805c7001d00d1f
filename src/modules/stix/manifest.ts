import { defineModule } from '../manifest.ts';
import { stixRoutes } from './stix-routes.ts';

/** STIX 2.1 export of risk information (README.md beside this file: the mapping). */
export const stixModule = defineModule({
  name: 'stix',
  routes: [stixRoutes],
});
