import { defineModule } from '../manifest.ts';
import { plainAuditSentences, sentenceKey, titled } from '../sentence.ts';
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
  notificationSentences: Object.fromEntries(
    ['mapping_campaign.opened', 'mapping_campaign.assigned', 'mapping_campaign.reopened'].map((k) => [
      k,
      (n: { summary: string }) => titled(sentenceKey('mapping', 'notify', k), n.summary || null),
    ]),
  ),
  auditSentences: plainAuditSentences('mapping', [
    'mapping_questionnaire.imported',
    'mapping_questionnaire.version_published',
    'mapping_campaign.opened',
    'mapping_campaign.extended',
    'mapping_campaign.records_mapped',
    'mapping_assignment.created',
    'mapping_assignment.removed',
    'mapping_response.saved',
    'mapping_response.validated',
    'mapping_response.reopened',
    'mapping_response.file_added',
    'mapping_response.file_removed',
  ]),
});
