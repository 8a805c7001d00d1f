import { type Kysely, sql } from 'kysely';

// Registry engine storage: one generic records table for every kind (data in JSONB, the access
// envelope in columns), every version kept, comments, and multilingual versioned code lists.
// Per-kind indexes are generated from the definitions (0003_registry_indexes).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE code_lists (
  name text PRIMARY KEY,
  labels jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE code_list_entries (
  list text NOT NULL REFERENCES code_lists(name),
  code text NOT NULL,
  labels jsonb NOT NULL,
  meta jsonb NOT NULL DEFAULT '{}'::jsonb,
  active boolean NOT NULL DEFAULT true,
  since_version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (list, code)
);

CREATE TABLE registry_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  owner_org_id uuid NOT NULL REFERENCES organisations(id),
  author_id uuid NOT NULL REFERENCES users(id),
  distribution text NOT NULL CHECK (distribution IN ('organisation','network','sharing_group','eucab','public')),
  distribution_network_id uuid REFERENCES networks(id),
  sharing_group_id uuid REFERENCES sharing_groups(id),
  tlp text NOT NULL CHECK (tlp IN ('clear','green','amber','amber_strict','red')),
  status text NOT NULL CHECK (status IN ('draft','submitted','published','retracted')),
  version integer NOT NULL DEFAULT 1,
  import_key text,
  title text NOT NULL,
  language text NOT NULL DEFAULT 'en',
  data jsonb NOT NULL,
  search tsvector,
  submitted_by uuid REFERENCES users(id),
  published_by uuid REFERENCES users(id),
  published_at timestamptz,
  status_note text,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (distribution <> 'public' OR tlp = 'clear'),
  CHECK (distribution <> 'network' OR distribution_network_id IS NOT NULL),
  CHECK (distribution <> 'sharing_group' OR sharing_group_id IS NOT NULL)
);
CREATE UNIQUE INDEX registry_records_import_key ON registry_records (kind, owner_org_id, import_key);
CREATE INDEX registry_records_kind_idx ON registry_records (kind, status, updated_at DESC);
CREATE INDEX registry_records_owner_idx ON registry_records (kind, owner_org_id);
CREATE INDEX registry_records_search_idx ON registry_records USING gin (search);
CREATE INDEX registry_records_data_idx ON registry_records USING gin (data jsonb_path_ops);
CREATE INDEX registry_records_title_trgm ON registry_records USING gin (title gin_trgm_ops);

CREATE TABLE registry_versions (
  record_id uuid NOT NULL REFERENCES registry_records(id) ON DELETE CASCADE,
  version integer NOT NULL,
  status text NOT NULL,
  data jsonb NOT NULL,
  distribution text NOT NULL,
  tlp text NOT NULL,
  changed_by uuid NOT NULL REFERENCES users(id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  note text NOT NULL DEFAULT '',
  PRIMARY KEY (record_id, version)
);

CREATE TABLE registry_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id uuid NOT NULL REFERENCES registry_records(id) ON DELETE CASCADE,
  author_id uuid NOT NULL REFERENCES users(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  kind text NOT NULL CHECK (kind IN ('comment','feedback','interest')),
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registry_comments_record_idx ON registry_comments (record_id, created_at);

CREATE TABLE registry_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL,
  field text,
  prefix text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, kind, field, prefix)
);
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The registry migration cannot be reverted.');
}
