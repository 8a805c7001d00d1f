import { z } from 'zod';
import { isUser } from '../../access/actor.ts';
import type { Mapping } from '../../engines/risk/mapping.ts';
import { defineJobKind } from '../../jobs/job-registry.ts';
import { JobFailedError } from '../../jobs/job-types.ts';
import { runInWorker } from '../../jobs/worker-thread.ts';
import { kindByName } from '../../registry/kinds/index.ts';
import { authoriseRecord, updateRecord } from '../../registry/record-service.ts';
import { ruleSetOf } from '../risk/risk-rules.ts';
import {
  compatibleMappings,
  datasetChunks,
  readableBatches,
  readableDatasets,
  readableModels,
} from '../risk/risk-service.ts';
import type { DatasetPart } from '../risk/risk-tasks.ts';
import type { BacktestInput, BacktestResult } from './backtest-task.ts';

const TASK = new URL('./backtest-task.ts', import.meta.url);

export interface BacktestJobResult extends BacktestResult {
  /** Labelled rows came from: histories the active model did not train on, outcomes of batches. */
  sources: { datasets: number; batches: number; untrainedOnly: boolean };
  skippedRules: Array<{ rule: string; reason: string }>;
}

/**
 * The backtest of a draft profile recommendation (`risk_sharing.backtest`): its rules, as the
 * proposer's own, on the proposer's labelled history — the rows the active model did not train on
 * (histories uploaded after it, outcomes of batches it scored) — and the active model's selection
 * of the same budget on the same rows. The rules run without the recommendation's validity dates
 * (its period lies ahead of the history). Without such rows (or without an active model), every
 * labelled history row, and no baseline. The figures are attached to the draft as a new version
 * (audited `profile_recommendation.updated`). Run again after a restart, it computes the same
 * figures and changes nothing more.
 */
export const backtestJob = defineJobKind({
  kind: 'risk_sharing.backtest',
  readableBy: 'organisation',
  parse: (d) => z.strictObject({ recordId: z.uuid() }).parse(d),
  async run(ctx): Promise<BacktestJobResult> {
    const a = ctx.actor;
    if (!isUser(a)) throw new JobFailedError('The user who started the backtest may no longer act.');
    const kind = kindByName('profile_recommendation')!;
    const rec = await authoriseRecord(ctx.db, a, kind, ctx.data.recordId, 'update').catch(() => null);
    const gone = 'The recommendation is no longer a draft you may change: nothing was attached.';
    if (!rec) throw new JobFailedError(gone);
    if (rec.status !== 'draft') throw new JobFailedError(gone);
    const converted = await ruleSetOf(
      ctx.db,
      a,
      (rec.data.rules as Array<Record<string, unknown>>).map((r) => ({
        ...r,
        family: rec.data.family,
        rationale: String(r.name ?? rec.data.title),
        // No validity dates: the recommended period lies ahead, the history behind.
      })),
    );
    if (!converted.ruleSet)
      throw new JobFailedError(
        `None of the rules can run: ${converted.skipped.map((s) => `${s.rule}: ${s.reason}`).join('; ')}.`,
      );
    await ctx.progress({ done: 0, total: null, phase: 'reading' });
    const model = await readableModels(ctx.db, a)
      .select(['m.id', 'm.document', 'm.mapping', 'm.header', 'm.trained_on'])
      .where('m.active', '=', true)
      .executeTakeFirst();
    const histories = await readableDatasets(ctx.db, a)
      .select(['d.id', 'd.header', 'd.mapping'])
      .where('d.purpose', '=', 'history')
      .orderBy('d.created_at')
      .execute();
    const trained = (model?.trained_on ?? {}) as { datasetIds?: string[]; batchIds?: string[] };
    const trainedDs = new Set(trained.datasetIds ?? []);
    const trainedBatches = new Set(trained.batchIds ?? []);
    const mapping = (model?.mapping ?? histories[0]?.mapping) as Mapping | undefined;
    const header = (model?.header ?? histories[0]?.header) as string[] | undefined;
    if (!mapping || !header)
      throw new JobFailedError(
        'Your administration has no declaration history: upload one in Risk analysis first.',
      );
    const fits = (m: unknown) => compatibleMappings(mapping, [m as Mapping]).length === 0;
    const parts: DatasetPart[] = [];
    let datasets = 0;
    let batches = 0;
    if (model) {
      for (const h of histories.filter((h) => !trainedDs.has(h.id) && fits(h.mapping))) {
        parts.push({ header: h.header, chunks: await datasetChunks(ctx.db, h.id) });
        datasets++;
      }
      const scored = await readableBatches(ctx.db, a)
        .innerJoin('risk_datasets as ds', 'ds.id', 'b.dataset_id')
        .select(['b.id', 'b.dataset_id', 'ds.header'])
        .where('b.outcomes_count', '>', 0)
        .orderBy('b.created_at')
        .execute();
      for (const b of scored.filter((b) => !trainedBatches.has(b.id))) {
        const outcomes = await ctx.db
          .selectFrom('risk_outcomes')
          .select(['declaration_id', 'fraud', 'revenue'])
          .where('batch_id', '=', b.id)
          .execute();
        parts.push({
          header: b.header,
          chunks: await datasetChunks(ctx.db, b.dataset_id),
          outcomes: outcomes.map((o) => [o.declaration_id, o.fraud ? 1 : 0, o.revenue]),
        });
        batches++;
      }
    }
    const untrainedOnly = parts.length > 0;
    if (!untrainedOnly)
      for (const h of histories.filter((h) => fits(h.mapping))) {
        parts.push({ header: h.header, chunks: await datasetChunks(ctx.db, h.id) });
        datasets++;
      }
    const input: BacktestInput = {
      mapping,
      header,
      parts,
      rules: converted.ruleSet,
      budgetPercent: Number(rec.data.selection_budget),
      model: untrainedOnly && model ? new Uint8Array(model.document) : null,
    };
    let result: BacktestResult;
    try {
      result = await runInWorker<BacktestInput, BacktestResult>(TASK, 'backtestTask', input, {
        onProgress: (p) => ctx.progress(p as { done: number; total: number | null; phase: string }),
        signal: ctx.signal,
      });
    } catch (e) {
      if (ctx.signal.aborted || e instanceof JobFailedError || !(e instanceof Error)) throw e;
      if (e.name === 'JobCancelledError') throw e;
      throw new JobFailedError(e.message);
    }
    const backtest: Record<string, unknown> = {
      rows: result.rows,
      selection_rate: result.profile.selection_rate,
      hit_rate: result.profile.hit_rate,
      ...(result.profile.revenue !== null ? { revenue: result.profile.revenue } : {}),
      ...(result.baseline
        ? {
            baseline_rows: result.rows,
            baseline_selection_rate: result.baseline.selection_rate,
            baseline_hit_rate: result.baseline.hit_rate,
            ...(result.baseline.revenue !== null ? { baseline_revenue: result.baseline.revenue } : {}),
          }
        : {}),
      computed_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    await ctx.progress({ done: 1, total: 1, phase: 'saving' });
    await ctx.db.transaction().execute((trx) =>
      updateRecord(trx, a, kind, rec.id, {
        data: { ...rec.data, backtest },
        note: 'backtest attached',
      }),
    );
    return { ...result, sources: { datasets, batches, untrainedOnly }, skippedRules: converted.skipped };
  },
});
