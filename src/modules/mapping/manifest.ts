import { defineModule } from '../manifest.ts';
import { mappingCampaignRoutes } from './campaign-routes.ts';
import { MAPPING_HANDLERS } from './mapping-handlers.ts';
import { mappingQuestionnaireRoutes } from './questionnaire-routes.ts';
import { mappingReminders } from './reminders.ts';
import { mappingResponseRoutes } from './response-routes.ts';
import { mappingResultRoutes } from './result-routes.ts';

/** Mapping exercises: questionnaires (XLSForm), campaigns, responses, results (README.md). */
export const mappingModule = defineModule({
  name: 'mapping',
  routes: [mappingQuestionnaireRoutes, mappingCampaignRoutes, mappingResponseRoutes, mappingResultRoutes],
  outboxHandlers: MAPPING_HANDLERS,
  scheduledTasks: [mappingReminders],
});
