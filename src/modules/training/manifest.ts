import { defineModule } from '../manifest.ts';
import { releaseTrainingSeats } from './release-task.ts';
import { TRAINING_AUDIT_SENTENCES, TRAINING_NOTIFICATION_SENTENCES } from './sentences.ts';
import { trainingRoutes } from './training-routes.ts';

/**
 * The training area (issue 14): registration for training events (seat quotas per administration,
 * nominations by the NCP, the waiting list, the release of unused seats on the release date,
 * attendance). Courses, trainers, facilities and events are registry kinds
 * (src/registry/kinds/training); the events' dates are in the calendar through the registry.
 */
export const trainingModule = defineModule({
  name: 'training',
  routes: [trainingRoutes],
  scheduledTasks: [releaseTrainingSeats],
  auditSentences: TRAINING_AUDIT_SENTENCES,
  notificationSentences: TRAINING_NOTIFICATION_SENTENCES,
});
