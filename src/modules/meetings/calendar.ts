import { sql } from 'kysely';
import { isUser } from '../../access/actor.ts';
import { readableKindQuery } from '../../registry/record-queries.ts';
import type { CalendarItem, CalendarRange, ModuleReadContext } from '../calendar/calendar-item.ts';
import { meetingKind } from './meeting-kinds.ts';
import { rsvpSummaries } from './operations/rsvp.ts';

/** At most this many meetings per range (a year of meetings rarely has more). */
const LIMIT = 500;

/**
 * The meetings the caller may read (the kind's readable filter, as every list) that meet the
 * range of days (UTC), as moments with the organiser's time zone and the answers to the invitation.
 */
export async function meetingCalendarItems(
  { db, actor }: ModuleReadContext,
  range: CalendarRange,
): Promise<CalendarItem[]> {
  const starts = sql<string>`(r.data->>'starts_at')::timestamptz`;
  const ends = sql<string>`(r.data->>'ends_at')::timestamptz`;
  const rows = await readableKindQuery(db, actor, meetingKind, { fields: {} })
    .select(['r.id', 'r.title', 'r.tlp', 'r.owner_org_id', 'o.code as owner_code'])
    .select(sql<string>`r.data->>'starts_at'`.as('starts_at'))
    .select(sql<string>`r.data->>'ends_at'`.as('ends_at'))
    .select(sql<string>`r.data->>'time_zone'`.as('time_zone'))
    .where(starts, '<', sql<string>`(${range.to}::date + 1)::timestamptz`)
    .where(ends, '>=', sql<string>`${range.from}::date::timestamptz`)
    .orderBy(starts)
    .limit(LIMIT)
    .execute();
  const rsvps = await rsvpSummaries(
    db,
    isUser(actor) ? actor.userId : null,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const s = rsvps.get(r.id)!;
    return {
      id: `meetings:meeting:${r.id}`,
      kind: 'meeting',
      what: { key: 'registry.calendarWhat', params: { what: { labels: meetingKind.label } } },
      title: r.title,
      start: new Date(r.starts_at).toISOString(),
      end: new Date(r.ends_at).toISOString(),
      allDay: false,
      timeZone: r.time_zone,
      link: `/registry/meeting/${r.id}`,
      area: meetingKind.area,
      organisation: { id: r.owner_org_id, code: r.owner_code },
      marking: r.tlp,
      rsvp: { yes: s.yes, no: s.no, maybe: s.maybe, mine: s.mine },
    };
  });
}
