import { type Kysely, sql } from 'kysely';

// Slowing of password sign-ins (src/auth/login-throttle.ts): failures counted per e-mail address
// (whether or not an account has it) and per client address, and the earliest time the next
// attempt is taken. Replaces the account lock that anyone could trigger with wrong passwords.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  next_allowed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_throttle_next_idx ON login_throttle (next_allowed_at);
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
