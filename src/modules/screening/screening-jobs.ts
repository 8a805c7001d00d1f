/**
 * Job kinds of the screening module (contract: src/jobs/job-types.ts):
 * - `screening.batch`: a party file → parties, hits, cases; per-row results for the report;
 * - `screening.declarations`: a declaration file → its parties and goods lines screened;
 * - `screening.list-load`: a list file (upload or configured source) → a new list version →
 *   re-screen of stored parties against the added and amended entries.
 * Each is safe to run again (attempt > 1): a batch clears its own rows first; a list version with
 * the same content is not stored twice.
 */
import { setImmediate as yieldLoop } from 'node:timers/promises';
import { z } from 'zod';
import { type Actor, isUser } from '../../access/actor.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { type ListFormat, ParseError, parseSource } from '../../engines/screening/index.ts';
import { type JobContext, type JobError, JobFailedError, type JobKind } from '../../jobs/job-types.ts';
import { screenDeclarations } from './declarations.ts';
import { indexCache } from './index-cache.ts';
import { parseListText } from './list-sources.ts';
import { type StoredVersion, saveVersion } from './list-store.ts';
import { PartyFileError, readPartyFile } from './party-file.ts';
import { type RescreenResult, rescreenAfterVersion } from './rescreen.ts';
import { screenAll, storeAndScreen } from './screen-parties.ts';

const CHUNK = 100;

async function failBatch(
  ctx: JobContext<{ batchId: string }>,
  errors: JobError[],
  message: string,
): Promise<never> {
  await ctx.db
    .updateTable('screening_batches')
    .set({ state: 'failed', errors: JSON.stringify(errors), finished_at: new Date() })
    .where('id', '=', ctx.data.batchId)
    .execute();
  throw new JobFailedError(message, errors);
}

async function loadBatch(ctx: JobContext<{ batchId: string }>) {
  const b = await ctx.db
    .selectFrom('screening_batches')
    .selectAll()
    .where('id', '=', ctx.data.batchId)
    .executeTakeFirst();
  if (!b) throw new JobFailedError('The screening batch no longer exists.');
  return b;
}

/** A cancelled or crashed run leaves the batch failed (never "running" for ever). */
function markFailedOnError<R>(
  run: (ctx: JobContext<{ batchId: string }>) => Promise<R>,
): (ctx: JobContext<{ batchId: string }>) => Promise<R> {
  return async (ctx) => {
    try {
      return await run(ctx);
    } catch (err) {
      await ctx.db
        .updateTable('screening_batches')
        .set({ state: 'failed', finished_at: new Date() })
        .where('id', '=', ctx.data.batchId)
        .where('state', 'in', ['queued', 'running'])
        .execute();
      throw err;
    }
  };
}

type Batch = Awaited<ReturnType<typeof loadBatch>>;

/**
 * The start of a batch job: the batch, its user and its file ("party" or "declaration" file, for
 * the messages). A missing file fails the batch.
 */
async function openBatch(ctx: JobContext<{ batchId: string }>, fileKind: 'party' | 'declaration') {
  const batch = await loadBatch(ctx);
  const actor = ctx.actor;
  if (!isUser(actor)) throw new JobFailedError(`Only a user can screen a ${fileKind} file.`);
  const file = await ctx.file();
  if (!file)
    return failBatch(ctx, [{ reason: 'The uploaded file is missing.' }], 'The uploaded file is missing.');
  return { batch, actor, file };
}

/** Runs `fn`; a file with bad rows (PartyFileError) fails the batch with every problem, storing nothing. */
async function failingOnBadFile<T>(
  ctx: JobContext<{ batchId: string }>,
  fileKind: 'party' | 'declaration',
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof PartyFileError)
      return failBatch(
        ctx,
        err.errors,
        err.summary ?? `The ${fileKind} file has ${err.errors.length} problem(s); nothing was stored.`,
      );
    throw err;
  }
}

/** Marks the batch succeeded with its summary and records the audit event, in one transaction. */
async function finishBatch(
  ctx: JobContext<{ batchId: string }>,
  actor: Actor,
  batch: Batch,
  action: string,
  summary: Record<string, number>,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('screening_batches')
      .set({ state: 'succeeded', summary: JSON.stringify(summary), finished_at: new Date() })
      .where('id', '=', batch.id)
      .execute();
    await recordAudit(trx, actor, {
      action,
      recordKind: 'screening_batch',
      recordId: batch.id,
      changes: { fileSha256: batch.file_hash, ...summary },
      organisationId: batch.organisation_id,
    });
  });
}

