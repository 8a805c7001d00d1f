/**
 * The load generator of bench/load (a separate process from the server it loads): signs in
 * several demo users with real sessions, then for each query type runs
 *  1. a warm-up: `clients` closed-loop clients for `warmupSeconds` (not measured);
 *  2. the baseline: ONE client for `baselineSeconds` (the same requests without concurrency);
 *  3. the load: `clients` closed-loop clients without think time for `seconds`, a share of
 *     whose requests are abandoned mid-flight (the socket is destroyed after a random delay);
 *  4. after the last client stopped: the server's count of requests still active or waiting in
 *     line and of database queries still running for requests (GET /api/health/load), until it
 *     reaches zero (at most 10 s).
 * Keep-alive HTTP (node:http Agent, one socket per client). Prints the figures as JSON on stdout.
 *
 * Run by bench/load/bench.ts: node --import tsx bench/load/generator.ts CONFIG.json
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';

export interface GeneratorConfig {
  baseUrl: string;
  users: string[];
  password: string;
  clients: number;
  seconds: number;
  warmupSeconds: number;
  baselineSeconds: number;
  /** Share of the load phase's requests abandoned by their client, 0–1. */
  abortShare: number;
  /** Abandoned requests are abandoned after a delay uniform in [0, abortWithinMs]. */
  abortWithinMs: number;
  queries: { name: string; path: string }[];
}

export interface ProbeSample {
  activeRequests: number;
  waitingRequests: number;
  runningQueries: number | null;
  refusedQueries: number | null;
  interruptedQueries: number | null;
}

interface Sample {
  ms: number;
  status: number | 'network-error';
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const cfg = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as GeneratorConfig;
const base = new URL(cfg.baseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: cfg.clients + 4 });

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request; `abortAfterMs` destroys it (the client goes away) unless it answered before. */
function send(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; abortAfterMs?: number } = {},
): Promise<Answer | 'aborted'> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        path,
        method: opts.method ?? 'GET',
        agent,
        headers: { accept: 'application/json', ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          });
        });
        res.on('error', reject);
      },
    );
    let aborted = false;
    const timer =
      opts.abortAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            aborted = true;
            req.destroy();
            resolve('aborted');
          }, opts.abortAfterMs);
    req.on('error', (e) => {
      clearTimeout(timer);
      if (!aborted) reject(e);
    });
    if (opts.body) req.end(opts.body);
    else req.end();
  });
}

function cookiesOf(h: http.IncomingHttpHeaders, jar: Map<string, string>) {
  for (const c of h['set-cookie'] ?? []) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** A real session of a demo user (password sign-in; users with a second factor are not used). */
async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = (await send('/api/v1/auth/csrf')) as Answer;
  cookiesOf(csrf.headers, jar);
  const token = JSON.parse(csrf.body).token as string;
  const res = (await send('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: cookieHeader(jar) },
    body: JSON.stringify({ email, password: cfg.password }),
  })) as Answer;
  if (res.status !== 200) throw new Error(`sign-in ${email}: ${res.status} ${res.body}`);
  if (JSON.parse(res.body).stage === 'mfa')
    throw new Error(`${email} needs a second factor: pick another user`);
  cookiesOf(res.headers, jar);
  return cookieHeader(jar);
}

async function probe(): Promise<ProbeSample> {
  const r = (await send('/api/health/load')) as Answer;
  if (r.status !== 200) throw new Error(`GET /api/health/load: ${r.status} (is LOAD_PROBE on?)`);
  return JSON.parse(r.body) as ProbeSample;
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

/** `clients` closed-loop clients for `seconds`, each with one of the sessions in turn. */
async function run(
  path: string,
  sessions: string[],
  clients: number,
  seconds: number,
  abortShare: number,
): Promise<{ samples: Sample[]; aborted: number; seconds: number }> {
  const samples: Sample[] = [];
  let aborted = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const cookie = sessions[c % sessions.length]!;
      while (performance.now() < end) {
        const abortAfterMs =
          abortShare > 0 && Math.random() < abortShare ? Math.random() * cfg.abortWithinMs : undefined;
        const s = performance.now();
        try {
          const r = await send(path, {
            headers: { cookie },
            ...(abortAfterMs === undefined ? {} : { abortAfterMs }),
          });
          if (r === 'aborted') aborted++;
          else samples.push({ ms: performance.now() - s, status: r.status });
        } catch {
          samples.push({ ms: performance.now() - s, status: 'network-error' });
        }
      }
    }),
  );
  return { samples, aborted, seconds: (performance.now() - t0) / 1000 };
}

