import { type Kysely, sql } from 'kysely';

/**
 * Demo questionnaires and campaigns (the integrity self-assessment the demo loads) are marked as
 * demo data, as users and records are (`is_demo`), so that they can be told apart and removed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE mapping_questionnaires ADD COLUMN is_demo boolean NOT NULL DEFAULT false`.execute(db);
  await sql`ALTER TABLE mapping_campaigns ADD COLUMN is_demo boolean NOT NULL DEFAULT false`.execute(db);
}
