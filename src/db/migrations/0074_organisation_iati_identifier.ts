import { type Kysely, sql } from 'kysely';

// Each administration's IATI organisation identifier (e.g. NL-KVK-27378529), set by its NCP: the
// reporting organisation of its cooperation projects' IATI export, which refuses without one. An
// identifier names one organisation only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
ALTER TABLE organisations ADD COLUMN iati_org_id text;
CREATE UNIQUE INDEX organisations_iati_org_id_key ON organisations (iati_org_id) WHERE iati_org_id IS NOT NULL;
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
