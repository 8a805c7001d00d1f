import { canActScreeningOwn, screeningCasePolicy } from '../../access/screening-policy.ts';
import type { ModuleReadContext } from '../calendar/calendar-item.ts';
import type { HomeTask } from '../home/home-item.ts';

/** Possible matches of the reviewer's own administration that wait for a decision. */
export async function screeningHomeTasks({ db, actor }: ModuleReadContext): Promise<HomeTask[]> {
  if (!canActScreeningOwn(actor)) return [];
  const r = await db
    .selectFrom('screening_cases as c')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(screeningCasePolicy.readable(actor, 'c'))
    .where('c.state', 'in', ['open', 'review'])
    .executeTakeFirstOrThrow();
  const n = Number(r.n);
  return n
    ? [
        {
          id: 'screening.cases',
          area: 'risk',
          title: { key: 'screening.dashboard.casesToReview', params: {} },
          count: n,
          link: '/screening',
        },
      ]
    : [];
}
