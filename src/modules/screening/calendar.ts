import { screeningAbilities } from '../../access/screening-policy.ts';
import type { CalendarItem, CalendarRange, ModuleReadContext } from '../calendar/calendar-item.ts';

/**
 * The days sanctions list versions were loaded, for those who work with them (screening
 * reviewers, and the platform administrators who load them). Lists are reference data every
 * signed-in user may read; the others are spared the entries.
 */
export async function screeningCalendarItems(
  { db, actor }: ModuleReadContext,
  range: CalendarRange,
): Promise<CalendarItem[]> {
  const ab = screeningAbilities(actor);
  if (!ab.readLists || !(ab.review || ab.loadLists)) return [];
  const rows = await db
    .selectFrom('screening_list_versions')
    .select(['id', 'list_id', 'label', 'entry_count', 'loaded_at'])
    .where('loaded_at', '>=', new Date(`${range.from}T00:00:00Z`))
    .where('loaded_at', '<', new Date(new Date(`${range.to}T00:00:00Z`).getTime() + 24 * 3600_000))
    .orderBy('loaded_at')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: `screening:list-version:${r.id}`,
    kind: 'screening.list-version',
    what: { key: 'screening.calendar.listVersionLoaded', params: { entries: r.entry_count } },
    title: `${r.list_id} — ${r.label}`,
    start: new Date(r.loaded_at).toISOString(),
    end: null,
    allDay: false,
    link: '/screening',
    area: 'risk',
    organisation: null,
    marking: null,
  }));
}
