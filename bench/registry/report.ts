/**
 * Prints the markdown tables of docs/benchmarks/registry.md from the JSON written by
 * `npx tsx bench/registry/bench.ts --json FILE`.
 * Run: npx tsx bench/registry/report.ts [bench/registry/results.json]
 */
import { readFileSync } from 'node:fs';

interface Cpu {
  processP50: number;
  processP95: number;
  processMean: number;
  serverMean: number | null;
  totalMean: number;
}
interface Side {
  p50: number;
  p95: number;
  total: number;
  cpu: Cpu;
}
interface Result {
  query: string;
  policy: Side;
  baseline: Side;
  runs: number;
  warmup: number;
  ratioP50: number;
  ratioP95: number;
}
interface Engine {
  engine: string;
  version: string;
  rows: number;
  insertSeconds: number;
  tableSize: { table: string; total: string };
  results: Result[];
  seconds: number;
}

const file = process.argv[2] ?? 'bench/registry/results.json';
const out = JSON.parse(readFileSync(file, 'utf8')) as { engines: Engine[] } & Record<string, unknown>;
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const x = (r: number) => `×${r.toFixed(2)}`;

console.log('Wall clock per request (count + first page), ms:\n');
console.log(
  '| engine | query | rows visible / all | runs | policy p50 | policy p95 | baseline p50 | baseline p95 | ratio p50 | ratio p95 |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const e of out.engines)
  for (const r of e.results)
    console.log(
      `| ${e.engine} | ${r.query} | ${r.policy.total.toLocaleString('en')} / ${r.baseline.total.toLocaleString('en')} | ${r.runs} | ${ms(r.policy.p50)} | ${ms(r.policy.p95)} | ${ms(r.baseline.p50)} | ${ms(r.baseline.p95)} | **${x(r.ratioP50)}** | ${x(r.ratioP95)} |`,
    );

console.log(
  '\nCPU time per request, ms (mean over the runs; PostgreSQL: client process + server processes):\n',
);
console.log('| engine | query | policy | baseline | ratio | of which server (policy / baseline) |');
console.log('|---|---|---:|---:|---:|---:|');
for (const e of out.engines)
  for (const r of e.results)
    console.log(
      `| ${e.engine} | ${r.query} | ${ms(r.policy.cpu.totalMean)} | ${ms(r.baseline.cpu.totalMean)} | ${x(r.policy.cpu.totalMean / r.baseline.cpu.totalMean)} | ${
        r.policy.cpu.serverMean === null || r.baseline.cpu.serverMean === null
          ? '(in process)'
          : `${ms(r.policy.cpu.serverMean)} / ${ms(r.baseline.cpu.serverMean)}`
      } |`,
    );

console.log('\nSet-up:\n');
for (const e of out.engines)
  console.log(
    `- ${e.engine}: ${e.version.split(' on ')[0]}; ${e.rows.toLocaleString('en')} rows inserted in ${e.insertSeconds.toFixed(0)} s; registry_records ${e.tableSize.table} (with indexes and TOAST ${e.tableSize.total}); engine total ${e.seconds.toFixed(0)} s`,
  );
