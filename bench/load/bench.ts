/**
 * Load benchmark (issue 20, "Load"): the platform's server as its own process, 100,000
 * equipment catalogue records, and a load generator in ANOTHER process (bench/load/generator.ts)
 * with 50 closed-loop clients without think time, signed in as several demo users with real
 * sessions, on the registry's list, filter and search — on PGlite (a data folder) and on
 * PostgreSQL 15 (scripts/start-postgres.sh). Per query type: p50/p95/p99, throughput, errors by
 * status, requests abandoned by their clients, and how many requests and database queries were
 * still running on the server after the clients had gone (GET /api/health/load, LOAD_PROBE=true,
 * which the server ignores in production). Baseline: the same requests from ONE client.
 *
 * Run: npx tsx bench/load/bench.ts [--pglite | --pg] (both by default) [--rows 100000]
 *        [--seconds 60] [--warmup 15] [--baseline-seconds 15] [--clients 50]
 *        [--abort-share 0.1] [--abort-within 300] [--port 54416] [--http-port 3870]
 *        [--json out.json]
 * Not in CI. The data is loaded by this process (bench/shared/equipment-items.ts), which then
 * closes the database; the server (`src/cli/main.ts serve`, the app as `npm run serve` builds
 * it, with its jobs, outbox and scheduler) opens it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/connection.ts';
import { DEMO_DOMAIN } from '../../src/seed/demo-data.ts';
import { loadEquipmentItems, SEARCH_WORD } from '../shared/equipment-items.ts';
import { type PostgresServer, startPostgres } from '../shared/postgres-server.ts';
import type { GeneratorConfig } from './generator.ts';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '15' },
    'baseline-seconds': { type: 'string', default: '15' },
    clients: { type: 'string', default: '50' },
    'abort-share': { type: 'string', default: '0.1' },
    'abort-within': { type: 'string', default: '300' },
    pg: { type: 'boolean', default: false },
    pglite: { type: 'boolean', default: false },
    port: { type: 'string', default: '54416' },
    'http-port': { type: 'string', default: '3870' },
    json: { type: 'string' },
  },
});
const engines: ('pglite' | 'postgres')[] =
  args.pg === args.pglite ? ['pglite', 'postgres'] : args.pg ? ['postgres'] : ['pglite'];
const log = (s: string) => process.stderr.write(`${s}\n`);
const sec = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
const PASSWORD = 'load-benchmark-password-1';
/** Experts and analysts of several administrations (no second factor): different readable sets. */
const USERS = ['fr.expert', 'de.expert', 'it.expert', 'pl.expert', 'es.expert', 'nl.analyst'].map(
  (u) => `${u}@${DEMO_DOMAIN}`,
);
const QUERIES = [
  { name: 'list', path: '/api/v1/registry/equipment_item?limit=50' },
  { name: 'filter', path: '/api/v1/registry/equipment_item?limit=50&category=nii&country=DE' },
  { name: 'search', path: `/api/v1/registry/equipment_item?limit=50&q=${SEARCH_WORD}&language=en` },
];

function child(cmd: string[], env: Record<string, string>, onOut?: (s: string) => void) {
  const p = spawn(process.execPath, ['--import', 'tsx', ...cmd], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  p.stderr!.on('data', (d: Buffer) => process.stderr.write(d));
  p.stdout!.on('data', (d: Buffer) => onOut?.(d.toString()));
  return p;
}

const exited = (p: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (p.exitCode !== null) resolve(p.exitCode);
    else p.once('exit', (code) => resolve(code));
  });

