/**
 * Mapping exercises benchmark (issue 11, "Done when" → Benchmark): the results of a campaign with
 * 27 validated responses × 200 questions, with 10 past campaigns of the same questionnaire, on
 * PGlite (embedded, in memory). Goal: every result endpoint under 200 ms p95.
 *
 * Measured: each result operation exactly as its route calls it (src/modules/mapping/operations:
 * `responseRate`, `summaries` of all 200 questions and of one, `crossTabulation`, `coverage`,
 * `radar`, `trends` over the 11 campaigns, `exportResults` CSV / XLSX / JSON), for two callers
 * built with `loadActor`: the coordinator (full view, fr.expert) and a participant's NCP in the
 * aggregate-only campaign (at.ncp: small-cell suppression, own answers apart).
 *
 * Named baseline ("raw read"): the one statement every result needs, in plain SQL — the validated
 * responses' answers of the campaign (`SELECT answers FROM mapping_responses WHERE campaign_id = $1
 * AND status = 'validated'`), same driver, no policy and no computation. Ratio = operation ÷ raw
 * read (p50): what access decisions and the engine's statistics cost on top of reading the data.
 *
 * Data: migrations + reference data + the demo seed (27 administrations), a questionnaire of 200
 * questions (5 sections of 38 questions: single and multiple choice, integers, decimals, text,
 * yes/no; a matrix of the 10 Arusha factors × 3 columns; a repeat group of 4 questions; 3 questions
 * bound to Arusha factors), checked by the engine, stored as a published version; 11 campaigns of
 * the training network to the 27 administrations (10 closed, the current one aggregate-only) with 27
 * validated responses each (deterministic pseudo-random answers, 1–4 repeat entries).
 *
 * Run: npx tsx bench/mapping/bench.ts [--runs 40] [--warmup 3] [--budget 20] [--json out.json] [--only NAME]
 * Per operation and caller: --warmup untimed calls, then --runs timed calls or as many as fit in
 * --budget seconds (at least 10), interleaved with the raw read.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import pg from 'pg';
import type { Actor } from '../../src/access/actor.ts';
import { loadActor } from '../../src/auth/actor-loader.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { DB } from '../../src/db/schema.ts';
import { checkQuestionnaire, type Item, type Questionnaire } from '../../src/engines/questionnaire/index.ts';
import { questionCount } from '../../src/modules/mapping/mapping-format.ts';
import { exportResults } from '../../src/modules/mapping/operations/export.ts';
import {
  coverage,
  crossTabulation,
  radar,
  responseRate,
  summaries,
  trends,
} from '../../src/modules/mapping/operations/results.ts';
import { DEMO_DOMAIN, seedDemoData } from '../../src/seed/demo-data.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '3' },
    budget: { type: 'string', default: '20' },
    json: { type: 'string' },
    /** run only the operations whose name contains this text */
    only: { type: 'string' },
    /** a PostgreSQL server to run on instead of PGlite: a fresh database is created there and dropped after */
    'database-url': { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const WARMUP = Number(args.warmup);
const BUDGET_MS = Number(args.budget) * 1000;
const log = (s: string) => console.log(s);

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const L = (en: string) => ({ en, fr: `${en} (fr)`, de: `${en} (de)` });
const FACTORS = [
  'leadership_commitment',
  'regulatory_framework',
  'transparency',
  'automation',
  'reform_modernisation',
  'audit_investigation',
  'code_of_conduct',
  'hr_management',
  'morale_culture',
  'private_sector',
];

function questionnaire(): Questionnaire {
  const sections: Item[] = [];
  for (let s = 1; s <= 5; s++) {
    const items: Item[] = [];
    const q = (n: number, make: (code: string) => Item) => {
      for (let i = 1; i <= n; i++) items.push(make(`s${s}_${items.length + 1}`));
    };
    q(12, (code) => ({ type: 'select_one', code, label: L(code), choices: { list: 'level' } }));
    q(6, (code) => ({ type: 'select_multiple', code, label: L(code), choices: { list: 'tools' } }));
    q(10, (code) => ({ type: 'integer', code, label: L(code), constraint: '. >= 0' }));
    q(4, (code) => ({ type: 'decimal', code, label: L(code) }));
    q(4, (code) => ({ type: 'text', code, label: L(code) }));
    q(2, (code) => ({ type: 'yes_no', code, label: L(code) }));
    sections.push({ type: 'group', code: `s${s}`, label: L(`Section ${s}`), items });
  }
  return {
    format: 'eucab-questionnaire',
    id: 'bench_mapping',
    title: 'Benchmark mapping',
    version: '2026.1',
    languages: [{ code: 'en' }, { code: 'fr' }, { code: 'de' }],
    defaultLanguage: 'en',
    choiceLists: {
      level: ['1', '2', '3', '4', '5'].map((n) => ({ name: `l${n}`, label: L(`Level ${n}`) })),
      tools: ['xray', 'dogs', 'lab', 'scanner', 'drone', 'database'].map((n) => ({ name: n, label: L(n) })),
      priority: ['low', 'medium', 'high'].map((n) => ({ name: n, label: L(n) })),
    },
    items: [
      ...sections,
      {
        type: 'matrix',
        code: 'factors',
        label: L('Per factor'),
        rows: { codeList: 'arusha_factor' },
        columns: [
          { type: 'scale', code: 'maturity', label: L('Maturity'), min: 1, max: 5, step: 1 },
          { type: 'integer', code: 'officers', label: L('Officers') },
          { type: 'select_one', code: 'priority', label: L('Priority'), choices: { list: 'priority' } },
        ],
      },
      ...['automation', 'transparency', 'hr_management'].map(
        (f): Item => ({
          type: 'integer',
          code: `bound_${f}`,
          label: L(`Measures for ${f}`),
          binding: { list: 'arusha_factor', code: f },
        }),
      ),
      {
        type: 'repeat',
        code: 'initiatives',
        label: L('Initiatives'),
        items: [
          { type: 'text', code: 'init_name', label: L('Name') },
          {
            type: 'select_one',
            code: 'init_factor',
            label: L('Factor'),
            choices: { codeList: 'arusha_factor' },
          },
          { type: 'decimal', code: 'init_budget', label: L('Budget') },
          { type: 'integer', code: 'init_year', label: L('Year') },
        ],
      },
    ],
    leftOut: [],
  };
}

function answersFor(q: Questionnaire, r: () => number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: Record<string, unknown> = {};
  const visit = (items: Item[]) => {
    for (const item of items) {
      switch (item.type) {
        case 'group':
          visit(item.items);
          break;
        case 'select_one':
          out[item.code] = pick(['l1', 'l2', 'l3', 'l4', 'l5']);
          break;
        case 'select_multiple':
          out[item.code] = ['xray', 'dogs', 'lab', 'scanner', 'drone', 'database'].filter(() => r() < 0.4);
          break;
        case 'integer':
          out[item.code] = Math.floor(r() * 500);
          break;
        case 'decimal':
          out[item.code] = Math.round(r() * 10_000) / 100;
          break;
        case 'text':
          out[item.code] = `Answer ${Math.floor(r() * 1000)}`;
          break;
        case 'yes_no':
          out[item.code] = r() < 0.5;
          break;
        case 'matrix':
          out[item.code] = Object.fromEntries(
            FACTORS.filter(() => r() < 0.8).map((f) => [
              f,
              {
                maturity: 1 + Math.floor(r() * 5),
                officers: Math.floor(r() * 200),
                priority: pick(['low', 'medium', 'high']),
              },
            ]),
          );
          break;
        case 'repeat':
          out[item.code] = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, i) => ({
            init_name: `Initiative ${i + 1}`,
            init_factor: pick(FACTORS),
            init_budget: Math.round(r() * 1_000_000) / 100,
            init_year: 2018 + Math.floor(r() * 8),
          }));
          break;
        default:
          break;
      }
    }
  };
  visit(q.items);
  return out;
}

