import type { Actor } from '../access/actor.ts';
import type { Database } from '../db/connection.ts';

/** The transaction type lives with the connection (src/db), below every folder that writes. */
export type { Trx } from '../db/connection.ts';

/** Every read and change runs with a context: who acts, and the database handle. */
export interface Ctx {
  actor: Actor;
  db: Database;
}
