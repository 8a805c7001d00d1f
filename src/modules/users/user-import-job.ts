import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../access/actor.ts';
import { isUser } from '../../access/actor.ts';
import { canManageUsersOf, grantableRoles, outrankingRoles } from '../../access/admin-policy.ts';
import { type AuditInput, recordAudit, recordAuditMany } from '../../audit/audit-log.ts';
import { type ImportResult, prepareImport, runStagedImport } from '../../core/import-job.ts';
import { TableError } from '../../core/table-reader/limits.ts';
import type { Database } from '../../db/connection.ts';
import { defineJobKind } from '../../jobs/job-registry.ts';
import { JobFailedError } from '../../jobs/job-types.ts';
import { parseUserCsv } from './user-import.ts';

const STAGE_BATCH = 500;

/**
 * The user CSV import as a job (kind `users.import`, readable by its starter). The route runs the
 * dry run and refuses a file with problems; a clean file is stored with the job. The handler reads
 * the stored file again (so a restarted server can run it again), checks the starter's rights
 * afresh, and imports in two phases so the embedded database (one session) keeps answering:
 *  1. staging — rows go to import_rows in short batches, each its own statement, yielding to
 *     the event loop in between (other requests run between batches);
 *  2. publishing — one short transaction upserts all staged rows, grants roles and writes the
 *     audit events (one per user plus one for the import). All or nothing.
 * A cancelled job deletes its staged rows and leaves nothing.
 */
export const SENIOR_USER_REASON =
  'This user holds rights equal to or higher than yours (NCP, NCP deputy or platform administrator): remove the line, or ask them or a platform administrator.';

export const userImportJob = defineJobKind({
  kind: 'users.import',
  parse: (d) => z.strictObject({ organisationId: z.uuid() }).parse(d),
  async run(ctx): Promise<ImportResult> {
    const a = ctx.actor;
    const orgId = ctx.data.organisationId;
    if (!isUser(a) || !canManageUsersOf(a, orgId))
      throw new JobFailedError('You may no longer import users into this organisation.');
    const org = await ctx.db
      .selectFrom('organisations')
      .select(['id', 'type'])
      .where('id', '=', orgId)
      .executeTakeFirst();
    if (!org) throw new JobFailedError('The organisation no longer exists.');
    const file = await ctx.file();
    if (!file) throw new JobFailedError('The uploaded file is missing.');
    await ctx.progress({ done: 0, total: null, phase: 'reading' });
    let parsed: Awaited<ReturnType<typeof parseUserCsv>>;
    try {
      parsed = await parseUserCsv(file.bytes, grantableRoles(a, org), {
        limits: ctx.tableLimits,
        worker: { onProgress: (p) => ctx.progress({ ...p, phase: 'reading' }), signal: ctx.signal },
      });
    } catch (e) {
      if (e instanceof TableError) throw new JobFailedError(e.message, [e.toJobError()]);
      throw e;
    }
    if (parsed.errors.length)
      throw new JobFailedError(
        `${parsed.errors.length} problem(s) in the file: nothing was imported.`,
        parsed.errors,
      );
    const prep = await prepareImport(ctx.db, {
      id: ctx.jobId,
      kind: 'users',
      organisationId: orgId,
      createdBy: a.userId,
      fileName: file.name,
      fileSha256: createHash('sha256').update(file.bytes).digest('hex'),
      totalRows: parsed.rows.length,
    });
    if (prep.published) return { rows: parsed.rows.length, ...prep.published };
    await runStagedImport(ctx.db, ctx.jobId, parsed.rows, () => publish(ctx.db, a, ctx.jobId), {
      batchSize: STAGE_BATCH,
      progress: ctx.progress,
    });
    const done = await ctx.db
      .selectFrom('import_jobs')
      .select(['inserted', 'updated'])
      .where('id', '=', ctx.jobId)
      .executeTakeFirstOrThrow();
    return { rows: parsed.rows.length, inserted: done.inserted, updated: done.updated };
  },
});

