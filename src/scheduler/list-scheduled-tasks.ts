import { type Actor, isPlatformAdmin } from '../access/actor.ts';
import { forbidden } from '../http/errors.ts';
import type { Scheduler } from './scheduler.ts';

/** Every scheduled task with its last run and when it is next due (platform administrators). */
export async function listScheduledTasks(scheduler: Pick<Scheduler, 'status'>, a: Actor) {
  if (!isPlatformAdmin(a)) throw forbidden('Only platform administrators see the scheduled tasks.');
  return { items: await scheduler.status() };
}
