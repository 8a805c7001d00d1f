import { isPlatformAdmin } from '../../access/actor.ts';
import type { CalendarItem, CalendarRange, ModuleReadContext } from '../calendar/calendar-item.ts';
import type { HomeTask } from '../home/home-item.ts';

/** Scheduled tasks whose last run failed, for platform administrators (the only ones who see them). */
export async function schedulerHomeTasks({ actor, deps }: ModuleReadContext): Promise<HomeTask[]> {
  if (!isPlatformAdmin(actor)) return [];
  const failed = (await deps.scheduler.status()).filter((s) => s.lastStatus === 'failed').length;
  return failed
    ? [
        {
          id: 'scheduler.failed',
          area: 'platform',
          title: { key: 'scheduler.dashboard.failed', params: {} },
          count: failed,
          link: '/scheduled-tasks',
        },
      ]
    : [];
}

/** When each scheduled task runs next, for platform administrators. */
export async function schedulerCalendarItems(
  { actor, deps }: ModuleReadContext,
  range: CalendarRange,
): Promise<CalendarItem[]> {
  if (!isPlatformAdmin(actor)) return [];
  const from = new Date(`${range.from}T00:00:00Z`).getTime();
  const to = new Date(`${range.to}T00:00:00Z`).getTime() + 24 * 3600_000;
  return (await deps.scheduler.status())
    .filter((s) => s.nextDueAt && s.nextDueAt.getTime() >= from && s.nextDueAt.getTime() < to)
    .map((s) => ({
      id: `scheduler:${s.name}`,
      kind: 'scheduled-task.next-run',
      what: {
        key: 'scheduler.calendar.nextRun',
        params: { task: { t: `scheduler.task.${s.name}`, fallback: s.description } },
      },
      title: s.name,
      start: s.nextDueAt!.toISOString(),
      end: null,
      allDay: false,
      link: '/scheduled-tasks',
      area: 'platform',
      organisation: null,
      marking: null,
    }));
}
