import { type RawBuilder, sql } from 'kysely';

/** Case-insensitive match on users.email (served by the unique index on lower(email)). */
export function emailIs(email: string): RawBuilder<boolean> {
  return sql<boolean>`lower(email) = ${email.toLowerCase()}`;
}
