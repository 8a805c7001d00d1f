/**
 * Registry benchmark: list, filter and full-text search over 100,000 equipment catalogue records
 * (`equipment_item`), on PGlite (embedded, in memory) and on a real PostgreSQL 15 server.
 *
 * Each query type is timed twice, interleaved run by run:
 *  - "policy": exactly what `GET /api/v1/registry/equipment_item` does for a signed-in reader
 *    (a French expert, built with `loadActor`): `readableKindQuery(db, actor, kind, filters)`, then
 *    the total count and the first page (50 rows, `-updated_at`, then id), then the envelope of
 *    the page's rows (`pageWithEnvelopes`: named organisations, co-editors, approval round), the
 *    recipients look-up and `present` (abilities, owner-only fields removed). Facets are not included.
 *  - "baseline": the same two statements in plain SQL, same joins, same parameters, same
 *    ORDER BY / LIMIT, but WITHOUT the access-policy predicate (`readableRecords`). The ratio
 *    policy / baseline is the cost of the policy.
 *
 * Query types: (1) list: first page + total; (2) filter: category=nii & country=DE;
 * (3) search: a word present in 1% of the records (`scintillator`), through `recordSearchMatch`.
 *
 * Data (bench/shared/equipment-items.ts, shared with bench/load): migrations + reference data +
 * the demo seed (27 administrations), one equipment model
 * created through `createRecord`, then N catalogue entries inserted set-based
 * (INSERT ... SELECT generate_series, deterministic pseudo-random values from md5) with the
 * `search` tsvector built like the platform builds it (checked against `searchVector`); VACUUM ANALYZE.
 *
 * Run: npx tsx bench/registry/bench.ts [--rows 100000] [--pg | --pglite] (both by default)
 *        [--runs 200] [--warmup 20] [--budget 40] [--min-runs 30] [--reader EMAIL]
 *        [--port 54331] [--database-url URL] [--no-parallel] [--explain] [--json out.json]
 * Per query type and engine: up to --warmup pairs of warm-up (fewer, at least 3, when they take
 * more than 10 s), then --runs timed pairs, or as many as fit in --budget seconds (at least
 * --min-runs), so that a full run stays near 10 minutes on 2 cores. --explain prints (and stores
 * in the JSON) EXPLAIN ANALYZE of both variants. --no-parallel turns PostgreSQL's parallel query
 * off in the benchmark's sessions (the baseline list is parallel, the policy list is not).
 * `--pg` starts a throw-away server with scripts/start-postgres.sh (as root: Debian's postgresql)
 * and stops it (pg_ctl) at the end; `--database-url` uses an existing server instead (a fresh
 * database is created on it and dropped afterwards).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Actor } from '../../src/access/actor.ts';
import { loadActor } from '../../src/auth/actor-loader.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/connection.ts';
import type { DB } from '../../src/db/schema.ts';
import { equipmentItem } from '../../src/registry/kinds/procurement/equipment-item.kind.ts';
import { pageWithEnvelopes } from '../../src/registry/page-envelopes.ts';
import {
  type ListFilters,
  present,
  ROW_COLUMNS,
  readableKindQuery,
  recipientsByRecord,
  sortExpression,
} from '../../src/registry/record-queries.ts';
import { recordSearchMatch } from '../../src/registry/search-config.ts';
import { DEMO_DOMAIN } from '../../src/seed/demo-data.ts';
import { loadEquipmentItems, SEARCH_WORD } from '../shared/equipment-items.ts';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    budget: { type: 'string', default: '40' },
    'min-runs': { type: 'string', default: '30' },
    pg: { type: 'boolean', default: false },
    pglite: { type: 'boolean', default: false },
    port: { type: 'string', default: '54331' },
    'database-url': { type: 'string' },
    reader: { type: 'string', default: `fr.expert@${DEMO_DOMAIN}` },
    explain: { type: 'boolean', default: false },
    'no-parallel': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const WARMUP = Number(args.warmup);
/** Seconds of timed runs per query type and engine (policy + baseline together). */
const BUDGET = Number(args.budget);
const MIN_RUNS = Number(args['min-runs']);
const engines: ('pglite' | 'postgres')[] =
  args.pg === args.pglite ? ['pglite', 'postgres'] : args.pg ? ['postgres'] : ['pglite'];
