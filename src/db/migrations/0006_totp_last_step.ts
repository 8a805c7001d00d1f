import { type Kysely, sql } from 'kysely';

// The last TOTP time step a user signed in with: a code is accepted once (no replay in its window).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN totp_last_step bigint`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
