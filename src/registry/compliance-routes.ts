import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../http/errors.ts';
import type { AppDeps } from '../server/deps.ts';
import { assess, type Measurement, type Requirement, type UnitInfo } from './compliance.ts';
import { equipmentModel } from './kinds/procurement/equipment-model.kind.ts';
import { fieldTest } from './kinds/procurement/field-test.kind.ts';
import { requirementSet } from './kinds/procurement/requirement-set.kind.ts';
import { readableKindQuery } from './record-queries.ts';
import { authoriseRecord } from './record-service.ts';

/** The compliance view: models and field-test results of the set's category against its requirements. */
export async function complianceRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  r.get(
    '/registry/requirement_set/:id/compliance',
    {
      schema: {
        tags: ['registry: Minimum requirements'],
        summary: 'Models and field tests (that I may read) of the category, against the requirement set',
        params: z.strictObject({ id: z.uuid() }),
      },
    },
    async (req) => {
      const a = req.actor;
      const set = await authoriseRecord(db, a, requirementSet, req.params.id, 'read');
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
    },
  );
}