const log = (s: string) => process.stderr.write(`${s}\n`);
const kind = equipmentItem;
const PAGE = 50;

const sec = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

async function prepare(db: Kysely<DB>) {
  const { insertSeconds, modelId } = await loadEquipmentItems(db, { rows: ROWS, log });
  const user = await db.selectFrom('users').select('id').where('email', '=', args.reader!).executeTakeFirst();
  const reader = user ? await loadActor(db, user.id, null) : null;
  if (!reader) throw new Error(`no active user ${args.reader}`);
  return { reader, insertSeconds, modelId };
}

// ---------------------------------------------------------------------------------------------
// Queries

interface QueryType {
  name: string;
  filters: ListFilters;
}
const QUERIES: QueryType[] = [
  { name: 'list (first page + total)', filters: { fields: {} } },
  { name: 'filter category=nii & country=DE', filters: { fields: { category: 'nii', country: 'DE' } } },
  { name: `search "${SEARCH_WORD}" (1%)`, filters: { q: SEARCH_WORD, language: 'en', fields: {} } },
];

/** What the list endpoint does (facets aside). */
async function viaPolicy(db: Kysely<DB>, a: Actor, f: ListFilters) {
  const baseQ = readableKindQuery(db, a, kind, f);
  const total = await baseQ.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const order = sortExpression(kind, '-updated_at', Boolean(f.q));
  const page = baseQ
    .select([...ROW_COLUMNS])
    .orderBy(order, 'desc')
    .orderBy('r.id')
    .limit(PAGE)
    .offset(0);
  const rows = await pageWithEnvelopes(db, kind.name, page, order, 'desc', kind.embargoField !== undefined);
  const rec = await recipientsByRecord(
    db,
    kind.name,
    rows.filter((x) => x.tlp === 'red').map((x) => x.id),
  );
  const items = rows.map((row) => present(a, kind, row, rec.get(row.id) ?? []));
  return { total: Number(total.n), items: items.length };
}

/** The baseline: the same statements in plain SQL, without the policy predicate. */
function baselineWhere(f: ListFilters) {
  const parts = [sql`r.kind = ${kind.name}`, sql`r.status <> ${'retracted'}`];
  // The platform's own match (its vector and index), so the ratio is the policy's cost only.
  if (f.q) parts.push(recordSearchMatch('r', 'en', f.q));
  for (const [name, v] of Object.entries(f.fields)) if (v) parts.push(sql`r.data->>${name} IN (${v})`);
  return sql.join(parts, sql` AND `);
}
// The plain columns (the envelope's list columns are subqueries the baseline leaves out).
const BASE_COLUMNS = sql.raw(
  ROW_COLUMNS.flatMap((c) => (typeof c === 'string' ? [c.replace(' as ', ' AS ')] : [])).join(', '),
);
async function viaBaseline(db: Kysely<DB>, f: ListFilters) {
  const where = baselineWhere(f);
  const total = await sql<{ n: number }>`
    SELECT count(*) AS n FROM registry_records r JOIN organisations o ON o.id = r.owner_org_id
    WHERE ${where}`.execute(db);
  const rows = await sql`
    SELECT ${BASE_COLUMNS} FROM registry_records r JOIN organisations o ON o.id = r.owner_org_id
    WHERE ${where} ORDER BY ${sortExpression(kind, '-updated_at', Boolean(f.q))} DESC, r.id LIMIT ${PAGE} OFFSET ${0}`.execute(
    db,
  );
  return { total: Number(total.rows[0]!.n), items: rows.rows.length };
}

/** What the reader may see, computed independently of the policy code (the seed has no RED / public / sharing-group items). */
async function expectedVisible(db: Kysely<DB>, a: Actor, f: ListFilters) {
  const nets = [...a.networkRoles.keys()];
  const where = baselineWhere(f);
  const r = await sql<{ n: number }>`
    SELECT count(*) AS n FROM registry_records r JOIN organisations o ON o.id = r.owner_org_id
    WHERE ${where} AND (r.owner_org_id = ${a.orgId}::uuid OR (r.status = 'published' AND (r.distribution = 'eucab'
      OR (r.distribution = 'network' AND r.distribution_network_id = ANY(${nets}::uuid[])))))`.execute(db);
  return Number(r.rows[0]!.n);
}

