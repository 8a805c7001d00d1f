import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../access/actor.ts';
import { canPostInNetwork } from '../../access/admin-policy.ts';
import { organisationCodes, resolveMarking, setMarkingLists } from '../../access/marking.ts';
import { markingBody } from '../../access/marking-schema.ts';
import { type SharedEnvelope, sharedAbilities } from '../../access/shared-record-policy.ts';
import { DISTRIBUTION_WORDS, EXPORTABLE, markingBanner, strictest, TLP_RULES } from '../../access/tlp.ts';
import { diffFields, recordAudit } from '../../audit/audit-log.ts';
import { attachmentProblem, safeFilename } from '../../core/attachment-types.ts';
import { change } from '../../core/change.ts';
import type { Trx } from '../../core/context.ts';
import { csvWithMarking, neutraliseCell } from '../../core/export-safety.ts';
import { forbidden, HttpError, notFound } from '../../http/errors.ts';
import { readUpload } from '../../http/uploads.ts';
import { enqueue } from '../../outbox/outbox-worker.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import {
  KIND,
  LIST_COLUMNS,
  loadEnvelope,
  readableAnnouncements,
  recipientsOf,
  withAbilities,
} from './announcement-queries.ts';
import {
  createAnnouncementBody,
  exportQuery,
  listQuery,
  updateAnnouncementBody,
} from './announcement-schema.ts';

const idParams = z.strictObject({ id: z.uuid() });