async function publish(db: Database, actor: Actor & { userId: string }, jobId: string) {
  await db.transaction().execute(async (trx) => {
    const job = await trx
      .selectFrom('import_jobs')
      .selectAll()
      .where('id', '=', jobId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (job.status !== 'publishing') {
      // Cancelled meanwhile: leave nothing behind.
      await trx.deleteFrom('import_rows').where('job_id', '=', jobId).execute();
      return;
    }
    const clash = await sql<{ line: number; email: string }>`
      SELECT r.line, r.data->>'email' AS email FROM import_rows r
      JOIN users u ON lower(u.email) = lower(r.data->>'email')
      WHERE r.job_id = ${jobId} AND u.organisation_id <> ${job.organisation_id}
      ORDER BY r.line LIMIT 5`.execute(trx);
    if (clash.rows.length) {
      throw new JobFailedError(
        `Line ${clash.rows[0]!.line}: ${clash.rows[0]!.email} belongs to another organisation (and ${clash.rows.length - 1} more): nothing was imported.`,
        clash.rows.map((c) => ({
          line: c.line,
          column: 'email',
          reason: 'This address belongs to a user of another organisation.',
        })),
      );
    }
    // A manager changes only users of lower rank (admin-policy `canManageUser`): a row naming an
    // NCP, a deputy or an administrator the importer does not outrank stops the import (checked
    // again here: roles may have changed since the dry run).
    const outranking = outrankingRoles(actor, job.organisation_id);
    const senior = outranking.length
      ? await sql<{ line: number; email: string }>`
      SELECT DISTINCT r.line, r.data->>'email' AS email FROM import_rows r
      JOIN users u ON lower(u.email) = lower(r.data->>'email') AND u.organisation_id = ${job.organisation_id}::uuid
      WHERE r.job_id = ${jobId} AND u.id <> ${actor.userId}::uuid
        AND EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = u.id
                    AND g.role IN (${sql.join(outranking)}))
      ORDER BY r.line LIMIT 20`.execute(trx)
      : { rows: [] };
    if (senior.rows.length) {
      throw new JobFailedError(
        `Line ${senior.rows[0]!.line}: ${senior.rows[0]!.email} holds rights equal to or higher than yours; you may not change that user: nothing was imported.`,
        senior.rows.map((c) => ({
          line: c.line,
          column: 'email',
          reason: SENIOR_USER_REASON,
        })),
      );
    }
    const upserted = await sql<{
      id: string;
      email: string;
      display_name: string;
      locale: string;
      inserted: boolean;
    }>`
      INSERT INTO users (email, display_name, organisation_id, locale)
      SELECT r.data->>'email', r.data->>'display_name', ${job.organisation_id}::uuid, r.data->>'locale'
      FROM import_rows r WHERE r.job_id = ${jobId} ORDER BY r.line
      ON CONFLICT ((lower(email))) DO UPDATE
        SET display_name = EXCLUDED.display_name, locale = EXCLUDED.locale, updated_at = now()
        WHERE users.organisation_id = EXCLUDED.organisation_id
          AND (users.display_name, users.locale) IS DISTINCT FROM (EXCLUDED.display_name, EXCLUDED.locale)
      RETURNING id, email, display_name, locale, (xmax = 0) AS inserted`.execute(trx);
    await sql`
      INSERT INTO role_grants (user_id, organisation_id, role, granted_by)
      SELECT u.id, ${job.organisation_id}::uuid, role.value, ${actor.userId}::uuid
      FROM import_rows r
      JOIN users u ON lower(u.email) = lower(r.data->>'email')
      CROSS JOIN LATERAL jsonb_array_elements_text(r.data->'roles') AS role(value)
      WHERE r.job_id = ${jobId}
      ON CONFLICT (user_id, organisation_id, role) DO NOTHING`.execute(trx);
    const inserted = upserted.rows.filter((u) => u.inserted).length;
    const updated = upserted.rows.length - inserted;
    const events: AuditInput[] = upserted.rows.map((u) => ({
      action: u.inserted ? 'user.created' : 'user.updated',
      recordKind: 'user',
      recordId: u.id,
      organisationId: job.organisation_id,
      changes: {
        email: { after: u.email },
        display_name: { after: u.display_name },
        locale: { after: u.locale },
        import_job: jobId,
      },
    }));
    await recordAuditMany(trx, actor, events);
    await recordAudit(trx, actor, {
      action: 'user.import_published',
      recordKind: 'import_job',
      recordId: jobId,
      organisationId: job.organisation_id,
      changes: {
        file_name: job.file_name,
        file_sha256: job.file_sha256,
        rows: job.total_rows,
        inserted,
        updated,
      },
    });
    await trx.deleteFrom('import_rows').where('job_id', '=', jobId).execute();
    await trx
      .updateTable('import_jobs')
      .set({ status: 'published', inserted, updated, finished_at: new Date() })
      .where('id', '=', jobId)
      .execute();
  });
}
