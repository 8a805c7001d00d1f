import { defineModule } from '../manifest.ts';
import { membershipHomeTasks } from './home.ts';
import { membershipRoutes } from './membership-routes.ts';
import { networkRoutes } from './network-routes.ts';
import { NETWORKS_AUDIT_SENTENCES } from './sentences.ts';

/** The seven expert networks and their memberships (nominate → endorse → approve). */
export const networksModule = defineModule({
  name: 'networks',
  routes: [networkRoutes, membershipRoutes],
  homeTasks: membershipHomeTasks,
  auditSentences: NETWORKS_AUDIT_SENTENCES,
});
