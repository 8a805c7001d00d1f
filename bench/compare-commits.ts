/**
 * Back-to-back comparison of one benchmark on two commits, in one run on one machine:
 *
 *   npx tsx bench/compare-commits.ts --base <rev> [--head <rev>] [--rounds 2] [--suite registry] -- [bench args]
 *
 * Each commit is checked out into a throw-away worktree (sharing this checkout's node_modules),
 * then the suite's benchmark runs base, head, base, head … (`--rounds` pairs), each run with
 * `--json`. Alternating the two commits spreads the machine's load (other processes, thermal
 * state) over both. Per query and engine, the figures of all rounds are merged (median of the
 * rounds' p50s and p95s) and the head / base ratio is printed as a Markdown table; `--limit 1.10`
 * (the default) marks the rows where head is slower than base by more than 10 %.
 *
 * Only the registry suite writes the JSON this reads (`engines[].results[].policy.{p50,p95}`);
 * other suites can join by writing the same shape. Not part of CI: run it before and after a
 * change to the registry's read path and record the table in BENCHMARKS.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const SUITES: Record<string, string> = { registry: 'bench/registry/bench.ts' };

const sep = process.argv.indexOf('--');
const own = sep === -1 ? process.argv.slice(2) : process.argv.slice(2, sep);
const passThrough = sep === -1 ? [] : process.argv.slice(sep + 1);
const { values: args } = parseArgs({
  args: own,
  options: {
    base: { type: 'string' },
    head: { type: 'string', default: 'HEAD' },
    rounds: { type: 'string', default: '2' },
    suite: { type: 'string', default: 'registry' },
    limit: { type: 'string', default: '1.10' },
  },
});
const fail = (message: string): never => {
  console.error(`compare-commits: ${message}`);
  process.exit(2);
};
if (!args.base) fail('--base <rev> is required (e.g. --base HEAD~1)');
const file =
  SUITES[args.suite] ?? fail(`unknown suite "${args.suite}" (known: ${Object.keys(SUITES).join(', ')})`);
const rounds = Number(args.rounds);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20)
  fail('--rounds must be a whole number from 1 to 20');
const limit = Number(args.limit);
if (!(limit > 1)) fail('--limit must be a number above 1 (e.g. 1.10)');

const repo = resolve(import.meta.dirname, '..');
const git = (...a: string[]) => execFileSync('git', ['-C', repo, ...a], { encoding: 'utf8' }).trim();
const commits = {
  base: git('rev-parse', '--verify', `${args.base}^{commit}`),
  head: git('rev-parse', '--verify', `${args.head}^{commit}`),
};

interface Result {
  query: string;
  policy: { p50: number; p95: number };
}
interface Output {
  engines: { engine: string; results: Result[] }[];
}

const work = mkdtempSync(join(tmpdir(), 'eucab-compare-'));
const trees: Record<'base' | 'head', string> = { base: join(work, 'base'), head: join(work, 'head') };
const runs: Record<'base' | 'head', Output[]> = { base: [], head: [] };
try {
  for (const side of ['base', 'head'] as const) {
    git('worktree', 'add', '--detach', trees[side], commits[side]);
    symlinkSync(join(repo, 'node_modules'), join(trees[side], 'node_modules'));
  }
  for (let round = 1; round <= rounds; round++) {
    for (const side of ['base', 'head'] as const) {
      const out = join(work, `${side}-${round}.json`);
      console.log(`\n=== round ${round}/${rounds}: ${side} ${commits[side].slice(0, 10)} ===`);
      const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...passThrough, '--json', out], {
        cwd: trees[side],
        stdio: 'inherit',
      });
      if (r.status !== 0) fail(`the ${side} run of round ${round} failed (exit ${r.status})`);
      runs[side].push(JSON.parse(readFileSync(out, 'utf8')) as Output);
    }
  }
} finally {
  for (const side of ['base', 'head'] as const)
    spawnSync('git', ['-C', repo, 'worktree', 'remove', '--force', trees[side]]);
  rmSync(work, { recursive: true, force: true });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const figures = (side: 'base' | 'head', engine: string, query: string, p: 'p50' | 'p95') =>
  median(
    runs[side].flatMap((o) =>
      o.engines
        .filter((e) => e.engine === engine)
        .flatMap((e) => e.results.filter((r) => r.query === query).map((r) => r.policy[p])),
    ),
  );

console.log(
  `\nbase ${commits.base.slice(0, 10)} vs head ${commits.head.slice(0, 10)}, ${rounds} round(s) each, alternating; ` +
    `median over rounds; ratio = head / base (above ${limit.toFixed(2)} marked)\n`,
);
console.log('| engine | query | base p50 / p95 ms | head p50 / p95 ms | ratio p50 | ratio p95 |');
console.log('|---|---|---|---|---|---|');
let slower = 0;
for (const e of runs.head[0]!.engines) {
  for (const r of e.results) {
    const b50 = figures('base', e.engine, r.query, 'p50');
    const b95 = figures('base', e.engine, r.query, 'p95');
    const h50 = figures('head', e.engine, r.query, 'p50');
    const h95 = figures('head', e.engine, r.query, 'p95');
    const mark = (x: number) => `${x.toFixed(2)}${x > limit ? ' ⚠' : ''}`;
    if (h50 / b50 > limit || h95 / b95 > limit) slower++;
    console.log(
      `| ${e.engine} | ${r.query} | ${b50.toFixed(1)} / ${b95.toFixed(1)} | ${h50.toFixed(1)} / ${h95.toFixed(1)} | ${mark(h50 / b50)} | ${mark(h95 / b95)} |`,
    );
  }
}
process.exit(slower ? 1 : 0);
