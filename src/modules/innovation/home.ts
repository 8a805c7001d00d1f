import { isUser } from '../../access/actor.ts';
import type { ModuleReadContext } from '../calendar/calendar-item.ts';
import type { HomeTile } from '../home/home-item.ts';
import { innovationOverview } from './operations/overview.ts';

/** The innovation area's tiles on the home page: initiatives and common initiatives the caller may read. */
export async function innovationHomeTiles({ db, actor }: ModuleReadContext): Promise<HomeTile[]> {
  if (!isUser(actor)) return [];
  const overview = await innovationOverview(db, actor);
  return [
    {
      id: 'innovation.initiatives',
      area: 'innovation',
      title: { key: 'innovation.home.initiatives', params: {} },
      count: overview.total,
      link: '/innovation',
    },
    {
      id: 'innovation.common',
      area: 'innovation',
      title: { key: 'innovation.home.common', params: {} },
      count: overview.common.length,
      link: '/innovation',
    },
  ];
}
