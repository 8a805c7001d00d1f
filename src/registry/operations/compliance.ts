import type { Actor } from '../../access/actor.ts';
import type { Database } from '../../db/connection.ts';
import { notFound } from '../../http/errors.ts';
import { assess, type Measurement, type Requirement, type UnitInfo } from '../compliance.ts';
import { equipmentModel } from '../kinds/procurement/equipment-model.ts';
import { fieldTest } from '../kinds/procurement/field-test.ts';
import { requirementSet } from '../kinds/procurement/requirement-set.ts';
import { readableKindQuery } from '../record-queries.ts';
import { authoriseRecord } from '../record-service.ts';

/**
 * The compliance view of a requirement set the caller may read: the published models and field
 * tests of its category that the caller may read, each requirement passed, failed or unknown.
 */
export async function requirementCompliance(db: Database, a: Actor, input: { id: string }) {
  const set = await authoriseRecord(db, a, requirementSet, input.id, 'read');
  const data = set.data as { category: string; requirements: Requirement[] };
  const unitRows = await db
    .selectFrom('code_list_entries')
    .select(['code', 'meta'])
    .where('list', '=', 'unit')
    .execute();
  const units: Record<string, UnitInfo> = Object.fromEntries(
    unitRows.map((u) => [u.code, u.meta as unknown as UnitInfo]),
  );
  const [models, tests] = await Promise.all([
    readableKindQuery(db, a, equipmentModel, { fields: { category: data.category }, status: 'published' })
      .select(['r.id', 'r.title', 'r.data', 'o.code as owner'])
      .orderBy('r.title')
      .limit(500)
      .execute(),
    readableKindQuery(db, a, fieldTest, { fields: { category: data.category }, status: 'published' })
      .select(['r.id', 'r.title', 'r.data', 'o.code as owner'])
      .orderBy('r.title')
      .limit(500)
      .execute(),
  ]);
  const subject = (
    kind: string,
    row: { id: string; title: string; owner: string; data: unknown },
    field: string,
  ) => {
    const measurements = ((row.data as Record<string, unknown>)[field] ?? []) as Measurement[];
    const results = assess(data.requirements, measurements, units);
    return {
      kind,
      id: row.id,
      title: row.title,
      owner: row.owner,
      results,
      passed: results.filter((x) => x.verdict === 'pass').length,
      failed: results.filter((x) => x.verdict === 'fail').length,
    };
  };
  if (!data.requirements) throw notFound();
  return {
    requirementSet: {
      id: set.id,
      title: set.title,
      category: data.category,
      requirements: data.requirements,
    },
    subjects: [
      ...models.map((m) => subject('equipment_model', m, 'specifications')),
      ...tests.map((t) => subject('field_test', t, 'metrics')),
    ],
  };
}
