import { type Kysely, sql } from 'kysely';

// Second-factor attempts made on a half-signed-in session (stage 'mfa'): after MFA_MAX_ATTEMPTS
// the session is ended and the user starts again from the password.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sessions ADD COLUMN mfa_attempts integer NOT NULL DEFAULT 0`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
