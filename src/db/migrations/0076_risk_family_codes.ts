import { type Kysely, sql } from 'kysely';

/**
 * Risk rules take their family from the shared `risk_family` code list (issue 17): the former
 * `safety_security` is now `security_safety`. Each stored rule with the former value gets the new
 * one in a new version whose note says what it was (history keeps the old versions as they were).
 * The other three values are unchanged. Engine rules inside stored models keep the old name; the
 * engine reads it as the new one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const moved = await sql<{ id: string }>`
    WITH changed AS (
      UPDATE registry_records r
      SET data = jsonb_set(r.data, '{family}', '"security_safety"'::jsonb), version = r.version + 1, updated_at = now()
      WHERE r.kind = 'risk_rule' AND r.data->>'family' = 'safety_security'
      RETURNING r.id, r.version, r.status, r.data, r.distribution, r.tlp
    )
    INSERT INTO registry_versions (record_id, version, status, data, distribution, tlp, changed_by, changed_at, note)
    SELECT c.id, c.version, c.status, c.data, c.distribution, c.tlp, NULL, now(),
           'Risk family safety_security renamed security_safety: the shared risk-family list (migration 0076).'
    FROM changed c
    RETURNING record_id AS id`.execute(db);
  if (moved.rows.length > 0)
    console.log(
      `migration 0076: ${moved.rows.length} risk rule(s) moved from safety_security to security_safety`,
    );
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
