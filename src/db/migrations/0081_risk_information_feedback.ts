import { type Kysely, sql } from 'kysely';

// Risk information (issue 17): each recipient administration confirms receipt of a risk
// information (which version it read) and later reports what its controls found: whether a control
// was performed, its result and how useful the information was. One row per record and
// administration; read by that administration and the record's owner (src/access/risk-information-policy.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE risk_information_feedback (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id uuid NOT NULL REFERENCES registry_records(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  received_by uuid NOT NULL REFERENCES users(id),
  received_at timestamptz NOT NULL DEFAULT now(),
  received_version integer NOT NULL,
  feedback_by uuid REFERENCES users(id),
  feedback_at timestamptz,
  control_performed boolean,
  result text CHECK (result IN ('no_irregularity', 'irregularity_found', 'seizure', 'ongoing')),
  usefulness text CHECK (usefulness IN ('very_useful', 'useful', 'not_useful', 'not_relevant')),
  comment text NOT NULL DEFAULT '',
  UNIQUE (record_id, organisation_id),
  CHECK ((feedback_at IS NULL) = (feedback_by IS NULL)),
  CHECK ((feedback_at IS NULL) = (usefulness IS NULL)),
  CHECK ((feedback_at IS NULL) = (control_performed IS NULL)),
  CHECK (result IS NULL OR control_performed)
)`.execute(db);
  await sql`CREATE INDEX risk_information_feedback_org ON risk_information_feedback (organisation_id)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
