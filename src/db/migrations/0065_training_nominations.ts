import { type Kysely, sql } from 'kysely';

// Registration for training events (src/modules/training): the nominations of each administration
// — seated within its quota, or on the waiting list — with attendance, and the release of unused
// seats on the event's release date (one row per event, written in the transaction that seats the
// waiting nominees, so a restart or a second process never releases an event twice).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE training_nominations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES registry_records(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  nominee_name text NOT NULL CHECK (length(btrim(nominee_name)) BETWEEN 1 AND 200),
  nominated_by uuid NOT NULL REFERENCES users(id),
  nominated_at timestamptz NOT NULL DEFAULT now(),
  state text NOT NULL CHECK (state IN ('seated', 'waiting', 'withdrawn')),
  seat_source text CHECK (seat_source IN ('quota', 'released')),
  seated_at timestamptz,
  attended boolean,
  CHECK ((state = 'seated') = (seat_source IS NOT NULL))
)`.execute(db);
  await sql`CREATE INDEX training_nominations_event ON training_nominations (event_id, organisation_id)`.execute(
    db,
  );
  await sql`
CREATE TABLE training_seat_releases (
  event_id uuid PRIMARY KEY REFERENCES registry_records(id) ON DELETE CASCADE,
  released_at timestamptz NOT NULL,
  seats_awarded integer NOT NULL CHECK (seats_awarded >= 0),
  seats_left integer NOT NULL CHECK (seats_left >= 0)
)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
