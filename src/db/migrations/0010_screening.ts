import { type Kysely, sql } from 'kysely';

/**
 * Sanctions screening in the platform (issue 5).
 * - Lists are global reference data: sources, versions, and per version its entries as
 *   (entity id → content hash); the entity bodies are stored once per content hash
 *   (screening_entities), so an unchanged entry costs one small row per version and a diff or an
 *   "entry changed" test compares hashes only.
 * - Everything else belongs to one organisation (screened parties, batches, cases, declaration
 *   results): the screening policy (src/access/screening-policy.ts) filters on organisation_id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE screening_list_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      list_id text NOT NULL,
      format text NOT NULL,
      label text NOT NULL,
      source text NOT NULL,
      content_hash text NOT NULL,
      entry_count integer NOT NULL,
      is_demo boolean NOT NULL DEFAULT false,
      previous_id uuid REFERENCES screening_list_versions(id),
      loaded_by uuid REFERENCES users(id),
      loaded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX screening_list_versions_list ON screening_list_versions (list_id, loaded_at DESC)`.execute(
    db,
  );
  await sql`
    CREATE TABLE screening_entities (
      entity_hash text PRIMARY KEY,
      data jsonb NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE screening_list_entries (
      version_id uuid NOT NULL REFERENCES screening_list_versions(id) ON DELETE CASCADE,
      entity_id text NOT NULL,
      entity_hash text NOT NULL REFERENCES screening_entities(entity_hash),
      PRIMARY KEY (version_id, entity_id)
    )`.execute(db);

  await sql`
    CREATE TABLE screening_batches (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      created_by uuid NOT NULL REFERENCES users(id),
      kind text NOT NULL CHECK (kind IN ('parties', 'declarations')),
      filename text NOT NULL,
      file_hash text NOT NULL,
      state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
      done integer NOT NULL DEFAULT 0,
      total integer,
      summary jsonb NOT NULL DEFAULT '{}'::jsonb,
      errors jsonb NOT NULL DEFAULT '[]'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX screening_batches_org ON screening_batches (organisation_id, created_at DESC)`.execute(
    db,
  );

  // A party is stored once per organisation and identity (party_key: normalised name, kind,
  // country, birth date, identifiers), so a dismissal holds when the same party is screened again.
  await sql`
    CREATE TABLE screening_parties (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      party_key text NOT NULL,
      name text NOT NULL,
      kind text,
      country text,
      birth_date text,
      identifiers jsonb NOT NULL DEFAULT '[]'::jsonb,
      source text NOT NULL CHECK (source IN ('search', 'batch', 'declaration')),
      screened_versions jsonb NOT NULL DEFAULT '{}'::jsonb,
      last_screened_at timestamptz,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, party_key)
    )`.execute(db);
  await sql`CREATE INDEX screening_parties_org ON screening_parties (organisation_id, created_at DESC)`.execute(
    db,
  );
  // Per-row results of a batch (the downloadable report): the hits as screened then.
  await sql`
    CREATE TABLE screening_batch_rows (
      batch_id uuid NOT NULL REFERENCES screening_batches(id) ON DELETE CASCADE,
      line integer NOT NULL,
      party_id uuid NOT NULL REFERENCES screening_parties(id) ON DELETE CASCADE,
      reference text,
      hits jsonb NOT NULL,
      PRIMARY KEY (batch_id, line)
    )`.execute(db);

  await sql`
    CREATE TABLE screening_cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      party_id uuid NOT NULL REFERENCES screening_parties(id) ON DELETE CASCADE,
      list_id text NOT NULL,
      entity_id text NOT NULL,
      entity_name text NOT NULL,
      entity_hash text NOT NULL,
      version_id uuid REFERENCES screening_list_versions(id),
      score double precision NOT NULL,
      band text NOT NULL CHECK (band IN ('match', 'review')),
      explanation jsonb NOT NULL,
      state text NOT NULL CHECK (state IN ('open', 'review', 'confirmed', 'dismissed')),
      reason text,
      reviewer_id uuid REFERENCES users(id),
      decided_at timestamptz,
      decided_hash text,
      raised_count integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (party_id, entity_id),
      CHECK (state NOT IN ('confirmed', 'dismissed') OR (reason IS NOT NULL AND decided_hash IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX screening_cases_org ON screening_cases (organisation_id, state, updated_at DESC)`.execute(
    db,
  );

  await sql`
    CREATE TABLE screening_declaration_results (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      batch_id uuid NOT NULL REFERENCES screening_batches(id) ON DELETE CASCADE,
      declaration_ref text NOT NULL,
      line integer NOT NULL,
      parties jsonb NOT NULL,
      goods jsonb NOT NULL,
      selected boolean NOT NULL,
      reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // Generated by `npm run cli -- registry-indexes` for the registry kind goods_measure.
  await sql`CREATE INDEX registry_idx_goods_measure_country_role ON registry_records ((data->>'country_role')) WHERE kind = 'goods_measure'`.execute(
    db,
  );
  await sql`CREATE INDEX screening_declaration_results_org ON screening_declaration_results (organisation_id, declaration_ref)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