export const batchJob: JobKind<{ batchId: string }, { parties: number; matches: number; review: number }> = {
  kind: 'screening.batch',
  readableBy: 'starter',
  parse: (d) => z.strictObject({ batchId: z.uuid() }).parse(d),
  run: markFailedOnError(async (ctx) => {
    const { batch, actor, file } = await openBatch(ctx, 'party');
    await ctx.db.deleteFrom('screening_batch_rows').where('batch_id', '=', batch.id).execute();
    await ctx.progress({ done: 0, total: null, phase: 'reading' });
    const rows = await failingOnBadFile(ctx, 'party', () =>
      readPartyFile(file.name, file.bytes, ctx.tableLimits, {
        onProgress: (p) => ctx.progress({ ...p, phase: 'reading' }),
        signal: ctx.signal,
      }),
    );
    await ctx.db
      .updateTable('screening_batches')
      .set({ state: 'running', total: rows.length, done: 0 })
      .where('id', '=', batch.id)
      .execute();
    await ctx.progress({ done: 0, total: rows.length, phase: 'loading-index' });
    const li = await indexCache(ctx.db).get();
    let matches = 0;
    let review = 0;
    let suppressed = 0;
    let withHits = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      const hits = await screenAll(li, part);
      const screened = await ctx.db
        .transaction()
        .execute((trx) =>
          storeAndScreen(trx, actor, batch.organisation_id, li, part, 'batch', batch.id, hits),
        );
      for (const s of screened) {
        if (s.hits.length) withHits++;
        for (const h of s.hits) {
          if (h.suppressed) suppressed++;
          else if (h.band === 'match') matches++;
          else review++;
        }
      }
      const done = Math.min(rows.length, i + CHUNK);
      await ctx.db.updateTable('screening_batches').set({ done }).where('id', '=', batch.id).execute();
      await ctx.progress({ done, total: rows.length, phase: 'screening' });
      await yieldLoop();
    }
    const summary = { parties: rows.length, withHits, matches, review, suppressed };
    await finishBatch(ctx, actor, batch, 'screening.batch_screened', summary);
    return { parties: rows.length, matches, review };
  }),
};

export const declarationsJob: JobKind<{ batchId: string }, Record<string, number>> = {
  kind: 'screening.declarations',
  readableBy: 'starter',
  parse: (d) => z.strictObject({ batchId: z.uuid() }).parse(d),
  run: markFailedOnError(async (ctx) => {
    const { batch, actor, file } = await openBatch(ctx, 'declaration');
    await ctx.db.deleteFrom('screening_declaration_results').where('batch_id', '=', batch.id).execute();
    await ctx.db.deleteFrom('screening_batch_rows').where('batch_id', '=', batch.id).execute();
    return failingOnBadFile(ctx, 'declaration', async () => {
      const summary = await screenDeclarations(ctx, actor, batch, file);
      await finishBatch(ctx, actor, batch, 'screening.declarations_screened', summary);
      return summary;
    });
  }),
};

const listLoadData = z.strictObject({
  listId: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,40}$/),
  format: z.enum([
    'un-xml',
    'ofac-csv',
    'eu-fsf-xml',
    'eu-833-csv',
    'ftm-jsonl',
    'us-csl-csv',
    'bis-dpl-tsv',
  ]),
  label: z.string().trim().min(1).max(200),
  /** configured location (file, folder or URL); absent when the list comes as the job's file */
  location: z.string().optional(),
  isDemo: z.boolean().default(false),
});
export type ListLoadData = z.infer<typeof listLoadData>;

export interface ListLoadResult {
  versionId: string;
  created: boolean;
  entries: number;
  rescreen: RescreenResult | null;
}

/** Parses a list, stores a new version (unless unchanged) and re-screens against its changes. */
export async function loadListVersion(
  ctx: Pick<JobContext<ListLoadData>, 'db' | 'actor' | 'data' | 'file' | 'progress'>,
): Promise<ListLoadResult> {
  const { data } = ctx;
  await ctx.progress({ done: 0, total: null, phase: 'reading' });
  let entities: Awaited<ReturnType<typeof parseSource>>;
  try {
    if (data.location) {
      entities = await parseSource({
        listId: data.listId,
        format: data.format as ListFormat,
        location: data.location,
      });
    } else {
      const f = await ctx.file();
      if (!f) throw new JobFailedError('No list file was uploaded.');
      entities = await parseListText(data.format as ListFormat, f.bytes.toString('utf8'), f.name);
    }
  } catch (err) {
    if (err instanceof ParseError)
      throw new JobFailedError(`The list file cannot be read: ${err.message}`, [
        { line: err.line, reason: err.reason },
      ]);
    if (err instanceof JobFailedError) throw err;
    throw new JobFailedError(`The list cannot be read: ${(err as Error).message}`, [
      { reason: (err as Error).message },
    ]);
  }
  if (!entities.length) throw new JobFailedError('The list has no entries.', [{ reason: 'no entries' }]);
  const saved = await ctx.db.transaction().execute((trx) =>
    saveVersion(trx, ctx.actor, {
      listId: data.listId,
      format: data.format as ListFormat,
      label: data.label,
      source: data.location ?? 'upload',
      isDemo: data.isDemo,
      entities,
    }),
  );
  let rescreen: RescreenResult | null = null;
  if (saved.created) {
    const prev: StoredVersion | null = saved.previous;
    rescreen = await rescreenAfterVersion(ctx.db, prev, saved.version, (done, total) =>
      ctx.progress({ done, total, phase: 'rescreening' }),
    );
    // warm the index of the new version set in the background
    indexCache(ctx.db)
      .get()
      .catch(() => {});
  }
  return { versionId: saved.version.id, created: saved.created, entries: entities.length, rescreen };
}

export const listLoadJob: JobKind<ListLoadData, ListLoadResult> = {
  kind: 'screening.list-load',
  readableBy: 'starter',
  parse: (d) => listLoadData.parse(d),
  run: (ctx) => loadListVersion(ctx),
};

export const SCREENING_JOB_KINDS = [batchJob, declarationsJob, listLoadJob] as const;
