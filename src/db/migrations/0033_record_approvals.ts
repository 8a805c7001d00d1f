import { type Kysely, sql } from 'kysely';

// Approval steps as data (src/access/approval-policy.ts): each submission of a record is a round;
// each decision on a step of that round is a row of record_approvals. Records submitted before
// this migration get their open round (no decision yet).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE record_submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_kind text NOT NULL,
  record_id uuid NOT NULL,
  round integer NOT NULL,
  submitted_by uuid NOT NULL REFERENCES users(id),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  reviewer_ids uuid[] NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open','approved','rejected','withdrawn')),
  closed_at timestamptz,
  UNIQUE (record_kind, record_id, round)
);
CREATE UNIQUE INDEX record_submissions_open_idx ON record_submissions (record_kind, record_id) WHERE state = 'open';

CREATE TABLE record_approvals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  submission_id uuid NOT NULL REFERENCES record_submissions(id) ON DELETE CASCADE,
  step integer NOT NULL CHECK (step >= 0),
  approver_id uuid NOT NULL REFERENCES users(id),
  decision text NOT NULL CHECK (decision IN ('approve','reject')),
  comment text,
  decided_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (submission_id, step),
  CHECK (decision = 'approve' OR comment IS NOT NULL)
);

INSERT INTO record_submissions (record_kind, record_id, round, submitted_by, submitted_at)
SELECT kind, id, 1, coalesce(submitted_by, author_id), updated_at
FROM registry_records WHERE status = 'submitted';
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
