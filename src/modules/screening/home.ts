import { isUser } from '../../access/actor.ts';
import { canActScreening, screeningOrgFilter } from '../../access/screening-policy.ts';
import type { ModuleReadContext } from '../calendar/calendar-item.ts';
import type { HomeTask } from '../home/home-item.ts';

/** Possible matches of the reviewer's own administration that wait for a decision. */
export async function screeningHomeTasks({ db, actor }: ModuleReadContext): Promise<HomeTask[]> {
  const org = screeningOrgFilter(actor);
  if (!org || !isUser(actor) || !canActScreening(actor, org)) return [];
  const r = await db
    .selectFrom('screening_cases')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', org)
    .where('state', 'in', ['open', 'review'])
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
