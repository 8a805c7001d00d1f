import { defineModule } from '../manifest.ts';
import { membershipRoutes } from './membership-routes.ts';
import { networkRoutes } from './network-routes.ts';

/** The seven expert networks and their memberships (nominate → endorse → approve). */
export const networksModule = defineModule({ name: 'networks', routes: [networkRoutes, membershipRoutes] });
