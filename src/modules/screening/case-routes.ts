import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { canActScreening, canReadScreening, screeningOrgFilter } from '../../access/screening-policy.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { change } from '../../core/change.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { THRESHOLDS } from './cases.ts';
import { caseListQuery, decisionBody, idParams } from './screening-schema.ts';

const CASE_COLUMNS = [
  'c.id',
  'c.organisation_id',
  'c.party_id',
  'c.list_id',
  'c.entity_id',
  'c.entity_name',
  'c.entity_hash',
  'c.score',
  'c.band',
  'c.explanation',
  'c.state',
  'c.reason',
  'c.decided_at',
  'c.raised_count',
  'c.created_at',
  'c.updated_at',
  'p.name as party_name',
  'p.country as party_country',
  'p.birth_date as party_birth_date',
  'v.label as version_label',
  'v.is_demo',
  'u.display_name as reviewer',
] as const;

export async function screeningCaseRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  const base = () =>
    db
      .selectFrom('screening_cases as c')
      .innerJoin('screening_parties as p', 'p.id', 'c.party_id')
      .leftJoin('screening_list_versions as v', 'v.id', 'c.version_id')
      .leftJoin('users as u', 'u.id', 'c.reviewer_id');

  const abilities = (a: ReturnType<typeof requireUser>, row: { organisation_id: string; state: string }) => ({
    read: canReadScreening(a, row.organisation_id),
    decide: canActScreening(a, row.organisation_id),
  });

  r.get(
    '/screening/cases',
    {
      schema: {
        tags: ['screening'],
        summary: "My administration's cases and review queue (state=pending: open and review)",
        querystring: caseListQuery,
      },
    },
    async (req) => {
      const a = requireUser(req);
      const org = screeningOrgFilter(a);
      if (!org) return { total: 0, counts: {}, items: [], ...THRESHOLDS };
      let q = base().where('c.organisation_id', '=', org);
      const { state, q: text, limit, offset } = req.query;
      if (state === 'pending') q = q.where('c.state', 'in', ['open', 'review']);
      else if (state) q = q.where('c.state', '=', state);
      if (text)
        q = q.where((eb) =>
          eb.or([
            eb('p.name', 'ilike', `%${text.replace(/[%_\\]/g, '\\$&')}%`),
            eb('c.entity_name', 'ilike', `%${text.replace(/[%_\\]/g, '\\$&')}%`),
          ]),
        );
      const [{ n }, counts, rows] = await Promise.all([
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        db
          .selectFrom('screening_cases')
          .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
          .where('organisation_id', '=', org)
          .groupBy('state')
          .execute(),
        q
          .select([...CASE_COLUMNS])
          .orderBy(sql`CASE c.state WHEN 'open' THEN 0 WHEN 'review' THEN 1 ELSE 2 END`)
          .orderBy('c.updated_at', 'desc')
          .orderBy('c.id')
          .limit(limit)
          .offset(offset)
          .execute(),
      ]);
      return {
        ...THRESHOLDS,
        total: Number(n),
        counts: Object.fromEntries(counts.map((c) => [c.state, Number(c.n)])),
        items: rows.map((row) => ({ ...row, abilities: abilities(a, row) })),
      };
    },
  );

  r.get(
    '/screening/cases/:id',
    {
      schema: {
        tags: ['screening'],
        summary: 'A case with its explanation and the listed entry',
        params: idParams,
      },
    },
    async (req) => {
      const a = requireUser(req);
      const row = await base()
        .select([...CASE_COLUMNS, 'p.identifiers as party_identifiers', 'p.kind as party_kind'])
        .where('c.id', '=', req.params.id)
        .executeTakeFirst();
      if (!row || !canReadScreening(a, row.organisation_id)) throw notFound();
      const entity = await db
        .selectFrom('screening_entities')
        .select('data')
        .where('entity_hash', '=', row.entity_hash)
        .executeTakeFirst();
      return { ...row, ...THRESHOLDS, entity: entity?.data ?? null, abilities: abilities(a, row) };
    },
  );

  r.post(
    '/screening/cases/:id/decision',
    {
      schema: {
        tags: ['screening'],
        summary:
          'Confirm or dismiss a case with a reason (audited). A dismissal suppresses the pair until the listed entry changes.',
        params: idParams,
        body: decisionBody,
      },
    },
    async (req) => {
      const a = requireUser(req);
      return change(deps, async (trx) => {
        const c = await trx
          .selectFrom('screening_cases')
          .selectAll()
          .where('id', '=', req.params.id)
          .forUpdate()
          .executeTakeFirst();
        if (!c || !canReadScreening(a, c.organisation_id)) throw notFound();
        if (!canActScreening(a, c.organisation_id))
          throw forbidden('You may read this case but not decide it.');
        if (c.state === 'confirmed' || c.state === 'dismissed')
          throw conflict(`The case is already ${c.state}.`);
        const state = req.body.decision === 'confirm' ? 'confirmed' : 'dismissed';
        await trx
          .updateTable('screening_cases')
          .set({
            state,
            reason: req.body.reason,
            reviewer_id: a.userId,
            decided_at: new Date(),
            decided_hash: c.entity_hash,
            updated_at: new Date(),
          })
          .where('id', '=', c.id)
          .execute();
        await recordAudit(trx, a, {
          action: `screening.case_${state}`,
          recordKind: 'screening_case',
          recordId: c.id,
          changes: {
            state: { before: c.state, after: state },
            reason: req.body.reason,
            entryContent: c.entity_hash,
          },
          organisationId: c.organisation_id,
        });
        return { id: c.id, state };
      });
    },
  );
}
