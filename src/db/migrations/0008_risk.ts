import { type Kysely, sql } from 'kysely';

/**
 * Risk analysis in the platform: declaration datasets (rows stored as gzip-compressed JSON chunks
 * of 5,000 rows, so a million-row history is 200 rows of bytea), model versions (exactly one
 * active per organisation), scored batches with their selection and explanations, control
 * outcomes per declaration. Everything belongs to one organisation (never shared).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE risk_datasets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  purpose text NOT NULL CHECK (purpose IN ('history', 'batch')),
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  header jsonb NOT NULL,
  mapping jsonb NOT NULL,
  row_count integer NOT NULL DEFAULT 0,
  labelled_count integer NOT NULL DEFAULT 0,
  positives integer NOT NULL DEFAULT 0,
  date_from date,
  date_to date,
  report jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  is_demo boolean NOT NULL DEFAULT false
);
CREATE INDEX risk_datasets_org ON risk_datasets (organisation_id, created_at DESC);

CREATE TABLE risk_dataset_chunks (
  dataset_id uuid NOT NULL REFERENCES risk_datasets(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  chunk_no integer NOT NULL,
  row_count integer NOT NULL,
  rows bytea NOT NULL,
  PRIMARY KEY (dataset_id, chunk_no)
);

CREATE TABLE risk_models (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  version integer NOT NULL,
  active boolean NOT NULL DEFAULT false,
  document bytea NOT NULL,
  mapping jsonb NOT NULL,
  header jsonb NOT NULL,
  settings jsonb NOT NULL,
  trained_on jsonb NOT NULL,
  training_rows integer NOT NULL,
  positives integer NOT NULL,
  metrics jsonb NOT NULL,
  importance jsonb NOT NULL,
  rule_importance jsonb NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  activated_at timestamptz,
  is_demo boolean NOT NULL DEFAULT false,
  UNIQUE (organisation_id, version)
);
CREATE UNIQUE INDEX risk_models_one_active ON risk_models (organisation_id) WHERE active;

CREATE TABLE risk_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  dataset_id uuid NOT NULL REFERENCES risk_datasets(id),
  model_id uuid NOT NULL REFERENCES risk_models(id),
  model_version integer NOT NULL,
  settings jsonb NOT NULL,
  row_count integer NOT NULL,
  selected_count integer NOT NULL,
  mandatory_count integer NOT NULL,
  explore_count integer NOT NULL,
  outcomes_count integer NOT NULL DEFAULT 0,
  controlled integer NOT NULL DEFAULT 0,
  frauds_found integer NOT NULL DEFAULT 0,
  explore_frauds integer NOT NULL DEFAULT 0,
  revenue_found double precision NOT NULL DEFAULT 0,
  outcomes_at timestamptz,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  is_demo boolean NOT NULL DEFAULT false
);
CREATE INDEX risk_batches_org ON risk_batches (organisation_id, created_at);

CREATE TABLE risk_selections (
  batch_id uuid NOT NULL REFERENCES risk_batches(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  rank integer NOT NULL,
  declaration_id text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('mandatory', 'exploit', 'explore')),
  score double precision NOT NULL,
  probability double precision NOT NULL,
  base double precision NOT NULL,
  contributions jsonb NOT NULL,
  rest double precision NOT NULL,
  rule_hits jsonb NOT NULL,
  mandatory_reasons jsonb NOT NULL,
  PRIMARY KEY (batch_id, rank),
  UNIQUE (batch_id, declaration_id)
);

CREATE TABLE risk_outcomes (
  batch_id uuid NOT NULL REFERENCES risk_batches(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  declaration_id text NOT NULL,
  fraud boolean NOT NULL,
  revenue double precision,
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (batch_id, declaration_id)
);
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
