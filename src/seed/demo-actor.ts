import { loadActor } from '../auth/actor-loader.ts';
import type { Database, Trx } from '../db/connection.ts';
import type { UserActor } from '../registry/operations/types.ts';
import { DEMO_DOMAIN } from './demo-data.ts';

/**
 * The actor of a demo person by the local part of their address (`nl.ncp` → nl.ncp@demo.eucab.eu),
 * built as at sign-in, for the demo seeds that write through the platform's operations. Throws when
 * the person is missing or not active (the demo data set is incomplete).
 */
export async function demoActor(db: Database | Trx, who: string): Promise<UserActor> {
  const u = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', `${who}@${DEMO_DOMAIN}`)
    .executeTakeFirstOrThrow();
  const actor = await loadActor(db as Database, u.id, null);
  if (!actor || !('userId' in actor) || !actor.orgId) throw new Error(`Demo user ${who} is not active.`);
  return actor as UserActor;
}
