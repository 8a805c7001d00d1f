import { isUser } from '../../access/actor.ts';
import { jobPolicy } from '../../access/job-policy.ts';
import type { ModuleReadContext } from '../calendar/calendar-item.ts';
import type { HomeTask } from '../home/home-item.ts';

/** The caller's own jobs that failed in the last seven days (to look at the errors, or start again). */
export async function jobHomeTasks({ db, actor }: ModuleReadContext): Promise<HomeTask[]> {
  if (!isUser(actor)) return [];
  const r = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(jobPolicy.readable(actor, 'jobs'))
    .where('jobs.created_by', '=', actor.userId)
    .where('jobs.state', '=', 'failed')
    .where('jobs.finished_at', '>=', new Date(Date.now() - 7 * 24 * 3600_000))
    .executeTakeFirstOrThrow();
  const n = Number(r.n);
  return n
    ? [
        {
          id: 'jobs.failed',
          area: 'platform',
          title: { key: 'jobs.dashboard.failed', params: {} },
          count: n,
          link: '/jobs',
        },
      ]
    : [];
}
