import { type Kysely, sql } from 'kysely';

/**
 * Catalogue entries (`equipment_item`) whose country names another Member State than the owning
 * administration's: the country is now bound to the owner (the matrix counts by owner, the map by
 * country; they must agree). Each such record gets its owner's country in a new version whose
 * note says what it was, and the records are listed in the log. Records of organisations without
 * a country (EUCAB bodies) are listed and left as they are. Versions written by the platform
 * itself have no person as `changed_by`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE registry_versions ALTER COLUMN changed_by DROP NOT NULL`.execute(db);
  const fixed = await sql<{ id: string; title: string; was: string; owner: string }>`
    WITH wrong AS (
      SELECT r.id, r.title, r.data->>'country' AS was, o.code AS owner
      FROM registry_records r JOIN organisations o ON o.id = r.owner_org_id
      WHERE r.kind = 'equipment_item' AND o.type = 'national_administration'
        AND r.data->>'country' IS DISTINCT FROM o.code
    ), changed AS (
      UPDATE registry_records r
      SET data = jsonb_set(r.data, '{country}', to_jsonb(w.owner)), version = r.version + 1, updated_at = now()
      FROM wrong w WHERE r.id = w.id
      RETURNING r.id, r.version, r.status, r.data, r.distribution, r.tlp
    ), versions AS (
      INSERT INTO registry_versions (record_id, version, status, data, distribution, tlp, changed_by, changed_at, note)
      SELECT c.id, c.version, c.status, c.data, c.distribution, c.tlp, NULL, now(),
             'Country set to the owning administration''s (' || w.owner || '; was ' || coalesce(w.was, 'empty') || '): a catalogue entry''s country is its owner''s (migration 0014).'
      FROM changed c JOIN wrong w ON w.id = c.id
      RETURNING record_id
    )
    SELECT w.id, w.title, coalesce(w.was, '') AS was, w.owner FROM wrong w WHERE w.id IN (SELECT record_id FROM versions)`.execute(
    db,
  );
  for (const r of fixed.rows)
    console.log(
      `migration 0014: catalogue entry ${r.id} "${r.title}": country ${r.was || '(empty)'} → ${r.owner}`,
    );
  const bodies = await sql<{ id: string; title: string; owner: string }>`
    SELECT r.id, r.title, o.code AS owner FROM registry_records r JOIN organisations o ON o.id = r.owner_org_id
    WHERE r.kind = 'equipment_item' AND o.type <> 'national_administration'`.execute(db);
  for (const r of bodies.rows)
    console.log(
      `migration 0014: catalogue entry ${r.id} "${r.title}" belongs to ${r.owner}, which has no country: left as it is.`,
    );
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