export async function announcementRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  /** Loads the record for an action, or answers 404 (unreadable) / 403 (readable, not allowed). */
  async function authorise(
    dbOrTrx: Trx | typeof db,
    a: Actor,
    id: string,
    action: 'read' | 'update' | 'share' | 'retract' | 'export',
  ): Promise<SharedEnvelope> {
    const env = await loadEnvelope(dbOrTrx, id);
    if (!env) throw notFound();
    const can = sharedAbilities(a, env);
    if (!can.read) throw notFound();
    if (!can[action]) throw forbidden(`You may read this announcement but not ${action} it.`);
    return env;
  }

  r.get(
    '/announcements',
    {
      schema: {
        tags: ['announcements'],
        summary: 'Announcements I may read (filter, search, sort, page)',
        querystring: listQuery,
      },
    },
    async (req) => {
      const a = req.actor;
      const { limit, offset, sort, ...filters } = req.query;
      const base = readableAnnouncements(db, a, filters);
      const [{ n }, facets] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        base
          .select(['a.tlp', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('a.tlp')
          .execute(),
      ]);
      const dir = sort.startsWith('-') ? 'desc' : 'asc';
      const col = sort.replace('-', '') === 'title' ? 'a.title' : 'a.created_at';
      const rows = await base
        .select(LIST_COLUMNS)
        .orderBy(col, dir)
        .orderBy('a.id')
        .limit(limit)
        .offset(offset)
        .execute();
      const rec = await recipientsOf(
        db,
        rows.filter((x) => TLP_RULES[x.tlp].namedRecipientsOnly).map((x) => x.id),
      );
      return {
        total: n,
        facets: { tlp: Object.fromEntries(facets.map((f) => [f.tlp, f.n])) },
        items: rows.map((row) => withAbilities(a, row, rec.get(row.id) ?? [])),
      };
    },
  );

  r.get(
    '/announcements/count',
    {
      schema: {
        tags: ['announcements'],
        summary: 'How many announcements I may read',
        querystring: listQuery.pick({ networkId: true, q: true, tlp: true, distribution: true }),
      },
    },
    async (req) => {
      const { n } = await readableAnnouncements(db, req.actor, req.query)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return { count: n };
    },
  );

  r.get(
    '/announcements/export',
    {
      schema: {
        tags: ['announcements'],
        summary: 'Export the announcements I may export (never TLP:RED), each with its marking',
        querystring: exportQuery,
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      const { format, ...filters } = req.query;
      const rows = await readableAnnouncements(db, a, filters)
        .where('a.tlp', 'in', EXPORTABLE)
        .select([...LIST_COLUMNS, 'a.body'])
        .orderBy('a.created_at', 'desc')
        .limit(50_000)
        .execute();
      const exportable = rows.filter((row) => sharedAbilities(a, { ...row, recipients: [] }).export);
      const stamp = new Date().toISOString();
      const fileMarking = TLP_RULES[strictest(exportable.map((x) => x.tlp))];
      reply.header('X-TLP-Marking', fileMarking.label);
      if (format === 'json') {
        reply.header(
          'Content-Disposition',
          `attachment; filename="announcements-${stamp.slice(0, 10)}.json"`,
        );
        return {
          exportedAt: stamp,
          exportedBy: a.label,
          marking: `${fileMarking.label} (the strictest marking in this file) — ${fileMarking.rule}`,
          notice:
            'Each item carries its own TLP marking and sharing rule: respect them when you pass this file on.',
          items: exportable.map((x) => ({
            ...x,
            tlpLabel: TLP_RULES[x.tlp].label,
            sharingRule: markingBanner(x.distribution, x.tlp),
          })),
        };
      }
      const header = [
        'id',
        'tlp',
        'sharing_rule',
        'network',
        'owner',
        'author',
        'title',
        'body',
        'distribution',
        'created_at',
      ];
      const lines = exportable.map((x) =>
        [
          x.id,
          TLP_RULES[x.tlp].label,
          markingBanner(x.distribution, x.tlp),
          x.network_name,
          x.owner_org_code,
          x.author_name,
          x.title,
          x.body,
          DISTRIBUTION_WORDS[x.distribution],
          x.created_at,
        ].map(neutraliseCell),
      );
      const csv = csvWithMarking(
        `${fileMarking.label} — strictest marking in this file. ${fileMarking.rule} Exported ${stamp} by ${a.label}.`,
        header,
        lines,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="announcements-${stamp.slice(0, 10)}.csv"`)
        .send(csv);
    },
  );

  r.get(
    '/announcements/:id',
    {
      schema: {
        tags: ['announcements'],
        summary: 'One announcement with its marking, recipients, attachments and my abilities',
        params: idParams,
      },
    },
    async (req) => {
      const a = req.actor;
      await authorise(db, a, req.params.id, 'read');
      const row = await readableAnnouncements(db, a, {})
        .select([...LIST_COLUMNS, 'a.body'])
        .where('a.id', '=', req.params.id)
        .executeTakeFirstOrThrow();
      const rec = (await recipientsOf(db, [row.id])).get(row.id) ?? [];
      const [recipients, attachments] = await Promise.all([
        rec.length
          ? db
              .selectFrom('users as u')
              .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
              .select(['u.id', 'u.display_name', 'o.code as organisation_code'])
              .where('u.id', 'in', rec)
              .execute()
          : Promise.resolve([]),
        db
          .selectFrom('attachments')
          .select(['id', 'filename', 'content_type', 'size', 'created_at'])
          .where('record_kind', '=', KIND)
          .where('record_id', '=', row.id)
          .orderBy('created_at')
          .execute(),
      ]);
      return {
        ...withAbilities(a, row, rec),
        body: row.body,
        recipients,
        attachments,
        tlpRule: TLP_RULES[row.tlp].rule,
      };
    },
  );

  r.post(
    '/announcements',
    {
      schema: {
        tags: ['announcements'],
        summary: 'Post an announcement in a network',
        body: createAnnouncementBody,
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      const b = req.body;
      if (!canPostInNetwork(a, b.networkId))
        throw forbidden('Only coordinators and experts of this network post in it.');
      const created = await change(deps, async (trx) => {
        const m = await resolveMarking(trx, a, b.networkId, b);
        const row = await trx
          .insertInto('announcements')
          .values({
            network_id: b.networkId,
            owner_org_id: a.orgId,
            author_id: a.userId,
            title: b.title,
            body: b.body,
            distribution: m.distribution,
            distribution_network_id: m.distribution_network_id,
            sharing_group_id: m.sharing_group_id,
            tlp: m.tlp,
          })
          .returning(['id', 'title', 'tlp', 'distribution'])
          .executeTakeFirstOrThrow();
        await setMarkingLists(trx, KIND, row.id, m);
        await recordAudit(trx, a, {
          action: 'announcement.created',
          recordKind: KIND,
          recordId: row.id,
          changes: {
            ...diffFields(null, { title: b.title, body: b.body, distribution: m.distribution, tlp: m.tlp }, [
              'title',
              'body',
              'distribution',
              'tlp',
            ]),
            recipients: m.recipients,
            ...(m.named_org_codes.length ? { organisations: m.named_org_codes } : {}),
          },
        });
        await enqueue(trx, 'announcement.published', { id: row.id, event: 'created' });
        return row;
      });
      return reply.status(201).send(created);
    },
  );

  r.patch(
    '/announcements/:id',
    {
      schema: {
        tags: ['announcements'],
        summary: 'Correct the title or text',
        params: idParams,
        body: updateAnnouncementBody,
      },
    },
    async (req) => {
      const a = requireUser(req);
      return change(deps, async (trx) => {
        await authorise(trx, a, req.params.id, 'update');
        const before = await trx
          .selectFrom('announcements')
          .select(['title', 'body'])
          .where('id', '=', req.params.id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const next = { title: req.body.title ?? before.title, body: req.body.body ?? before.body };
        const row = await trx
          .updateTable('announcements')
          .set({ ...next, updated_at: new Date() })
          .where('id', '=', req.params.id)
          .returning(['id', 'title', 'tlp', 'distribution', 'updated_at'])
          .executeTakeFirstOrThrow();
        await recordAudit(trx, a, {
          action: 'announcement.updated',
          recordKind: KIND,
          recordId: row.id,
          changes: diffFields(before, next, ['title', 'body']),
        });
        await enqueue(trx, 'announcement.published', { id: row.id, event: 'corrected' });
        return row;
      });
    },
  );

  r.post(
    '/announcements/:id/share',
    {
      schema: {
        tags: ['announcements'],
        summary: 'Change distribution, TLP marking and named recipients (owning organisation only)',
        params: idParams,
        body: markingBody,
      },
    },
    async (req) => {
      const a = requireUser(req);
      return change(deps, async (trx) => {
        const env = await authorise(trx, a, req.params.id, 'share');
        const current = await trx
          .selectFrom('announcements')
          .select(['network_id'])
          .where('id', '=', env.id)
          .executeTakeFirstOrThrow();
        const m = await resolveMarking(trx, a, current.network_id, req.body);
        const row = await trx
          .updateTable('announcements')
          .set({
            distribution: m.distribution,
            distribution_network_id: m.distribution_network_id,
            sharing_group_id: m.sharing_group_id,
            tlp: m.tlp,
            updated_at: new Date(),
          })
          .where('id', '=', env.id)
          .returning(['id', 'distribution', 'tlp', 'distribution_network_id', 'sharing_group_id'])
          .executeTakeFirstOrThrow();
        await setMarkingLists(trx, KIND, env.id, m);
        await recordAudit(trx, a, {
          action: 'announcement.shared',
          recordKind: KIND,
          recordId: env.id,
          changes: {
            ...diffFields(
              env as unknown as Record<string, unknown>,
              row as unknown as Record<string, unknown>,
              ['distribution', 'tlp', 'distribution_network_id', 'sharing_group_id'],
            ),
            recipients: { before: env.recipients, after: m.recipients },
            ...(env.named_org_ids.length || m.named_org_ids.length
              ? {
                  organisations: {
                    before: await organisationCodes(trx, env.named_org_ids),
                    after: m.named_org_codes,
                  },
                }
              : {}),
          },
        });
        await enqueue(trx, 'announcement.published', { id: env.id, event: 'shared' });
        return {
          ...row,
          recipients: m.recipients,
          named_org_ids: m.named_org_ids,
          marking: markingBanner(row.distribution, row.tlp),
        };
      });
    },
  );

  r.delete(
    '/announcements/:id',
    { schema: { tags: ['announcements'], summary: 'Retract (delete) an announcement', params: idParams } },
    async (req, reply) => {
      const a = requireUser(req);
      await change(deps, async (trx) => {
        const env = await authorise(trx, a, req.params.id, 'retract');
        const before = await trx
          .selectFrom('announcements')
          .select(['title', 'tlp', 'distribution'])
          .where('id', '=', env.id)
          .executeTakeFirstOrThrow();
        await trx
          .deleteFrom('attachments')
          .where('record_kind', '=', KIND)
          .where('record_id', '=', env.id)
          .execute();
        for (const table of ['record_recipients', 'record_organisations', 'record_editors'] as const)
          await trx
            .deleteFrom(table)
            .where('record_kind', '=', KIND)
            .where('record_id', '=', env.id)
            .execute();
        await trx
          .deleteFrom('notifications')
          .where('record_kind', '=', KIND)
          .where('record_id', '=', env.id)
          .execute();
        await trx.deleteFrom('announcements').where('id', '=', env.id).execute();
        await recordAudit(trx, a, {
          action: 'announcement.retracted',
          recordKind: KIND,
          recordId: env.id,
          changes: { title: { before: before.title }, tlp: before.tlp },
        });
      });
      return reply.status(204).send();
    },
  );

  r.post(
    '/announcements/:id/attachments',
    {
      schema: {
        tags: ['announcements'],
        summary: 'Attach a file (multipart field "file"; PDF, images, office documents, text)',
        params: idParams,
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      await authorise(db, a, req.params.id, 'update');
      const file = await readUpload(req, 'file');
      const { bytes } = file;
      const problem = attachmentProblem(file.filename, file.mimetype, bytes);
      if (problem) throw new HttpError(415, 'Unsupported media type', problem);
      const att = await change(deps, async (trx) => {
        await authorise(trx, a, req.params.id, 'update');
        const att = await trx
          .insertInto('attachments')
          .values({
            record_kind: KIND,
            record_id: req.params.id,
            filename: safeFilename(file.filename),
            content_type: file.mimetype,
            size: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            content: bytes,
            uploaded_by: a.userId,
          })
          .returning(['id', 'filename', 'content_type', 'size', 'sha256', 'created_at'])
          .executeTakeFirstOrThrow();
        await recordAudit(trx, a, {
          action: 'announcement.attachment_added',
          recordKind: KIND,
          recordId: req.params.id,
          changes: { filename: att.filename, size: att.size, content_sha256: att.sha256 },
        });
        return att;
      });
      return reply.status(201).send(att);
    },
  );

  r.get(
    '/announcements/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['announcements'],
        summary: 'Download an attachment (same access as the announcement)',
        params: z.strictObject({ id: z.uuid(), attachmentId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const a = req.actor;
      const env = await authorise(db, a, req.params.id, 'read');
      const att = await db
        .selectFrom('attachments')
        .selectAll()
        .where('id', '=', req.params.attachmentId)
        .where('record_kind', '=', KIND)
        .where('record_id', '=', env.id)
        .executeTakeFirst();
      if (!att) throw notFound();
      return reply
        .type(att.content_type)
        .header('Content-Disposition', `attachment; filename="${att.filename.replace(/"/g, '')}"`)
        .header('X-TLP-Marking', TLP_RULES[env.tlp].label)
        .header('X-Content-Type-Options', 'nosniff')
        .send(att.content);
    },
  );
}
