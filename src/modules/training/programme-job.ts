import { canGenerateTrainingProgramme } from '../../access/training-programme-policy.ts';
import type { Programme } from '../../engines/training-programme/index.ts';
import { JobFailedError, runInWorker } from '../../jobs/index.ts';
import { defineJobKind } from '../../jobs/job-registry.ts';
import { trainingProgramme } from '../../registry/kinds/training/training-programme.kind.ts';
import { getRecord } from '../../registry/operations/get.ts';
import type { UserActor } from '../../registry/operations/types.ts';
import { updateRecord } from '../../registry/record-service.ts';
import { loadProgrammeInput, registrySource } from './programme-input.ts';
import { programmeRecordData } from './programme-record.ts';
import { programmeJobData } from './programme-schema.ts';
import type { ProgrammeTaskInput } from './programme-task.ts';

const TASK = new URL('./programme-task.ts', import.meta.url);

/**
 * `training.programme`: loads the needs (validated answers of the campaign) and the offers, solves
 * in a worker thread (progress: baseline, coverage, fairness, travel, dates; a cancel terminates
 * the thread) and writes the result as the new version of the programme record — a draft is
 * edited in place, a published programme gets a correction that waits for the four-eyes approval.
 * Safe to run again: each run replaces the record's data with a complete programme.
 */
export const trainingProgrammeJob = defineJobKind({
  kind: 'training.programme',
  readableBy: 'organisation',
  parse: (d) => programmeJobData.parse(d),
  async run(ctx) {
    const a = ctx.actor;
    if (!canGenerateTrainingProgramme(a))
      throw new JobFailedError('Only a coordinator of the training network may generate the programme.');
    await ctx.progress({ done: 0, total: null, phase: 'programme_loading' });
    const current = await getRecord(ctx.db, a, trainingProgramme, { id: ctx.data.programmeId }).catch(
      () => null,
    );
    if (!current) throw new JobFailedError('The programme no longer exists or you may no longer read it.');
    const loaded = await loadProgrammeInput(registrySource(ctx.db, a, ctx.data.campaignId), {
      pins: ctx.data.pins,
      excludes: ctx.data.excludes,
    });
    if (loaded.input.needs.length === 0)
      throw new JobFailedError(
        'The campaign has no validated answers with officers to train: nothing to plan.',
      );
    let programme: Programme;
    try {
      programme = await runInWorker<ProgrammeTaskInput, Programme>(
        TASK,
        'solveProgrammeTask',
        { input: loaded.input, timeLimitSeconds: ctx.data.timeLimitSeconds },
        { onProgress: ctx.progress, signal: ctx.signal },
      );
    } catch (e) {
      if (ctx.signal.aborted) throw e;
      throw new JobFailedError((e as Error).message);
    }
    await ctx.progress({ done: 0, total: null, phase: 'programme_saving' });
    const data = current.data as Record<string, unknown>;
    await ctx.db.transaction().execute((trx) =>
      updateRecord(trx, a as UserActor, trainingProgramme, ctx.data.programmeId, {
        data: programmeRecordData({ title: data.title, year: data.year }, programme, loaded.titles),
        note: 'Generated programme',
      }),
    );
    return {
      programmeId: ctx.data.programmeId,
      method: programme.method,
      status: programme.status,
      mipGap: Number.isFinite(programme.mipGap) ? programme.mipGap : null,
      figures: programme.figures,
      uncovered: programme.uncovered.length,
      skipped: loaded.skipped.slice(0, 100),
    };
  },
});
