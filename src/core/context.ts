import type { Transaction } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { Database } from '../db/connection.ts';
import type { DB } from '../db/schema.ts';

/** Every read and change runs with a context: who acts, and the database handle. */
export interface Ctx {
  actor: Actor;
  db: Database;
}

export type Trx = Transaction<DB>;
