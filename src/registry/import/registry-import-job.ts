import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isUser } from '../../access/actor.ts';
import { IMPORTABLE } from '../../access/tlp.ts';
import { type ImportResult, prepareImport } from '../../core/import-job.ts';
import { defineJobKind } from '../../jobs/job-registry.ts';
import { JobFailedError } from '../../jobs/job-types.ts';
import { EU_LANGUAGES } from '../field-schema.ts';
import { kindByName } from '../kinds/index.ts';
import { checkImportFile, fileProblems, UNSUPPORTED_FILE } from '../operations/import-file.ts';
import { runImportJob } from './registry-import.ts';

export const registryImportData = z.strictObject({
  kind: z.string().refine((k) => kindByName(k) !== undefined, 'is not a registry kind'),
  distribution: z.enum(['organisation', 'network', 'eucab', 'public']),
  tlp: z.enum(IMPORTABLE),
  networkId: z.uuid().nullable(),
  publish: z.boolean(),
  language: z.enum(EU_LANGUAGES),
});

/**
 * A registry import (CSV, XLSX, JSON) as a job (kind `registry.import`, readable by the
 * importer's organisation, as import status always was). The import operation runs the dry run and
 * refuses a file with problems; the handler reads the stored file again and checks it afresh as
 * its starter with the same `checkImportFile` (records may have changed since), then stages and publishes (src/core/import-job.ts). After a
 * restart it stages again from the stored file; a publish that had committed is not repeated.
 */
export const registryImportJob = defineJobKind({
  kind: 'registry.import',
  readableBy: 'organisation',
  parse: (d) => registryImportData.parse(d),
  async run(ctx): Promise<ImportResult> {
    const a = ctx.actor;
    const kind = kindByName(ctx.data.kind)!;
    if (!isUser(a)) throw new JobFailedError('The account that started this import is no longer active.');
    const file = await ctx.file();
    if (!file) throw new JobFailedError('The uploaded file is missing.');
    const checked = await checkImportFile(
      ctx.db,
      a,
      kind,
      { name: file.name, bytes: file.bytes },
      { language: ctx.data.language, limits: ctx.tableLimits, progress: ctx.progress, signal: ctx.signal },
    );
    if (!checked.ok && checked.unsupported) throw new JobFailedError(UNSUPPORTED_FILE);
    if (!checked.ok) throw new JobFailedError(checked.error.message, [checked.error.toJobError()]);
    const { analysis } = checked;
    if (analysis.errors.length)
      throw new JobFailedError(fileProblems(analysis.errors.length), analysis.errors);
    const prep = await prepareImport(ctx.db, {
      id: ctx.jobId,
      kind: kind.name,
      organisationId: a.orgId,
      createdBy: a.userId,
      fileName: file.name,
      fileSha256: createHash('sha256').update(file.bytes).digest('hex'),
      totalRows: analysis.staged.length,
    });
    if (prep.published) return { rows: analysis.rows, ...prep.published, unchanged: 0 };
    await runImportJob(ctx.db, a, kind, ctx.jobId, analysis.staged, ctx.data, ctx.progress);
    const done = await ctx.db
      .selectFrom('import_jobs')
      .select(['inserted', 'updated'])
      .where('id', '=', ctx.jobId)
      .executeTakeFirstOrThrow();
    return {
      rows: analysis.rows,
      inserted: done.inserted,
      updated: done.updated,
      unchanged: analysis.unchanged,
    };
  },
});
