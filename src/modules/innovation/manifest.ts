import { defineModule } from '../manifest.ts';
import { innovationHomeTiles } from './home.ts';
import { innovationRoutes } from './innovation-routes.ts';
import { joinRequestRoutes } from './join-request-routes.ts';
import { INNOVATION_AUDIT_SENTENCES } from './sentences.ts';

/**
 * The innovation area (issue 15) over the registry kinds `innovation_initiative` and
 * `common_initiative` (src/registry/kinds/innovation): its overview (domain × readiness level, per
 * administration, common initiatives) and "who else works on this" (similarity/).
 */
export const innovationModule = defineModule({
  name: 'innovation',
  routes: [innovationRoutes, joinRequestRoutes],
  homeTiles: innovationHomeTiles,
  auditSentences: INNOVATION_AUDIT_SENTENCES,
});