async function prepare(db: Kysely<DB>) {
  await migrateToLatest(db as never);
  await seedDemoData(db, { password: `bench-${randomBytes(6).toString('hex')}` });
  const userId = async (email: string) =>
    (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const coordinatorId = await userId(`fr.expert@${DEMO_DOMAIN}`);
  const training = await db
    .selectFrom('networks')
    .select('id')
    .where('code', '=', 'training')
    .executeTakeFirstOrThrow();
  const q = questionnaire();
  const issues = checkQuestionnaire(q);
  if (issues.length) throw new Error(`questionnaire: ${JSON.stringify(issues.slice(0, 5))}`);
  const questions = questionCount(q);
  if (questions !== 200) throw new Error(`the benchmark questionnaire has ${questions} questions, not 200`);
  const qrow = await db
    .insertInto('mapping_questionnaires')
    .values({ code: q.id, network_id: training.id, title: q.title, created_by: coordinatorId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await db
    .insertInto('mapping_questionnaire_versions')
    .values({
      questionnaire_id: qrow.id,
      version: q.version,
      title: q.title,
      definition: JSON.stringify(q),
      warnings: '[]',
      file_name: 'bench.xlsx',
      file_sha256: '0'.repeat(64),
      created_by: coordinatorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const orgs = await db
    .selectFrom('organisations')
    .select(['id', 'code'])
    .where('type', '=', 'national_administration')
    .orderBy('code')
    .execute();
  const ncps = new Map(
    (
      await db
        .selectFrom('users')
        .select(['id', 'organisation_id', 'email'])
        .where('email', 'like', '%.ncp@%')
        .execute()
    ).map((u) => [u.organisation_id, u.id]),
  );
  const r = rng(20261206);
  const DAY = 86_400_000;
  const campaigns: string[] = [];
  for (let c = 0; c <= 10; c++) {
    const current = c === 10;
    const opens = new Date(Date.now() - (11 - c) * 90 * DAY);
    const closes = current ? new Date(Date.now() + 30 * DAY) : new Date(opens.getTime() + 60 * DAY);
    const row = await db
      .insertInto('mapping_campaigns')
      .values({
        questionnaire_version_id: version.id,
        network_id: training.id,
        title: `Benchmark campaign ${c + 1}`,
        opens_at: opens,
        closes_at: closes,
        respondent_unit: 'administration',
        sharing: current ? 'aggregate_only' : c % 2 ? 'named' : 'aggregate_only',
        target: JSON.stringify({ kind: 'all' }),
        created_by: coordinatorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    campaigns.push(row.id);
    await db
      .insertInto('mapping_campaign_participants')
      .values(orgs.map((o) => ({ campaign_id: row.id, organisation_id: o.id })))
      .execute();
    await db
      .insertInto('mapping_responses')
      .values(
        orgs.map((o) => {
          const ncp = ncps.get(o.id) ?? coordinatorId;
          return {
            campaign_id: row.id,
            organisation_id: o.id,
            status: 'validated' as const,
            answers: JSON.stringify(answersFor(q, r)),
            version: 1,
            last_editor_id: coordinatorId,
            last_edited_at: closes,
            validated_by: ncp,
            validated_at: closes,
          };
        }),
      )
      .execute();
  }
  await sql`VACUUM ANALYZE`.execute(db);
  const actor = async (email: string) => loadActor(db, await userId(email), null) as Promise<Actor>;
  return {
    questionnaireId: qrow.id,
    campaignId: campaigns.at(-1)!,
    campaigns,
    questions,
    coordinator: await actor(`fr.expert@${DEMO_DOMAIN}`),
    participant: await actor(`at.ncp@${DEMO_DOMAIN}`),
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

/** A fresh database on the PostgreSQL server of `url` (dropped at the end). */
async function postgresDatabase(url: string) {
  const name = `eucab_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.href,
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function main() {
  const t0 = performance.now();
  const server = args['database-url'] ? await postgresDatabase(args['database-url']) : null;
  const engine = server ? 'postgresql' : 'pglite';
  const handle = await openDatabase(server ? { databaseUrl: server.url } : { dataDir: 'memory://' });
  const db = handle.db;
  const data = await prepare(db);
  log(
    `data: ${data.campaigns.length} campaigns × 27 validated responses, ${data.questions} questions — ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const c = data.campaignId;
  const raw = () =>
    sql`SELECT answers FROM mapping_responses WHERE campaign_id = ${c} AND status = 'validated'`.execute(db);
  const ops: Record<string, (a: Actor) => Promise<unknown>> = {
    rate: (a) => responseRate(db, a, c),
    'summaries (all 200)': (a) => summaries(db, a, c, {}),
    'summaries (one, filtered)': (a) =>
      summaries(db, a, c, { question: 's1_13', filterQuestion: 's1_1', filterValue: 'l3' }),
    crosstab: (a) => crossTabulation(db, a, c, { rows: 's1_1', cols: 's2_2' }),
    coverage: (a) => coverage(db, a, c, { list: 'arusha_factor' }),
    radar: (a) => radar(db, a, c, { list: 'arusha_factor', measure: 'maturity' }),
    'trends (11 campaigns)': (a) => trends(db, a, data.questionnaireId, { question: 's1_20' }),
    'export csv': (a) => exportResults(db, a, c, { format: 'csv', labels: false }),
    'export xlsx (labels)': (a) => exportResults(db, a, c, { format: 'xlsx', labels: true, language: 'fr' }),
    'export json': (a) => exportResults(db, a, c, { format: 'json', labels: false }),
  };
  const callers = { coordinator: data.coordinator, 'participant (aggregate)': data.participant };
  const results: Record<string, unknown>[] = [];
  log(
    `\n${'operation'.padEnd(28)} ${'caller'.padEnd(24)} ${'runs'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'cpu p50'.padStart(8)} ${'cpu p95'.padStart(8)} ${'raw p50'.padStart(8)} ${'ratio'.padStart(7)}`,
  );
  for (const [name, op] of Object.entries(ops).filter(([n]) => !args.only || n.includes(args.only)))
    for (const [who, actor] of Object.entries(callers)) {
      try {
        await op(actor);
      } catch (e) {
        // e.g. exports in an aggregate-only campaign: the participant is refused (403), as the policy says
        results.push({ operation: name, caller: who, refused: (e as Error).message });
        log(`${name.padEnd(28)} ${who.padEnd(24)} refused: ${(e as Error).message.slice(0, 60)}`);
        continue;
      }
      for (let i = 1; i < WARMUP; i++) await op(actor);
      const wall: number[] = [];
      const cpu: number[] = [];
      const base: number[] = [];
      const start = performance.now();
      while (wall.length < RUNS && (wall.length < 10 || performance.now() - start < BUDGET_MS)) {
        const b0 = performance.now();
        await raw();
        base.push(performance.now() - b0);
        const c0 = process.cpuUsage();
        const w0 = performance.now();
        await op(actor);
        wall.push(performance.now() - w0);
        const cu = process.cpuUsage(c0);
        cpu.push((cu.user + cu.system) / 1000);
      }
      const row = {
        operation: name,
        caller: who,
        runs: wall.length,
        p50: r1(pct(wall, 50)),
        p95: r1(pct(wall, 95)),
        cpuP50: r1(pct(cpu, 50)),
        cpuP95: r1(pct(cpu, 95)),
        rawP50: r1(pct(base, 50)),
        rawP95: r1(pct(base, 95)),
        ratio: r1(pct(wall, 50) / pct(base, 50)),
      };
      results.push(row);
      log(
        `${name.padEnd(28)} ${who.padEnd(24)} ${String(row.runs).padStart(5)} ${String(row.p50).padStart(8)} ${String(row.p95).padStart(8)} ${String(row.cpuP50).padStart(8)} ${String(row.cpuP95).padStart(8)} ${String(row.rawP50).padStart(8)} ${String(row.ratio).padStart(7)}`,
      );
    }
  const timed = results.filter((r) => 'p95' in r) as { p95: number; operation: string; caller: string }[];
  const over = timed.filter((r) => r.p95 >= 200);
  const cpuOver = (timed as unknown as { cpuP95: number; operation: string; caller: string }[]).filter(
    (r) => r.cpuP95 >= 200,
  );
  log(
    over.length
      ? `\nGoal (< 200 ms p95) missed by: ${over.map((r) => `${r.operation} / ${r.caller} (${r.p95} ms)`).join(', ')}`
      : `\nGoal met: every result operation under 200 ms p95 (worst ${Math.max(...timed.map((r) => r.p95))} ms).`,
  );
  const machine = {
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    node: process.version,
    loadavg: loadavg().map((x) => x.toFixed(2)),
    date: new Date().toISOString(),
  };
  log(
    cpuOver.length
      ? `CPU time (the work itself, this process${server ? '' : ' incl. PGlite'}) over 200 ms p95: ${cpuOver.map((r) => r.operation).join(', ')}`
      : `CPU time (the work itself, this process${server ? '' : ' incl. PGlite'}) under 200 ms p95 for every operation.`,
  );
  log(`machine: ${machine.cpus}, Node ${machine.node}, load ${machine.loadavg.join(' ')}, ${machine.date}`);
  if (args.json)
    writeFileSync(
      args.json,
      `${JSON.stringify({ machine, engine, data: { campaigns: 11, responses: 27, questions: 200 }, results }, null, 2)}\n`,
    );
  await handle.close();
  await server?.drop();
  process.exit(over.length ? 3 : 0);
}

await main();
