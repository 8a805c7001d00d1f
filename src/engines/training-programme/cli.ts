#!/usr/bin/env node
/**
 * Training-programme command line: `npm run cli -- training-programme <input.json>` (or
 * `npx tsx src/engines/training-programme/cli.ts <input.json>`). Prints the programme as a table,
 * then the uncovered needs; `--json` prints the whole result. Exit 2 for bad input.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ProgrammeInputError } from './instance.ts';
import { greedyProgramme, solveProgramme } from './solve.ts';
import type { Programme, ProgrammeInput } from './types.ts';

export const USAGE = `usage: training-programme <input.json> [--time-limit 60] [--gap 0.01] [--greedy] [--json]
  input.json: { administrations, needs, courses, trainers, facilities, pins?, excludes?, weeks? }
  (field names in src/engines/training-programme/types.ts)`;

export function formatProgramme(p: Programme): string {
  const f = p.figures;
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const lines = [
    `method ${p.method}, status ${p.status}, MIP gap ${Number.isFinite(p.mipGap) ? pct(p.mipGap) : 'n/a'}`,
    `covered ${f.coveredOfficers}/${f.totalOfficers} officers, weighted ${f.weightedCovered}/${f.weightedNeed}, ` +
      `smallest share ${pct(f.minShare)}, travel ${f.travelKm} officer-km, ${f.sessions} sessions`,
    '',
    ['weeks', 'Q', 'course', 'facility', 'host', 'lang', 'trainers', 'seats', 'participants'].join('\t'),
    ...p.items.map((it) =>
      [
        `${it.startWeek}-${it.endWeek}`,
        it.quarter,
        it.courseId,
        it.facilityId,
        it.host,
        it.language,
        it.trainers.join(','),
        it.seats,
        Object.entries(it.participants)
          .map(([a, k]) => `${a}:${k}`)
          .join(' ') + (it.pinned ? ' (pinned)' : ''),
      ].join('\t'),
    ),
  ];
  if (p.uncovered.length) {
    lines.push(
      '',
      'uncovered needs',
      ['need', 'admin', 'competency', 'level', 'lang', 'officers', 'reason'].join('\t'),
    );
    for (const u of p.uncovered)
      lines.push([u.needId, u.admin, u.competency, u.level, u.language, u.officers, u.reason].join('\t'));
  }
  return lines.join('\n');
}

export async function runCli(args: string[], out: (s: string) => void = console.log): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        'time-limit': { type: 'string' },
        gap: { type: 'string' },
        greedy: { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
  }
  try {
    parsed = parse();
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const file = parsed.positionals[0];
  const timeLimit = Number(parsed.values['time-limit'] ?? 60);
  const gap = Number(parsed.values.gap ?? 0.01);
  if (!file || parsed.positionals.length > 1 || !(timeLimit > 0) || !(gap >= 0)) {
    console.error(USAGE);
    return 2;
  }
  let input: ProgrammeInput;
  try {
    input = JSON.parse(readFileSync(file, 'utf8')) as ProgrammeInput;
  } catch (e) {
    console.error(`Cannot read ${file} as JSON: ${(e as Error).message}`);
    return 2;
  }
  try {
    const p = parsed.values.greedy
      ? greedyProgramme(input)
      : await solveProgramme(input, {
          timeLimitSeconds: timeLimit,
          mipRelGap: gap,
          onProgress: (x) => console.error(`[${x.done}/${x.total}] ${x.phase}`),
        });
    out(parsed.values.json ? JSON.stringify(p, null, 2) : formatProgramme(p));
    return 0;
  } catch (e) {
    if (e instanceof ProgrammeInputError || (e as Error).name === 'SolverError') {
      console.error((e as Error).message);
      return 2;
    }
    throw e;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await runCli(process.argv.slice(2));
