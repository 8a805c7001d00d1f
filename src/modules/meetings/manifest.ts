import { defineModule } from '../manifest.ts';
import { actionPointReminders } from './action-point-reminders.ts';
import { meetingCalendarItems } from './calendar.ts';
import { meetingHomeTasks } from './home.ts';
import { meetingRoutes } from './meeting-routes.ts';
import { MEETINGS_AUDIT_SENTENCES, MEETINGS_NOTIFICATION_SENTENCES } from './sentences.ts';

/**
 * Meetings and the calendar feed: answers to invitations (RSVP), reminders of action points to
 * their owners, meetings in the calendar and each user's ICS subscription link. The kinds
 * `meeting` and `action_point` themselves are registry kinds (src/registry/kinds/communication).
 */
export const meetingsModule = defineModule({
  name: 'meetings',
  routes: [meetingRoutes],
  scheduledTasks: [actionPointReminders],
  calendarItems: meetingCalendarItems,
  homeTasks: meetingHomeTasks,
  auditSentences: MEETINGS_AUDIT_SENTENCES,
  notificationSentences: MEETINGS_NOTIFICATION_SENTENCES,
});