function summarise(r: { samples: Sample[]; aborted: number; seconds: number }) {
  const ok = r.samples.filter((s) => s.status === 200).map((s) => s.ms);
  const byStatus: Record<string, number> = {};
  for (const s of r.samples) byStatus[String(s.status)] = (byStatus[String(s.status)] ?? 0) + 1;
  return {
    requests: r.samples.length,
    ok: ok.length,
    errors: r.samples.length - ok.length,
    byStatus,
    abandoned: r.aborted,
    seconds: r.seconds,
    throughput: ok.length / r.seconds,
    p50: pct(ok, 50),
    p95: pct(ok, 95),
    p99: pct(ok, 99),
    max: ok.length ? Math.max(...ok) : null,
  };
}

/** Polls the server until no request is active or waiting and no request's query runs (≤ 10 s). */
async function drain() {
  const t0 = performance.now();
  const first = await probe();
  let last = first;
  const busy = (p: ProbeSample) => p.activeRequests + p.waitingRequests + (p.runningQueries ?? 0);
  let atOneSecond: ProbeSample | null = null;
  while (performance.now() - t0 < 10_000) {
    if (atOneSecond === null && performance.now() - t0 >= 1000) atOneSecond = last;
    if (busy(last) === 0 && performance.now() - t0 >= 1000) break;
    await new Promise((r) => setTimeout(r, 50));
    last = await probe();
  }
  return {
    whenClientsStopped: first,
    afterOneSecond: atOneSecond ?? last,
    final: last,
    msUntilIdle: busy(last) === 0 ? performance.now() - t0 : null,
  };
}

const sessions: string[] = [];
for (const u of cfg.users) sessions.push(await signIn(u));
log(`  generator: ${sessions.length} sessions (${cfg.users.join(', ')})`);

const results = [];
for (const q of cfg.queries) {
  log(`  ${q.name}: warm-up ${cfg.warmupSeconds} s with ${cfg.clients} clients …`);
  const warm = summarise(await run(q.path, sessions, cfg.clients, cfg.warmupSeconds, 0));
  const before = await probe();
  log(`  ${q.name}: baseline, 1 client for ${cfg.baselineSeconds} s …`);
  const baseline = summarise(await run(q.path, sessions.slice(0, 1), 1, cfg.baselineSeconds, 0));
  log(`  ${q.name}: ${cfg.clients} clients for ${cfg.seconds} s (${cfg.abortShare * 100} % abandoned) …`);
  const load = summarise(await run(q.path, sessions, cfg.clients, cfg.seconds, cfg.abortShare));
  const after = await drain();
  const refused = (after.final.refusedQueries ?? 0) - (before.refusedQueries ?? 0);
  const interrupted = (after.final.interruptedQueries ?? 0) - (before.interruptedQueries ?? 0);
  log(
    `  ${q.name}: p50 ${load.p50?.toFixed(0)} ms, p95 ${load.p95?.toFixed(0)} ms, p99 ${load.p99?.toFixed(0)} ms, ` +
      `${load.throughput.toFixed(1)}/s, errors ${load.errors} ${JSON.stringify(load.byStatus)}, abandoned ${load.abandoned}; ` +
      `1 client p50 ${baseline.p50?.toFixed(0)} ms; running 1 s after the clients stopped: ` +
      `${after.afterOneSecond.activeRequests + after.afterOneSecond.waitingRequests} requests, ${after.afterOneSecond.runningQueries} queries`,
  );
  results.push({
    ...q,
    warmup: warm,
    baseline,
    load,
    after,
    queriesRefused: refused,
    queriesInterrupted: interrupted,
  });
}
agent.destroy();
process.stdout.write(`${JSON.stringify(results)}\n`);
