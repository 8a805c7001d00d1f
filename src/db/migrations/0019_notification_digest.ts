import { type Kysely, sql } from 'kysely';

// The e-mail digest of notifications (src/modules/notifications/digest.ts): each user chooses how
// often (off, daily, weekly; daily by default) and the platform remembers when it last sent one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
ALTER TABLE users
  ADD COLUMN digest_frequency text NOT NULL DEFAULT 'daily'
    CHECK (digest_frequency IN ('off', 'daily', 'weekly')),
  ADD COLUMN digest_sent_at timestamptz`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
