/**
 * The plans of the registry list's statements (issue 20: "plans checked with EXPLAIN on both
 * databases"): loads the equipment catalogue data set (bench/shared/equipment-items.ts), then
 * for list, filter and search runs `listRecords` as a reader twice — the first request of a key
 * (capped count, then for a large set the exact total and the facets) and the next one (the
 * cached summary) — records every statement it sends (a Kysely plugin) and prints
 * EXPLAIN (ANALYZE, BUFFERS) of each, with its execution time.
 *
 * Run: npx tsx bench/load/explain.ts [--pglite | --pg] (both by default) [--rows 100000]
 *        [--port 54416] [--reader fr.expert@demo.eucab.eu] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  CompiledQuery,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
} from 'kysely';
import { loadActor } from '../../src/auth/actor-loader.ts';
import { openDatabase } from '../../src/db/connection.ts';
import type { DB } from '../../src/db/schema.ts';
import { equipmentItem } from '../../src/registry/kinds/procurement/equipment-item.kind.ts';
import { listRecords } from '../../src/registry/operations/list.ts';
import { DEMO_DOMAIN } from '../../src/seed/demo-data.ts';
import { loadEquipmentItems, SEARCH_WORD } from '../shared/equipment-items.ts';
import { type PostgresServer, startPostgres } from '../shared/postgres-server.ts';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    pg: { type: 'boolean', default: false },
    pglite: { type: 'boolean', default: false },
    port: { type: 'string', default: '54416' },
    reader: { type: 'string', default: `fr.expert@${DEMO_DOMAIN}` },
    json: { type: 'string' },
  },
});
const engines: ('pglite' | 'postgres')[] =
  args.pg === args.pglite ? ['pglite', 'postgres'] : args.pg ? ['postgres'] : ['pglite'];
const log = (s: string) => process.stderr.write(`${s}\n`);
const QUERIES = [
  { name: 'list', input: {} },
  { name: 'filter', input: { category: 'nii', country: 'DE' } },
  { name: 'search', input: { q: SEARCH_WORD, language: 'en' } },
];

/** Records the compiled statements a Kysely instance sends. */
function recorder(db: Kysely<DB>) {
  const seen: CompiledQuery[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(a: PluginTransformQueryArgs) {
      seen.push(db.getExecutor().compileQuery(a.node, a.queryId));
      return a.node;
    },
    async transformResult(a: PluginTransformResultArgs) {
      return a.result;
    },
  };
  return { seen, db: db.withPlugin(plugin) };
}

async function runEngine(engine: 'pglite' | 'postgres') {
  log(`\n== ${engine} ==`);
  let server: PostgresServer | null = null;
  if (engine === 'postgres') server = await startPostgres(Number(args.port), log);
  const handle = server
    ? await openDatabase({ databaseUrl: server.url })
    : await openDatabase({ dataDir: 'memory://' });
  try {
    await loadEquipmentItems(handle.db, { rows: Number(args.rows), log });
    const user = await handle.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', args.reader!)
      .executeTakeFirstOrThrow();
    const reader = (await loadActor(handle.db, user.id, null))!;
    const out = [];
    // One recording instance (the list's summary cache belongs to the database instance).
    const rec = recorder(handle.db);
    for (const q of QUERIES) {
      for (const request of ['first', 'next']) {
        rec.seen.length = 0;
        const t0 = performance.now();
        const res = await listRecords(rec.db, reader, equipmentItem, {
          ...q.input,
          sort: '-updated_at',
          limit: 50,
          offset: 0,
        });
        const ms = performance.now() - t0;
        log(
          `\n### ${engine} ${q.name}, ${request} request: ${ms.toFixed(1)} ms, total ${res.total}${res.totalIsEstimate ? ' (about)' : ''}, ${rec.seen.length} statements`,
        );
        const plans = [];
        for (const c of [...rec.seen]) {
          const r = await handle.db.executeQuery<{ 'QUERY PLAN': string }>(
            CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${c.sql}`, [...c.parameters]),
          );
          const plan = r.rows.map((x) => x['QUERY PLAN']).join('\n');
          const exec = plan.match(/Execution Time: ([\d.]+) ms/)?.[1];
          log(`\n-- ${exec} ms: ${c.sql.replace(/\s+/g, ' ').slice(0, 200)}\n${plan}`);
          plans.push({ sql: c.sql, parameters: c.parameters, executionMs: Number(exec), plan });
        }
        out.push({
          query: q.name,
          request,
          ms,
          total: res.total,
          totalIsEstimate: res.totalIsEstimate,
          plans,
        });
      }
    }
    return { engine, rows: Number(args.rows), reader: args.reader, queries: out };
  } finally {
    await handle.close();
    await server?.stop();
  }
}

const all = [];
for (const e of engines) all.push(await runEngine(e));
if (args.json) writeFileSync(args.json, JSON.stringify(all, null, 2));
