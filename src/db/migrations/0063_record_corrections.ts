import { type Kysely, sql } from 'kysely';

// A correction of a published record of a kind with approval steps is a round of its own
// (record_submissions): the proposed data and the proposer's note wait there until the last step
// is approved (applied as a new version), a step is rejected or the proposer withdraws it. A
// round without proposed data is a submission of a draft, as before.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
ALTER TABLE record_submissions ADD COLUMN proposed_data jsonb;
ALTER TABLE record_submissions ADD COLUMN proposed_note text;
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
