import { type Kysely, sql } from 'kysely';

// Distribution to organisations the author names: a new distribution value and the table of the
// named organisations (any shared record kind; the owning organisation is implied, never stored).
// The column checks of 0001/0002 are replaced (PostgreSQL names them <table>_distribution_check).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
ALTER TABLE announcements DROP CONSTRAINT announcements_distribution_check;
ALTER TABLE announcements ADD CONSTRAINT announcements_distribution_check
  CHECK (distribution IN ('organisation','network','sharing_group','organisations','eucab','public'));
ALTER TABLE registry_records DROP CONSTRAINT registry_records_distribution_check;
ALTER TABLE registry_records ADD CONSTRAINT registry_records_distribution_check
  CHECK (distribution IN ('organisation','network','sharing_group','organisations','eucab','public'));

CREATE TABLE record_organisations (
  record_kind text NOT NULL,
  record_id uuid NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (record_kind, record_id, organisation_id)
);
CREATE INDEX record_organisations_org_idx ON record_organisations (organisation_id, record_kind);
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
