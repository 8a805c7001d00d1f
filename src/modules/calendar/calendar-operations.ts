import { z } from 'zod';
import type { ModuleManifest } from '../manifest.ts';
import type { CalendarItem, CalendarRange, ModuleReadContext } from './calendar-item.ts';

/** The longest range one request may ask for (a year, leap day included). */
export const MAX_DAYS = 366;
/** The most items one answer carries (`truncated` says when more met the range). */
export const MAX_ITEMS = 2000;

const DAY = 24 * 3600_000;

export const calendarQuery = z
  .strictObject({
    from: z.iso.date('from: the first day, as YYYY-MM-DD'),
    to: z.iso.date('to: the last day, as YYYY-MM-DD'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must be the same day as "from" or later' })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / DAY < MAX_DAYS, {
    path: ['to'],
    message: `the range may cover at most ${MAX_DAYS} days`,
  });

/** The day an item starts (all-day dates as they are; moments by their UTC day). */
const dayOf = (i: CalendarItem) => i.start.slice(0, 10);

/**
 * The calendar of one caller: what every module's `calendarItems` gives for the range (each
 * module reads through its own policies), in order of time, at most MAX_ITEMS.
 */
export async function calendarFor(
  ctx: ModuleReadContext,
  modules: readonly ModuleManifest[],
  range: CalendarRange,
): Promise<{ from: string; to: string; items: (CalendarItem & { module: string })[]; truncated: boolean }> {
  const items: (CalendarItem & { module: string })[] = [];
  for (const m of modules) {
    if (!m.calendarItems) continue;
    for (const i of await m.calendarItems(ctx, range)) items.push({ ...i, module: m.name });
  }
  items.sort(
    (a, b) => dayOf(a).localeCompare(dayOf(b)) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id),
  );
  return { ...range, items: items.slice(0, MAX_ITEMS), truncated: items.length > MAX_ITEMS };
}
