import { type Kysely, sql } from 'kysely';

/**
 * Mapping exercises (src/modules/mapping): questionnaires with published versions (the definition
 * as JSON, never changed once stored), campaigns sending one version to a set of administrations,
 * the NCPs' assignments, one response per administration (or per person) with its saved versions,
 * and the reminders already e-mailed (so each is sent once, across restarts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE mapping_questionnaires (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 200),
  network_id uuid REFERENCES networks(id),
  title text NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE mapping_questionnaire_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  questionnaire_id uuid NOT NULL REFERENCES mapping_questionnaires(id),
  version text NOT NULL CHECK (length(version) BETWEEN 1 AND 100),
  title text NOT NULL,
  definition jsonb NOT NULL,
  previous_version_id uuid REFERENCES mapping_questionnaire_versions(id),
  comparison jsonb,
  warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (questionnaire_id, version)
);

CREATE TABLE mapping_campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  questionnaire_version_id uuid NOT NULL REFERENCES mapping_questionnaire_versions(id),
  network_id uuid NOT NULL REFERENCES networks(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  respondent_unit text NOT NULL CHECK (respondent_unit IN ('administration', 'person')),
  sharing text NOT NULL CHECK (sharing IN ('named', 'aggregate_only', 'coordinator_only')),
  target jsonb NOT NULL,
  reminder_days integer[] NOT NULL DEFAULT '{7,2}',
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_at > opens_at)
);
CREATE INDEX mapping_campaigns_version ON mapping_campaigns (questionnaire_version_id);

CREATE TABLE mapping_campaign_participants (
  campaign_id uuid NOT NULL REFERENCES mapping_campaigns(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (campaign_id, organisation_id)
);
CREATE INDEX mapping_participants_org ON mapping_campaign_participants (organisation_id);

CREATE TABLE mapping_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES mapping_campaigns(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  role text NOT NULL CHECK (role IN ('respondent', 'validator')),
  assigned_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, user_id, role)
);

CREATE TABLE mapping_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES mapping_campaigns(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  respondent_user_id uuid REFERENCES users(id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'validated', 'reopened')),
  answers jsonb NOT NULL DEFAULT '{}'::jsonb,
  version integer NOT NULL DEFAULT 0,
  last_editor_id uuid REFERENCES users(id),
  last_edited_at timestamptz,
  validated_by uuid REFERENCES users(id),
  validated_at timestamptz,
  reopen_reason text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX mapping_responses_unit ON mapping_responses
  (campaign_id, organisation_id, coalesce(respondent_user_id, '00000000-0000-0000-0000-000000000000'::uuid));

CREATE TABLE mapping_response_versions (
  response_id uuid NOT NULL REFERENCES mapping_responses(id),
  version integer NOT NULL,
  answers jsonb NOT NULL,
  edited_by uuid NOT NULL REFERENCES users(id),
  edited_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (response_id, version)
);

CREATE TABLE mapping_reminders_sent (
  campaign_id uuid NOT NULL REFERENCES mapping_campaigns(id),
  user_id uuid NOT NULL REFERENCES users(id),
  days_before integer NOT NULL,
  closes_at timestamptz NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, user_id, days_before, closes_at)
)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
