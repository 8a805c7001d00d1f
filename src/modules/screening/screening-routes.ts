import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  canActScreening,
  canReadScreening,
  canScreenOne,
  isScreeningReviewer,
  screeningAbilities,
  screeningOrgFilter,
} from '../../access/screening-policy.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { change } from '../../core/change.ts';
import { badRequest, forbidden, HttpError, notFound } from '../../http/errors.ts';
import { readUpload } from '../../http/uploads.ts';
import { enqueueJob } from '../../jobs/index.ts';
import { requireScope, requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { screeningCaseRoutes } from './case-routes.ts';
import { hitJson, screenOne, THRESHOLDS } from './cases.ts';
import { IndexLoadingError, indexCache, type LoadedIndex } from './index-cache.ts';
import { screeningListRoutes } from './list-routes.ts';
import { currentVersions } from './list-store.ts';
import { type ReportRow, reportCsv, reportXlsx } from './report.ts';
import { storeAndScreen } from './screen-parties.ts';
import { batchJob, declarationsJob } from './screening-jobs.ts';
import { batchUploadQuery, idParams, partyBody, reportQuery } from './screening-schema.ts';
import { startListLoading } from './startup.ts';

export async function screeningRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const cache = indexCache(db);
  app.addHook('onReady', async () => {
    await startListLoading(deps);
  });

  async function readyIndex(reply: FastifyReply): Promise<LoadedIndex> {
    try {
      return await cache.ready();
    } catch (err) {
      if (err instanceof IndexLoadingError) reply.header('Retry-After', String(err.retryAfterSeconds));
      throw err;
    }
  }

  r.get(
    '/screening/abilities',
    { schema: { tags: ['screening'], summary: 'What I may do in screening; thresholds; lists in use' } },
    async (req) => {
      const a = req.actor;
      const abilities = screeningAbilities(a);
      if (!abilities.readLists) return { abilities };
      const versions = await currentVersions(db);
      return {
        abilities,
        ...THRESHOLDS,
        index: cache.status(),
        lists: versions.map((v) => ({
          id: v.id,
          listId: v.listId,
          label: v.label,
          isDemo: v.isDemo,
          entryCount: v.entryCount,
          loadedAt: v.loadedAt,
        })),
      };
    },
  );

  r.post(
    '/screening/screen',
    {
      // A query (answered and forgotten); with `save` it stores a party and needs `write` too.
      config: { scope: 'read' },
      schema: {
        tags: ['screening'],
        summary:
          'Screen one party: explained hits at or above the review band. The query is not stored unless `save` (reviewers) stores it as a party.',
        body: partyBody,
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      if (!canScreenOne(a)) throw forbidden('Screening is open to the users of a customs administration.');
      const { save, ...party } = req.body;
      if (save) requireScope(req, 'write');
      if (save && !canActScreening(a, a.orgId))
        throw forbidden('Saving a party and raising cases needs the screening reviewer role.');
      const li = await readyIndex(reply);
      if (!save) {
        const hits = screenOne(li.index, party, 10).map((h) => hitJson(h, li.origin));
        return {
          ...THRESHOLDS,
          hits,
          saved: null,
          lists: li.versions.map((v) => ({ listId: v.listId, label: v.label, isDemo: v.isDemo })),
        };
      }
      const [s] = await change(deps, async (trx) => {
        const res = await storeAndScreen(trx, a, a.orgId, li, [party], 'search');
        await recordAudit(trx, a, {
          action: 'screening.party_saved',
          recordKind: 'screening_party',
          recordId: res[0]!.partyId,
          changes: { hits: res[0]!.hits.length },
        });
        return res;
      });
      return {
        ...THRESHOLDS,
        hits: s!.hits,
        saved: s!.partyId,
        lists: li.versions.map((v) => ({ listId: v.listId, label: v.label, isDemo: v.isDemo })),
      };
    },
  );

  r.post(
    '/screening/batches',
    {
      schema: {
        tags: ['screening'],
        summary: 'Screen a file of parties (CSV/XLSX) or a declaration file: a background job with progress',
        querystring: batchUploadQuery,
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      if (!canActScreening(a, a.orgId)) throw forbidden('Screening files needs the screening reviewer role.');
      const up = await readUpload(req, req.query.kind === 'parties' ? 'party file' : 'declaration file');
      if (!/\.(csv|xlsx)$/i.test(up.filename)) throw badRequest('Upload a .csv or .xlsx file.');
      const batch = await change(deps, async (trx) => {
        const b = await trx
          .insertInto('screening_batches')
          .values({
            organisation_id: a.orgId,
            created_by: a.userId,
            kind: req.query.kind,
            filename: up.filename.slice(0, 200),
            file_hash: createHash('sha256').update(up.bytes).digest('hex'),
            summary: '{}',
            errors: '[]',
          })
          .returning(['id'])
          .executeTakeFirstOrThrow();
        await recordAudit(trx, a, {
          action: 'screening.batch_uploaded',
          recordKind: 'screening_batch',
          recordId: b.id,
          changes: { kind: req.query.kind, bytes: up.bytes.length },
        });
        return b;
      });
      const kind = req.query.kind === 'parties' ? batchJob : declarationsJob;
      const job = await enqueueJob(deps, a, {
        kind: kind.kind,
        data: { batchId: batch.id },
        file: { name: up.filename, bytes: up.bytes, contentType: up.mimetype },
      });
      return reply.status(202).send({ batchId: batch.id, jobId: job.id });
    },
  );

  r.get(
    '/screening/batches',
    { schema: { tags: ['screening'], summary: "My administration's screening batches" } },
    async (req) => {
      requireUser(req);
      const org = screeningOrgFilter(req.actor);
      if (!org) return { items: [] };
      const items = await db
        .selectFrom('screening_batches')
        .select(['id', 'kind', 'filename', 'state', 'done', 'total', 'summary', 'created_at', 'finished_at'])
        .where('organisation_id', '=', org)
        .orderBy('created_at', 'desc')
        .limit(100)
        .execute();
      return { items };
    },
  );

  async function loadBatch(a: ReturnType<typeof requireUser>, id: string) {
    const b = await db.selectFrom('screening_batches').selectAll().where('id', '=', id).executeTakeFirst();
    if (!b || !canReadScreening(a, b.organisation_id)) throw notFound();
    return b;
  }

  async function batchRows(id: string, limit: number): Promise<ReportRow[]> {
    const rows = await db
      .selectFrom('screening_batch_rows as r')
      .innerJoin('screening_parties as p', 'p.id', 'r.party_id')
      .select(['r.line', 'r.reference', 'r.hits', 'p.name', 'p.country', 'p.birth_date', 'r.party_id'])
      .where('r.batch_id', '=', id)
      .orderBy('r.line')
      .limit(limit)
      .execute();
    return rows.map((x) => ({ ...x, hits: x.hits as ReportRow['hits'] }));
  }

  r.get(
    '/screening/batches/:id',
    {
      schema: {
        tags: ['screening'],
        summary: 'A batch: progress, summary, problems, per-row results',
        params: idParams,
      },
    },
    async (req) => {
      const a = requireUser(req);
      const b = await loadBatch(a, req.params.id);
      const rows = b.kind === 'parties' ? await batchRows(b.id, 1000) : [];
      const declarations =
        b.kind === 'declarations'
          ? await db
              .selectFrom('screening_declaration_results')
              .select(['declaration_ref', 'line', 'parties', 'goods', 'selected', 'reasons'])
              .where('batch_id', '=', b.id)
              .orderBy('line')
              .limit(1000)
              .execute()
          : [];
      return { ...b, ...THRESHOLDS, rows, declarations };
    },
  );

  r.get(
    '/screening/batches/:id/report',
    {
      schema: {
        tags: ['screening'],
        summary: 'Download the report of a party batch (CSV or XLSX) with hits and explanations',
        params: idParams,
        querystring: reportQuery,
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      const b = await loadBatch(a, req.params.id);
      if (b.state !== 'succeeded') throw new HttpError(409, 'Conflict', 'The batch has not finished yet.');
      const org = await db
        .selectFrom('organisations')
        .select('code')
        .where('id', '=', b.organisation_id)
        .executeTakeFirstOrThrow();
      const rows = await batchRows(b.id, 200_000);
      const base = `screening-report-${b.id.slice(0, 8)}`;
      if (req.query.format === 'xlsx') {
        reply.header('Content-Disposition', `attachment; filename="${base}.xlsx"`);
        reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        return reply.send(await reportXlsx(rows, org.code));
      }
      reply.header('Content-Disposition', `attachment; filename="${base}.csv"`);
      reply.type('text/csv; charset=utf-8');
      return reply.send(reportCsv(rows, org.code));
    },
  );

  await screeningCaseRoutes(app, deps);
  await screeningListRoutes(app, deps);
  void isScreeningReviewer;
}