async function waitForHealth(url: string, server: ChildProcess) {
  const t0 = performance.now();
  while (performance.now() - t0 < 300_000) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode})`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not answer /api/health within 5 minutes');
}

async function runEngine(engine: 'pglite' | 'postgres') {
  log(`\n== ${engine} ==`);
  const t0 = performance.now();
  let pgServer: PostgresServer | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'eucab-load-'));
  let server: ChildProcess | null = null;
  try {
    if (engine === 'postgres') pgServer = await startPostgres(Number(args.port), log);
    const handle = pgServer
      ? await openDatabase({ databaseUrl: pgServer.url })
      : await openDatabase({ dataDir: join(dataDir, 'pglite') });
    const version = (await sql<{ v: string }>`SELECT version() AS v`.execute(handle.db)).rows[0]!.v;
    log(`  ${version}`);
    const { insertSeconds } = await loadEquipmentItems(handle.db, {
      rows: Number(args.rows),
      password: PASSWORD,
      log,
    });
    await handle.close();
    log(`  data ready (${sec(t0)} s); starting the server …`);

    const url = `http://127.0.0.1:${args['http-port']}`;
    const env: Record<string, string> = {
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: args['http-port']!,
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      LOAD_PROBE: 'true',
      WEB_DIST: join(dataDir, 'no-web'),
    };
    if (pgServer) env.DATABASE_URL = pgServer.url;
    else env.DATA_DIR = join(dataDir, 'pglite');
    // On a very busy machine a start can run out of Fastify's plugin time: try again (3 times).
    for (let attempt = 1; ; attempt++) {
      server = child(['src/cli/main.ts', 'serve'], env);
      try {
        await waitForHealth(url, server);
        break;
      } catch (e) {
        if (attempt === 3) throw e;
        log(`  the server did not start (${(e as Error).message}); again …`);
        if (server.exitCode === null) server.kill('SIGTERM');
        await exited(server);
      }
    }
    log(`  server up (pid ${server!.pid})`);

    const cfg: GeneratorConfig = {
      baseUrl: url,
      users: USERS,
      password: PASSWORD,
      clients: Number(args.clients),
      seconds: Number(args.seconds),
      warmupSeconds: Number(args.warmup),
      baselineSeconds: Number(args['baseline-seconds']),
      abortShare: Number(args['abort-share']),
      abortWithinMs: Number(args['abort-within']),
      queries: QUERIES,
    };
    const cfgFile = join(dataDir, 'generator.json');
    writeFileSync(cfgFile, JSON.stringify(cfg));
    let out = '';
    const loadAverageBefore = loadavg();
    const gen = child(['bench/load/generator.ts', cfgFile], {}, (s) => {
      out += s;
    });
    const code = await exited(gen);
    if (code !== 0) throw new Error(`the generator failed (exit ${code})`);
    return {
      engine,
      version,
      rows: Number(args.rows),
      insertSeconds,
      loadAverageBefore: loadAverageBefore.map((x) => Number(x.toFixed(2))),
      loadAverageAfter: loadavg().map((x) => Number(x.toFixed(2))),
      results: JSON.parse(out.trim().split('\n').at(-1)!) as unknown[],
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await Promise.race([exited(server), new Promise((r) => setTimeout(r, 15_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    await pgServer?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const meta = {
  date: new Date().toISOString(),
  node: process.version,
  nproc: cpus().length,
  cpu: readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown',
  memoryGb: Math.round(totalmem() / 1024 ** 3),
  command: `npx tsx bench/load/bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
  clients: Number(args.clients),
  seconds: Number(args.seconds),
  warmupSeconds: Number(args.warmup),
  baselineSeconds: Number(args['baseline-seconds']),
  abortShare: Number(args['abort-share']),
  abortWithinMs: Number(args['abort-within']),
  users: USERS,
  loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
};
log(
  `load benchmark: ${Number(args.rows).toLocaleString('en')} equipment_item records, ${meta.clients} clients × ${meta.seconds} s per query type; ${meta.nproc} × ${meta.cpu}, node ${meta.node}`,
);
const all = { ...meta, engines: [] as Awaited<ReturnType<typeof runEngine>>[] };
for (const e of engines) all.engines.push(await runEngine(e));

type Row = {
  name: string;
  baseline: { p50: number; p95: number; throughput: number };
  load: {
    p50: number;
    p95: number;
    p99: number;
    throughput: number;
    errors: number;
    byStatus: Record<string, number>;
    abandoned: number;
  };
  after: {
    afterOneSecond: { activeRequests: number; waitingRequests: number; runningQueries: number | null };
  };
};
const ms = (x: number) => x.toFixed(0);
console.log(
  '\n| engine | query | p50 ms | p95 ms | p99 ms | req/s | errors | abandoned | running 1 s after | 1 client p50 / req/s | p50 ratio |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const e of all.engines)
  for (const r of e.results as Row[]) {
    const a = r.after.afterOneSecond;
    console.log(
      `| ${e.engine} | ${r.name} | ${ms(r.load.p50)} | ${ms(r.load.p95)} | ${ms(r.load.p99)} | ${r.load.throughput.toFixed(1)} | ${r.load.errors} | ${r.load.abandoned} | ${a.activeRequests + a.waitingRequests} req, ${a.runningQueries} queries | ${ms(r.baseline.p50)} / ${r.baseline.throughput.toFixed(1)} | ×${(r.load.p50 / r.baseline.p50).toFixed(1)} |`,
    );
  }
log(
  `load average at start ${meta.loadAverageAtStart.join(' ')}, at end ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
if (args.json) writeFileSync(args.json, JSON.stringify(all, null, 2));
