import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import type { KindDefinition } from '../definition.ts';
import { dataDiff } from '../record-data.ts';
import type { RecordAbilities } from '../registry-policy.ts';

/**
 * A record's history: each version with the fields it changed; owner-only fields are left out
 * for readers outside the owning organisation. The caller has checked that they may read the record.
 */
export async function recordHistory(
  db: Database,
  kind: KindDefinition,
  id: string,
  abilities: Pick<RecordAbilities, 'restrictedFields'>,
) {
  const versions = await db
    .selectFrom('registry_versions as v')
    .leftJoin('users as u', 'u.id', 'v.changed_by')
    .select([
      'v.version',
      'v.status',
      'v.changed_at',
      'v.note',
      sql<string>`coalesce(u.display_name, 'EUCAB platform')`.as('changed_by'),
      'v.data',
    ])
    .where('v.record_id', '=', id)
    .orderBy('v.version')
    .execute();
  return versions.map((v, i) => {
    const prev = i > 0 ? (versions[i - 1]!.data as Record<string, unknown>) : null;
    const diff = dataDiff(prev, v.data as Record<string, unknown>);
    if (!abilities.restrictedFields)
      for (const f of Object.keys(diff)) if (kind.fields[f]?.visibleTo) delete diff[f];
    return {
      version: v.version,
      status: v.status,
      changedAt: v.changed_at,
      changedBy: v.changed_by,
      note: v.note,
      changes: diff,
    };
  });
}
