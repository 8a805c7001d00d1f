import { type Kysely, sql } from 'kysely';

// Foundation schema. Written in the PostgreSQL 15 subset so PGlite (PostgreSQL 18 in WASM) and
// a PostgreSQL 15 server run the identical migration.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  type text NOT NULL CHECK (type IN ('national_administration','commission','eucab_body','eucab_unit')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  names jsonb NOT NULL DEFAULT '{}'::jsonb,
  country_code text,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE networks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  password_hash text,
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','disabled')),
  locale text NOT NULL DEFAULT 'en',
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_org_idx ON users (organisation_id);

CREATE TABLE role_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  role text NOT NULL CHECK (role IN ('platform_admin','ncp','ncp_deputy','risk_analyst','screening_reviewer')),
  granted_by uuid REFERENCES users(id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, organisation_id, role)
);

CREATE TABLE recovery_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  code_hash text NOT NULL,
  used_at timestamptz
);
CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  stage text NOT NULL CHECK (stage IN ('mfa','enrol','full')),
  auth_method text NOT NULL CHECK (auth_method IN ('password','oidc')),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  name text NOT NULL,
  prefix text NOT NULL UNIQUE,
  key_hash text NOT NULL,
  scopes text[] NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_keys_user_idx ON api_keys (user_id);

CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE identity_providers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  name text NOT NULL,
  issuer text NOT NULL,
  client_id text NOT NULL,
  client_secret text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (issuer, client_id)
);

CREATE TABLE oidc_login_states (
  state_hash text PRIMARY KEY,
  provider_id uuid NOT NULL REFERENCES identity_providers(id),
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE TABLE user_identities (
  provider_id uuid NOT NULL REFERENCES identity_providers(id),
  subject text NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider_id, subject)
);

CREATE TABLE network_memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES networks(id),
  user_id uuid NOT NULL REFERENCES users(id),
  role text NOT NULL CHECK (role IN ('coordinator','expert','observer')),
  status text NOT NULL CHECK (status IN ('requested','endorsed','active','rejected','withdrawn')),
  requested_by uuid REFERENCES users(id),
  endorsed_by uuid REFERENCES users(id),
  decided_by uuid REFERENCES users(id),
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX network_memberships_open_key ON network_memberships (network_id, user_id)
  WHERE status IN ('requested','endorsed','active');
CREATE INDEX network_memberships_user_idx ON network_memberships (user_id);

CREATE TABLE sharing_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  description text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE sharing_group_members (
  sharing_group_id uuid NOT NULL REFERENCES sharing_groups(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (sharing_group_id, organisation_id)
);

-- A shared record: owning organisation, distribution and TLP marking (the access envelope).
CREATE TABLE announcements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES networks(id),
  owner_org_id uuid NOT NULL REFERENCES organisations(id),
  author_id uuid NOT NULL REFERENCES users(id),
  title text NOT NULL,
  body text NOT NULL,
  distribution text NOT NULL CHECK (distribution IN ('organisation','network','sharing_group','eucab','public')),
  distribution_network_id uuid REFERENCES networks(id),
  sharing_group_id uuid REFERENCES sharing_groups(id),
  tlp text NOT NULL CHECK (tlp IN ('clear','green','amber','amber_strict','red')),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || body)) STORED,
  CHECK (distribution <> 'public' OR tlp = 'clear'),
  CHECK (distribution <> 'network' OR distribution_network_id IS NOT NULL),
  CHECK (distribution <> 'sharing_group' OR sharing_group_id IS NOT NULL)
);
CREATE INDEX announcements_search_idx ON announcements USING gin (search);
CREATE INDEX announcements_network_idx ON announcements (network_id, created_at DESC);

-- Named recipients of RED records (any shared record kind).
CREATE TABLE record_recipients (
  record_kind text NOT NULL,
  record_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  PRIMARY KEY (record_kind, record_id, user_id)
);
CREATE INDEX record_recipients_user_idx ON record_recipients (user_id);

CREATE TABLE attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_kind text NOT NULL,
  record_id uuid NOT NULL,
  filename text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_record_idx ON attachments (record_kind, record_id);

CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL,
  record_kind text,
  record_id uuid,
  summary text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);

-- Append-only, hash-chained audit trail.
CREATE TABLE audit_events (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  occurred_at timestamptz NOT NULL,
  actor_id uuid,
  actor_label text NOT NULL,
  organisation_id uuid,
  action text NOT NULL,
  record_kind text NOT NULL,
  record_id text,
  changes jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_events_record_idx ON audit_events (record_kind, record_id);
CREATE INDEX audit_events_org_idx ON audit_events (organisation_id, seq DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, seq DESC);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- Background work: outbox of events to process after commit (notifications, e-mails).
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  topic text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  processed_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE processed_at IS NULL;

-- Staging area for imports: rows are written in short batches outside any long transaction and
-- published in one short transaction.
CREATE TABLE import_jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  created_by uuid NOT NULL REFERENCES users(id),
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  status text NOT NULL CHECK (status IN ('staging','staged','publishing','published','failed','cancelled')),
  total_rows integer NOT NULL DEFAULT 0,
  staged_rows integer NOT NULL DEFAULT 0,
  inserted integer NOT NULL DEFAULT 0,
  updated integer NOT NULL DEFAULT 0,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE TABLE import_rows (
  job_id uuid NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
  line integer NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (job_id, line)
);
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reverted.');
}
