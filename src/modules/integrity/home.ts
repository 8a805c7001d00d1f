import { isUser } from '../../access/actor.ts';
import type { ModuleReadContext } from '../calendar/calendar-item.ts';
import type { HomeTile } from '../home/home-item.ts';
import { initiativeCoverage, overdueLessonActions } from './overview.ts';

/**
 * The integrity area's tiles on the home page: the key factors no readable initiative addresses
 * (gaps), and the overdue follow-up actions of lessons learned; both open the area's page.
 */
export async function integrityHomeTiles({ db, actor }: ModuleReadContext): Promise<HomeTile[]> {
  if (!isUser(actor)) return [];
  const [coverage, overdue] = await Promise.all([
    initiativeCoverage(db, actor),
    overdueLessonActions(db, actor, 0),
  ]);
  return [
    {
      id: 'integrity.factor-gaps',
      area: 'resilience',
      title: { key: 'integrity.home.factorGaps', params: {} },
      count: coverage.gaps.length,
      link: '/integrity',
    },
    {
      id: 'integrity.overdue-actions',
      area: 'resilience',
      title: { key: 'integrity.home.overdueActions', params: {} },
      count: overdue.count,
      link: '/integrity',
    },
  ];
}
