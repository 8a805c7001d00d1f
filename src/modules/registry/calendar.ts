import { sql } from 'kysely';
import { isUser } from '../../access/actor.ts';
import type { KindDefinition } from '../../registry/definition.ts';
import { readableKindQuery } from '../../registry/record-queries.ts';
import type { CalendarItem, CalendarRange, ModuleReadContext } from '../calendar/calendar-item.ts';

/**
 * The dates of registry records the calendar shows: a date field (`start`), or a span from
 * `start` to `end`. `calendar.test.ts` checks that each names date fields of a kind in KINDS.
 */
export const CALENDAR_DATES: readonly { kind: string; start: string; end?: string }[] = [
  { kind: 'tender', start: 'submission_deadline' },
  { kind: 'tender', start: 'publication_date' },
  { kind: 'field_test', start: 'start_date', end: 'end_date' },
  { kind: 'goods_measure', start: 'valid_from' },
  { kind: 'action_point', start: 'due_date' },
  { kind: 'training_event', start: 'starts_on', end: 'ends_on' },
  { kind: 'training_event', start: 'release_date' },
];

/** At most this many dates per field and range (a month of one kind rarely has more). */
const LIMIT = 500;

/**
 * The dated records the caller may read (the kind's readable filter, as every list), whose date
 * or span meets the range. Owner-only date fields are shown to the owning organisation alone.
 */
export async function registryCalendarItems(
  { db, actor }: ModuleReadContext,
  range: CalendarRange,
  kinds: readonly KindDefinition[],
): Promise<CalendarItem[]> {
  const out: CalendarItem[] = [];
  for (const d of CALENDAR_DATES) {
    const kind = kinds.find((k) => k.name === d.kind);
    if (!kind) continue;
    const ownerOnly = [d.start, d.end].some((f) => f && kind.fields[f]?.visibleTo);
    if (ownerOnly && !isUser(actor)) continue;
    const start = sql<string>`r.data->>${d.start}`;
    const end = d.end ? sql<string>`coalesce(r.data->>${d.end}, r.data->>${d.start})` : start;
    let q = readableKindQuery(db, actor, kind, { fields: {} })
      .select(['r.id', 'r.title', 'r.tlp', 'r.owner_org_id', 'o.code as owner_code', start.as('start_day')])
      .select(end.as('end_day'))
      .where(start, '<=', range.to)
      .where(end, '>=', range.from);
    if (ownerOnly && isUser(actor)) q = q.where('r.owner_org_id', '=', actor.orgId);
    const rows = await q.orderBy(start).limit(LIMIT).execute();
    for (const r of rows)
      out.push({
        id: `registry:${kind.name}:${r.id}:${d.start}`,
        kind: `${kind.name}.${d.start}`,
        // the kind's own words (its definition): the kind for a span, the date field otherwise
        what: {
          key: 'registry.calendarWhat',
          params: { what: { labels: d.end ? kind.label : kind.fields[d.start]!.label } },
        },
        title: r.title,
        start: r.start_day,
        end: d.end && r.end_day !== r.start_day ? r.end_day : null,
        allDay: true,
        link: `/registry/${kind.name}/${r.id}`,
        area: kind.area,
        organisation: { id: r.owner_org_id, code: r.owner_code },
        marking: r.tlp,
      });
  }
  return out;
}
