import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Migration 0053_digest_claims: each user's digest of a period, claimed before it is sent. */
export interface DigestClaimsTable {
  user_id: string;
  /** `daily:YYYY-MM-DD` or `weekly:YYYY-Www` (ISO week), in UTC. */
  period: string;
  claimed_at: Timestamp;
  /** SHA-256 (hex) of the secret in the digest's unsubscribe link (the secret is never stored). */
  unsubscribe_hash: string;
}

/** Tables of the e-mail digest (registered in DB through `DigestTables`). */
export interface DigestTables {
  digest_claims: DigestClaimsTable;
}
