import { type Kysely, sql } from 'kysely';

/**
 * Answers feed records (src/modules/mapping, "Answers feed records"): a campaign maps a repeat group
 * of its questionnaire to a registry kind (question code → field name, checked against the kind's
 * definition when set); when a response is validated each entry of the group becomes a draft record
 * of that kind, linked here so that a re-validation after a reopen updates it instead of adding one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE mapping_record_mappings (
  campaign_id uuid NOT NULL REFERENCES mapping_campaigns(id),
  repeat_code text NOT NULL CHECK (length(repeat_code) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 100),
  fields jsonb NOT NULL,
  set_by uuid NOT NULL REFERENCES users(id),
  set_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, repeat_code)
);

CREATE TABLE mapping_record_links (
  response_id uuid NOT NULL REFERENCES mapping_responses(id),
  repeat_code text NOT NULL,
  entry integer NOT NULL CHECK (entry >= 0),
  kind text NOT NULL,
  record_id uuid NOT NULL REFERENCES registry_records(id),
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (response_id, repeat_code, entry)
);
CREATE INDEX mapping_record_links_record ON mapping_record_links (record_id);
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE mapping_record_links; DROP TABLE mapping_record_mappings;`.execute(db);
}
