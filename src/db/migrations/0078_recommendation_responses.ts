import { type Kysely, sql } from 'kysely';

/**
 * Recipients' responses to a profile recommendation (issue 17): an adoption (adopted, adapted,
 * not adopted with a reason) and feedback on the results of controls over a period (controls
 * made, irregularities found, seizures, revenue, or "not relevant"). One row per response; the
 * recommendation's owning administration is kept on the row (it never changes) so that the policy
 * (`recommendationResponsePolicy`) decides reading from the row alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE recommendation_responses (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    record_id uuid NOT NULL REFERENCES registry_records(id) ON DELETE CASCADE,
    record_owner_org_id uuid NOT NULL REFERENCES organisations(id),
    organisation_id uuid NOT NULL REFERENCES organisations(id),
    author_id uuid NOT NULL REFERENCES users(id),
    response_type text NOT NULL CHECK (response_type IN ('adoption', 'feedback')),
    adoption text CHECK (adoption IN ('adopted', 'adapted', 'not_adopted')),
    reason text,
    period_from date,
    period_to date,
    controls integer CHECK (controls >= 0),
    irregularities integer CHECK (irregularities >= 0),
    seizures integer CHECK (seizures >= 0),
    revenue double precision CHECK (revenue >= 0),
    not_relevant boolean NOT NULL DEFAULT false,
    comment text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((response_type = 'adoption') = (adoption IS NOT NULL)),
    CHECK (adoption IS DISTINCT FROM 'not_adopted' OR reason IS NOT NULL)
  )`.execute(db);
  await sql`CREATE INDEX recommendation_responses_record ON recommendation_responses (record_id, organisation_id, created_at)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
