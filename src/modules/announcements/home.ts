import type { ModuleReadContext } from '../calendar/calendar-item.ts';
import type { HomeTile } from '../home/home-item.ts';
import { readableAnnouncements } from './announcement-queries.ts';

/** The announcements of the last 30 days the caller may read (the list's own filter). */
export async function announcementHomeTiles({ db, actor }: ModuleReadContext): Promise<HomeTile[]> {
  const since = new Date(Date.now() - 30 * 24 * 3600_000);
  const r = await readableAnnouncements(db, actor, {})
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('a.created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return [
    {
      id: 'announcements.recent',
      area: 'platform',
      title: { key: 'platform.dashboard.recentAnnouncements', params: {} },
      count: Number(r.n),
      link: '/announcements',
    },
  ];
}