async function explainBoth(db: Kysely<DB>, a: Actor, f: ListFilters) {
  const baseQ = readableKindQuery(db, a, kind, f);
  const page = baseQ
    .select([...ROW_COLUMNS])
    .orderBy(sortExpression(kind, '-updated_at', Boolean(f.q)), 'desc')
    .orderBy('r.id')
    .limit(PAGE)
    .offset(0)
    .compile();
  const count = baseQ.select((eb) => eb.fn.countAll<number>().as('n')).compile();
  const where = baselineWhere(f);
  const plans: Record<string, string> = {};
  const show = async (label: string, q: { sql: string; parameters: readonly unknown[] }) => {
    const r = await db.executeQuery<Record<string, string>>(
      CompiledQuery.raw(`EXPLAIN (ANALYZE, COSTS OFF) ${q.sql}`, [...q.parameters]),
    );
    plans[label] = r.rows.map((x) => x['QUERY PLAN']).join('\n');
  };
  await show('policy count', count);
  await show('policy page', page);
  await show(
    'baseline count',
    sql`SELECT count(*) AS n FROM registry_records r JOIN organisations o ON o.id = r.owner_org_id WHERE ${where}`.compile(
      db,
    ),
  );
  await show(
    'baseline page',
    sql`SELECT ${BASE_COLUMNS} FROM registry_records r JOIN organisations o ON o.id = r.owner_org_id WHERE ${where} ORDER BY ${sortExpression(kind, '-updated_at', Boolean(f.q))} DESC, r.id LIMIT ${PAGE} OFFSET ${0}`.compile(
      db,
    ),
  );
  return { policySql: page.sql, plans };
}

// ---------------------------------------------------------------------------------------------
// Timing

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

interface Cpu {
  processP50: number;
  processP95: number;
  processMean: number;
  serverMean: number | null;
  totalMean: number;
}
interface Result {
  query: string;
  policy: { p50: number; p95: number; total: number; cpu: Cpu };
  baseline: { p50: number; p95: number; total: number; cpu: Cpu };
  expectedVisible: number;
  runs: number;
  warmup: number;
  ratioP50: number;
  ratioP95: number;
}

/**
 * CPU time in ms of this process (PGlite runs inside it) plus, with a local server, of the
 * server's processes (the postmaster and its children, from /proc; 1/CLK_TCK resolution, so only
 * the mean over all runs is meaningful). On a shared machine CPU time is less disturbed than wall
 * time by other processes.
 */
function cpuClock(postmasterPid: number | null) {
  const tick = postmasterPid ? 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) : 0;
  let pids: number[] = [];
  const stat = (pid: number) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return f.slice(f.lastIndexOf(')') + 2).split(' ');
    } catch {
      return null;
    }
  };
  return {
    /** Finds the server's processes again (after connections were opened). */
    refresh() {
      if (!postmasterPid) return;
      pids = [postmasterPid];
      for (const d of readdirSync('/proc'))
        if (/^\d+$/.test(d) && stat(Number(d))?.[1] === String(postmasterPid)) pids.push(Number(d));
    },
    process() {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    },
    server() {
      let t = 0;
      for (const pid of pids) {
        const f = stat(pid);
        if (f) t += (Number(f[11]) + Number(f[12])) * tick;
        // Parallel workers come and go: their time is added to the postmaster's children time.
        if (f && pid === postmasterPid) t += (Number(f[13]) + Number(f[14])) * tick;
      }
      return t;
    },
  };
}

