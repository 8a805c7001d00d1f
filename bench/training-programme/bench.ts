/**
 * Training-programme benchmark: the full-size instance (27 administrations × 60 competencies × 40
 * courses × 15 facilities × 52 weeks) for several seeds; the MIP (HiGHS, 55 s limit) against the
 * greedy baseline. Fails when a programme is infeasible, takes over 60 s CPU, reports a MIP gap
 * above 2 % or covers less weighted need than the baseline. Results in results.json.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { greedyProgramme, solveProgramme } from '../../src/engines/training-programme/index.ts';
import { FULL, generateInstance } from './generate.ts';

const seeds = (process.env.BENCH_SEEDS ?? '1,2,3').split(',').map(Number);
const limit = Number(process.env.BENCH_TIME_LIMIT ?? 55);
const rows = [];
let failed = 0;
for (const seed of seeds) {
  const input = generateInstance(seed, FULL);
  const g0 = process.cpuUsage();
  const greedy = greedyProgramme(input);
  const greedyCpu = cpuSeconds(process.cpuUsage(g0));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const mip = await solveProgramme(input, { timeLimitSeconds: limit, mipRelGap: 0.01 });
  const cpu = cpuSeconds(process.cpuUsage(c0));
  const wall = (performance.now() - t0) / 1000;
  const ratio = mip.figures.weightedCovered / Math.max(1, greedy.figures.weightedCovered);
  const row = {
    seed,
    needs: input.needs.length,
    officers: mip.figures.totalOfficers,
    method: mip.method,
    status: mip.status,
    mipGap: mip.mipGap,
    cpuSeconds: round(cpu),
    wallSeconds: round(wall),
    greedyCpuSeconds: round(greedyCpu),
    weightedNeed: mip.figures.weightedNeed,
    mipWeightedCovered: mip.figures.weightedCovered,
    greedyWeightedCovered: greedy.figures.weightedCovered,
    ratio: round(ratio, 4),
    mipMinShare: round(mip.figures.minShare, 4),
    greedyMinShare: round(greedy.figures.minShare, 4),
    mipTravelKm: mip.figures.travelKm,
    greedyTravelKm: greedy.figures.travelKm,
    sessions: mip.figures.sessions,
    stages: mip.stages.map(
      (s) => `${s.stage}:${s.status}:${round(s.seconds)}s:gap ${round(100 * s.mipGap, 2)}%`,
    ),
  };
  const ok = mip.items.length > 0 && cpu <= 60 && mip.mipGap <= 0.02 && ratio >= 1;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${JSON.stringify(row)}`);
  rows.push(row);
}
writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), machine: `${os.cpus()[0]?.model} × ${os.cpus().length}, Node ${process.version}`, rows }, null, 2)}\n`,
);
process.exit(failed ? 1 : 0);

function cpuSeconds(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1e6;
}
function round(x: number, d = 2): number {
  return Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x;
}
