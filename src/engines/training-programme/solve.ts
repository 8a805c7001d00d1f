/**
 * Entry points: `solveProgramme` (the lexicographic MIP with HiGHS, then dates) and
 * `greedyProgramme` (the baseline). Both take the same input and return the same Programme.
 */
import { greedyDated } from './greedy.ts';
import { SolverError, solveLp } from './highs-runner.ts';
import { buildInstance, type Instance } from './instance.ts';
import { buildLp, indexModel, planFromValues, type Stage, startFromDated, travelOfValues } from './model.ts';
import { datePlan, programmeOfDated } from './schedule.ts';
import type { Programme, ProgrammeInput, SolveOptions, StageReport } from './types.ts';

export function greedyProgramme(input: ProgrammeInput): Programme {
  const inst = buildInstance(input);
  return programmeOfDated(inst, greedyDated(inst), {
    method: 'greedy',
    status: 'greedy',
    mipGap: Number.NaN,
    stages: [],
  });
}

const SHARE: Record<Stage, number> = { coverage: 0.6, fairness: 0.2, travel: 0.2 };

export async function solveProgramme(input: ProgrammeInput, opts: SolveOptions = {}): Promise<Programme> {
  const inst: Instance = buildInstance(input);
  const limit = opts.timeLimitSeconds ?? 60;
  const gap = opts.mipRelGap ?? 0.01;
  const report = (done: number, phase: string) => opts.onProgress?.({ done, total: 4, phase });
  const deadline = performance.now() + limit * 1000;

  report(0, 'baseline');
  const greedy = greedyDated(inst);
  const greedyProg = programmeOfDated(inst, greedy, {
    method: 'greedy',
    status: 'greedy',
    mipGap: Number.NaN,
    stages: [],
  });
  if (inst.candidates.length === 0) return { ...greedyProg, method: 'mip', status: 'Optimal', mipGap: 0 };

  const ix = indexModel(inst);
  const stages: StageReport[] = [];
  const greedyStart = startFromDated(inst, ix, greedy.items, greedy.coverage ?? new Map());
  let start = greedyStart;
  let values: Map<string, number> | null = null;
  let coverageStatus = '';
  let coverageGap = Number.POSITIVE_INFINITY;
  const fix: { weightedCovered?: number; minShare?: number } = {};
  const order: Stage[] = ['coverage', 'fairness', 'travel'];
  try {
    for (const [n, stage] of order.entries()) {
      report(n + 1, stage);
      const left = (deadline - performance.now()) / 1000;
      const later = order.slice(n).reduce((s, x) => s + SHARE[x], 0);
      const budget = stage === 'travel' ? left : Math.max(0.5, (left * SHARE[stage]) / later);
      if (budget <= 0.05 && values) break;
      // The baseline may already meet the first two objectives with less travel: start from it then.
      if (
        stage === 'travel' &&
        values &&
        greedyProg.figures.weightedCovered >= (fix.weightedCovered ?? 0) - 1e-6 &&
        greedyProg.figures.minShare >= (fix.minShare ?? 0) - 1e-6 &&
        travelOfValues(inst, ix, greedyStart) < travelOfValues(inst, ix, values)
      )
        start = greedyStart;
      const r = await solveLp(buildLp(inst, ix, stage, fix), {
        timeLimitSeconds: budget,
        mipRelGap: gap,
        start,
      });
      stages.push({ stage, status: r.status, objective: r.objective, mipGap: r.mipGap, seconds: r.seconds });
      if (stage === 'coverage') {
        coverageStatus = r.status;
        coverageGap = r.mipGap;
      }
      if (!r.feasible) {
        if (stage === 'coverage' && r.status === 'Infeasible')
          throw new SolverError(
            'The pinned items cannot all be kept (too few weeks at a site or for the trainers): unpin one.',
          );
        break; // keep the last stage's solution
      }
      values = r.values;
      start = r.values;
      if (stage === 'coverage') fix.weightedCovered = r.objective;
      if (stage === 'fairness') fix.minShare = r.objective;
    }
  } catch (e) {
    if (!(e instanceof SolverError) || e.message.startsWith('The pinned items')) throw e;
    return { ...greedyProg, method: 'greedy-fallback', status: e.message, stages };
  }
  report(4, 'dates');
  if (!values)
    return { ...greedyProg, method: 'greedy-fallback', status: coverageStatus || 'no solution', stages };
  const prog = programmeOfDated(inst, datePlan(inst, planFromValues(inst, ix, values)), {
    method: 'mip',
    status: coverageStatus,
    mipGap: coverageGap,
    stages,
  });
  // The dating stage may drop a session the yearly model kept; never return less than the baseline.
  if (prog.figures.weightedCovered < greedyProg.figures.weightedCovered)
    return { ...greedyProg, method: 'greedy-fallback', status: coverageStatus, mipGap: coverageGap, stages };
  return prog;
}
