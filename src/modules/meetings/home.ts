import { sql } from 'kysely';
import { isUser } from '../../access/actor.ts';
import { readableKindQuery } from '../../registry/record-queries.ts';
import type { ModuleReadContext } from '../calendar/calendar-item.ts';
import type { HomeTask } from '../home/home-item.ts';
import { actionPointKind } from './meeting-kinds.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * What waits for the caller: the open action points they own (published, readable to them), and
 * among them those overdue. The links open the action-point list filtered to them.
 */
export async function meetingHomeTasks({ db, actor }: ModuleReadContext): Promise<HomeTask[]> {
  if (!isUser(actor)) return [];
  const row = await readableKindQuery(db, actor, actionPointKind, { status: 'published', fields: {} })
    .where(sql<string>`r.data->>'responsible'`, '=', actor.userId)
    .where(sql<string>`r.data->>'state'`, '=', 'open')
    .select((eb) => [
      eb.fn.countAll<string>().as('open'),
      eb.fn.count<string>(sql`CASE WHEN r.data->>'due_date' < ${today()} THEN 1 END`).as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  const link = `/registry/action_point?responsible=${actor.userId}&state=open`;
  const tasks: HomeTask[] = [];
  if (Number(row.open) > 0)
    tasks.push({
      id: 'meetings.action-points.open',
      area: 'communication',
      title: { key: 'meetings.home.openActionPoints', params: {} },
      count: Number(row.open),
      link,
    });
  if (Number(row.overdue) > 0)
    tasks.push({
      id: 'meetings.action-points.overdue',
      area: 'communication',
      title: { key: 'meetings.home.overdueActionPoints', params: {} },
      count: Number(row.overdue),
      link,
    });
  return tasks;
}