async function timeQueries(db: Kysely<DB>, a: Actor, postmasterPid: number | null) {
  const clock = cpuClock(postmasterPid);
  const results: Result[] = [];
  for (const q of QUERIES) {
    const t0 = performance.now();
    const expected = await expectedVisible(db, a, q.filters);
    let pol = await viaPolicy(db, a, q.filters);
    let base = await viaBaseline(db, q.filters);
    if (pol.total !== expected)
      throw new Error(`${q.name}: policy total ${pol.total} ≠ independently expected ${expected}`);
    // Warm-up: WARMUP pairs, or fewer (at least 3) when a pair is slow; the timed runs are
    // RUNS pairs, or as many as fit in BUDGET seconds (at least MIN_RUNS).
    const w0 = performance.now();
    let warm = 0;
    while (warm < WARMUP && (warm < 3 || performance.now() - w0 < 10_000)) {
      await viaPolicy(db, a, q.filters);
      await viaBaseline(db, q.filters);
      warm++;
    }
    const perPair = (performance.now() - w0) / warm;
    const runs = Math.max(Math.min(RUNS, MIN_RUNS), Math.min(RUNS, Math.floor((BUDGET * 1000) / perPair)));
    const tp: number[] = [];
    const tb: number[] = [];
    const cp: number[] = [];
    const cb: number[] = [];
    const sp: number[] = [];
    const sb: number[] = [];
    clock.refresh();
    for (let i = 0; i < runs; i++) {
      // Alternate which variant goes first, so neither always runs on a cache the other warmed.
      for (const which of i % 2 ? ['b', 'p'] : ['p', 'b']) {
        const s0 = clock.server();
        const c0 = clock.process();
        const s = performance.now();
        if (which === 'p') pol = await viaPolicy(db, a, q.filters);
        else base = await viaBaseline(db, q.filters);
        const wall = performance.now() - s;
        const cpu = clock.process() - c0;
        const server = clock.server() - s0;
        const [w, c, sv] = which === 'p' ? [tp, cp, sp] : [tb, cb, sb];
        w.push(wall);
        c.push(cpu);
        sv.push(server);
      }
    }
    const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
    const cpuOf = (c: number[], sv: number[]) => ({
      processP50: pct(c, 50),
      processP95: pct(c, 95),
      processMean: mean(c),
      serverMean: postmasterPid ? mean(sv) : null,
      totalMean: mean(c) + (postmasterPid ? mean(sv) : 0),
    });
    const r: Result = {
      query: q.name,
      policy: { p50: pct(tp, 50), p95: pct(tp, 95), total: pol.total, cpu: cpuOf(cp, sp) },
      baseline: { p50: pct(tb, 50), p95: pct(tb, 95), total: base.total, cpu: cpuOf(cb, sb) },
      expectedVisible: expected,
      runs,
      warmup: warm,
      ratioP50: pct(tp, 50) / pct(tb, 50),
      ratioP95: pct(tp, 95) / pct(tb, 95),
    };
    results.push(r);
    log(
      `  ${q.name.padEnd(36)} policy p50 ${r.policy.p50.toFixed(2)} ms p95 ${r.policy.p95.toFixed(2)} ms | ` +
        `baseline p50 ${r.baseline.p50.toFixed(2)} ms p95 ${r.baseline.p95.toFixed(2)} ms | ` +
        `×${r.ratioP50.toFixed(2)} / ×${r.ratioP95.toFixed(2)} | rows ${pol.total} vs ${base.total} (${runs} runs, ${sec(t0)} s)\n` +
        `  ${''.padEnd(36)} CPU ms/request: policy p50 ${r.policy.cpu.processP50.toFixed(2)} mean ${r.policy.cpu.totalMean.toFixed(2)} | ` +
        `baseline p50 ${r.baseline.cpu.processP50.toFixed(2)} mean ${r.baseline.cpu.totalMean.toFixed(2)} (p50 = this process only)`,
    );
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Engines

interface Server {
  url: string;
  /** The postmaster's pid when the server runs on this machine (for its CPU time). */
  postmasterPid: number | null;
  stop(): Promise<void>;
}

async function postgresServer(): Promise<Server> {
  if (args['database-url']) {
    const url = args['database-url'];
    const name = `eucab_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    return {
      url: u.href,
      postmasterPid: null,
      async stop() {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const url = execFileSync(join(REPO_ROOT, 'scripts/start-postgres.sh'), [args.port!], {
    encoding: 'utf8',
  }).trim();
  log(`  started ${url}`);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const dataDir = (await c.query('SHOW data_directory')).rows[0].data_directory as string;
  await c.end();
  const postmasterPid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url,
    postmasterPid,
    async stop() {
      const bin = execFileSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1'], {
        encoding: 'utf8',
      }).trim();
      const cmd = `${bin}/pg_ctl -D '${dataDir}' -m fast -w stop`;
      if (process.getuid?.() === 0) execFileSync('su', ['postgres', '-s', '/bin/bash', '-c', cmd]);
      else execFileSync('bash', ['-c', cmd]);
      rmSync(dirname(dataDir), { recursive: true, force: true });
      log(`  stopped the server (${dataDir}) and removed its directory`);
    },
  };
}

/** --no-parallel: PostgreSQL sessions without parallel query (max_parallel_workers_per_gather = 0). */
function withOptions(url: string) {
  if (!args['no-parallel']) return url;
  const u = new URL(url);
  u.searchParams.set('options', '-c max_parallel_workers_per_gather=0');
  return u.href;
}

async function runEngine(engine: 'pglite' | 'postgres') {
  log(`\n== ${engine} ==`);
  const t0 = performance.now();
  const server = engine === 'postgres' ? await postgresServer() : null;
  let handle: DatabaseHandle | null = null;
  try {
    handle = server
      ? await openDatabase({ databaseUrl: withOptions(server.url) })
      : await openDatabase({ dataDir: 'memory://' });
    const db = handle.db;
    const version = (await sql<{ v: string }>`SELECT version() AS v`.execute(db)).rows[0]!.v;
    log(`  ${version}`);
    const { reader, insertSeconds } = await prepare(db);
    const size = await sql<{ table: string; total: string }>`
      SELECT pg_size_pretty(pg_relation_size('registry_records')) AS table,
             pg_size_pretty(pg_total_relation_size('registry_records')) AS total`.execute(db);
    const results = await timeQueries(db, reader, server?.postmasterPid ?? null);
    const explain = args.explain
      ? Object.fromEntries(
          await Promise.all(
            QUERIES.map(async (q) => [q.name, await explainBoth(db, reader, q.filters)] as const),
          ),
        )
      : undefined;
    if (explain)
      for (const [q, e] of Object.entries(explain)) {
        log(`\n  -- ${q}: policy SQL --\n${e.policySql}`);
        for (const [k, v] of Object.entries(e.plans)) log(`\n  -- ${q}: ${k} --\n${v}`);
      }
    return {
      engine,
      version,
      rows: ROWS,
      insertSeconds,
      tableSize: size.rows[0],
      reader: args.reader,
      readerNetworks: reader.networkRoles.size,
      results,
      explain,
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    await handle?.close();
    await server?.stop();
  }
}

const meta = {
  date: new Date().toISOString(),
  node: process.version,
  nproc: cpus().length,
  cpu: readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown',
  command: `npx tsx bench/registry/bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
  runs: RUNS,
  warmup: WARMUP,
  budgetSeconds: BUDGET,
  minRuns: MIN_RUNS,
  loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
  page: PAGE,
};
log(
  `registry benchmark: ${ROWS.toLocaleString('en')} equipment_item records, ${RUNS} runs (+${WARMUP} warm-up) per query; ${meta.nproc} × ${meta.cpu}, node ${meta.node}`,
);
const out = { ...meta, engines: [] as Awaited<ReturnType<typeof runEngine>>[] };
for (const e of engines) out.engines.push(await runEngine(e));

const ms = (x: number) => x.toFixed(2);
console.log(
  `\n| engine | query | policy p50 | policy p95 | baseline p50 | baseline p95 | ratio p50 | ratio p95 | rows (policy / baseline) | runs |`,
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const e of out.engines)
  for (const r of e.results)
    console.log(
      `| ${e.engine} | ${r.query} | ${ms(r.policy.p50)} | ${ms(r.policy.p95)} | ${ms(r.baseline.p50)} | ${ms(r.baseline.p95)} | ×${r.ratioP50.toFixed(2)} | ×${r.ratioP95.toFixed(2)} | ${r.policy.total} / ${r.baseline.total} | ${r.runs} |`,
    );
log(
  `load average at start ${meta.loadAverageAtStart.join(' ')}, at end ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
if (args.json) writeFileSync(args.json, JSON.stringify(out, null, 2));
