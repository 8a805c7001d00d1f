import type { Actor } from '../../access/actor.ts';
import type { AppDeps } from '../../server/deps.ts';

/** A signed-in user: routes get one from `requireUser`, jobs from their starter. */
export type UserActor = Actor & { userId: string; orgId: string };

/** What a change needs: the database and the outbox woken after commit (`change()`). */
export type ChangeDeps = Pick<AppDeps, 'db' | 'outbox'>;
