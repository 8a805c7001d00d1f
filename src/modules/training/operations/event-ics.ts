import type { Actor } from '../../../access/actor.ts';
import { eventAbilities } from '../../../access/training-policy.ts';
import type { Database } from '../../../db/connection.ts';
import { notFound } from '../../../http/errors.ts';
import { loadRegistryEnvelope } from '../../../registry/record-service.ts';
import type { CalendarItem } from '../../calendar/calendar-item.ts';
import { buildIcs } from '../../meetings/ics-feed.ts';
import { trainingEventKind } from '../training-kinds.ts';

/**
 * `GET /training/events/:id/ics`: one training event as an iCalendar file (its days, all day),
 * for a reader of the event. Written like the calendar feed (src/modules/meetings/ics-feed.ts):
 * the title only where the marking allows quoting it outside the platform, the link to its page.
 */
export async function eventIcs(
  db: Database,
  actor: Actor,
  eventId: string,
  opts: { locale: string; publicUrl: string; now?: Date },
): Promise<string> {
  const env = await loadRegistryEnvelope(db, trainingEventKind, eventId);
  if (!env || !eventAbilities(actor, env).read)
    throw notFound('No training event with this id that you may read.');
  const startsOn = String(env.data.starts_on);
  const endsOn = String(env.data.ends_on ?? startsOn);
  const item: CalendarItem = {
    id: `training:training_event:${eventId}`,
    kind: 'training_event',
    what: { key: 'registry.calendarWhat', params: { what: { labels: trainingEventKind.label } } },
    title: env.title,
    start: startsOn,
    end: endsOn !== startsOn ? endsOn : null,
    allDay: true,
    link: `/registry/training_event/${eventId}`,
    area: trainingEventKind.area,
    organisation: null,
    marking: env.tlp,
  };
  return buildIcs([item], { locale: opts.locale, publicUrl: opts.publicUrl, now: opts.now ?? new Date() });
}
