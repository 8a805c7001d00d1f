import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * `npm run bench`: runs every benchmark suite in turn (each prints its figures; BENCHMARKS.md
 * records them with the machine and date). Pass suite names to run only some:
 * `npm run bench -- screening`.
 */
const suites = [
  { name: 'risk', file: 'bench/risk/bench.ts' },
  { name: 'screening', file: 'bench/screening/bench.ts' },
  { name: 'registry', file: 'bench/registry/bench.ts' },
  { name: 'registry-import', file: 'bench/registry-import/bench.ts' },
  { name: 'mapping', file: 'bench/mapping/bench.ts' },
  { name: 'load', file: 'bench/load/bench.ts' },
  { name: 'training-programme', file: 'bench/training-programme/bench.ts' },
  { name: 'innovation-similarity', file: 'bench/innovation-similarity/bench.ts' },
];
const wanted = process.argv.slice(2);
let failed = 0;
for (const s of suites) {
  if (wanted.length && !wanted.includes(s.name)) continue;
  if (!existsSync(s.file)) {
    console.log(`(no ${s.name} benchmark yet: ${s.file})`);
    continue;
  }
  console.log(`\n=== ${s.name} (${s.file}) ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', s.file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
