import { defineModule } from '../manifest.ts';
import { integrityHomeTiles } from './home.ts';
import { integrityRoutes } from './integrity-routes.ts';

/**
 * The integrity area (issue 12): trends and gaps over the registry kinds `integrity_initiative`,
 * `code_of_conduct`, `lesson_learned` (src/registry/kinds/integrity) and the self-assessment
 * campaigns of the mapping engine (src/modules/mapping). Lessons' follow-up actions are action
 * points reminded by src/modules/meetings.
 */
export const integrityModule = defineModule({
  name: 'integrity',
  routes: [integrityRoutes],
  homeTiles: integrityHomeTiles,
});
