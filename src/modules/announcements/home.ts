import { announcement } from '../../registry/kinds/communication/announcement.kind.ts';
import { readableKindQuery } from '../../registry/record-queries.ts';
import type { ModuleReadContext } from '../calendar/calendar-item.ts';
import type { HomeTile } from '../home/home-item.ts';

/** The announcements of the last 30 days the caller may read (the registry list's own filter). */
export async function announcementHomeTiles({ db, actor }: ModuleReadContext): Promise<HomeTile[]> {
  const since = new Date(Date.now() - 30 * 24 * 3600_000);
  const r = await readableKindQuery(db, actor, announcement, { status: 'published', fields: {} })
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('r.created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return [
    {
      id: 'announcements.recent',
      area: 'platform',
      title: { key: 'platform.dashboard.recentAnnouncements', params: {} },
      count: Number(r.n),
      link: '/registry/announcement',
    },
  ];
}
