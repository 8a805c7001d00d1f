/**
 * The equipment catalogue data set of the registry benchmarks (bench/registry, bench/load):
 * migrations, reference data, the demo seed (27 administrations, their users and networks), one
 * equipment model created through `createRecord`, then N `equipment_item` records inserted
 * set-based (INSERT … SELECT generate_series, deterministic pseudo-random values from md5) with
 * the `search` tsvector built like the platform builds it (checked against `searchVector`),
 * the GIN indexes rebuilt after the load, and VACUUM ANALYZE. docs/benchmarks/registry.md
 * describes the distributions (owners, categories, markings, statuses).
 */
import { randomBytes } from 'node:crypto';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../src/access/actor.ts';
import { loadActor } from '../../src/auth/actor-loader.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { DB } from '../../src/db/schema.ts';
import { equipmentItem } from '../../src/registry/kinds/procurement/equipment-item.kind.ts';
import { equipmentModel } from '../../src/registry/kinds/procurement/equipment-model.kind.ts';
import { createRecord } from '../../src/registry/record-service.ts';
import { searchVector } from '../../src/registry/search-config.ts';
import { DEMO_DOMAIN, seedDemoData } from '../../src/seed/demo-data.ts';
import { ensureReferenceData } from '../../src/seed/reference-data.ts';

const kind = equipmentItem;
/** The search word: in the notes of exactly 1% of the records (i % 100 = 37), nowhere else. */
export const SEARCH_WORD = 'scintillator';

const sec = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

/**
 * Pseudo-random in [0, 1): the k-th 28-bit slice of four md5 digests of the row number
 * (deterministic, identical on both engines; one slice per property, 18 slices).
 */
const rnd = (k: number) =>
  sql.raw(`(('x' || substr(g.hx, ${1 + 7 * k}, 7))::bit(28)::int / 268435456.0::float8)`);
const U = {
  owner: 0,
  cat: 1,
  qty: 2,
  year: 3,
  sites: 4,
  sat: 5,
  mnt: 6,
  safety: 7,
  notes: 8,
  dist: 9,
  status: 10,
  upd: 11,
  crt: 12,
  border: 13, // 13..17, one per border type
} as const;
const BORDER_TYPES = ['sea', 'land', 'air', 'postal', 'rail'];
const site = (n: number) =>
  sql.raw(`jsonb_build_object('label', st.cc || ' site ' || ((g.i + ${n}) % 40 + 1),
    'lat', round((36 + ((g.i * 7 + ${n * 13}) % 3000) / 100.0)::numeric, 4),
    'lon', round((-9 + ((g.i * 11 + ${n * 17}) % 3500) / 100.0)::numeric, 4))`);
const pick = (u: RawBuilder<unknown>, weighted: [string, number][]) => {
  let acc = 0;
  const whens = weighted.map(([v, w]) => {
    acc += w;
    return sql`WHEN ${u} < ${sql.lit(acc)} THEN ${sql.lit(v)}`;
  });
  return sql`(CASE ${sql.join(whens, sql` `)} ELSE ${sql.lit(weighted.at(-1)![0])} END)`;
};
const CATEGORIES: [string, number][] = [
  ['nii', 0.25],
  ['person_detection', 0.1],
  ['radiation', 0.15],
  ['laboratory', 0.05],
  ['field_sampling', 0.07],
  ['handheld_search', 0.18],
  ['surveillance', 0.12],
  ['field_it', 0.08],
];
const SAFETY = [
  'Dosimeters for every operator; exclusion zone marked during scans.',
  'Radiation safety officer on site; annual dose reports.',
  'Gloves and eye protection for sampling; fume hood in the van.',
  'Two-person rule at night; body-worn cameras.',
  'Hearing protection near generators; first-aid kit checked monthly.',
  'Operators trained by the manufacturer; refresher every two years.',
];
const NOTES = [
  'Used daily at the main container terminal.',
  'Shared with the neighbouring border crossing point during peak season.',
  'Replacement planned within the next budget cycle.',
  'Detector module upgraded after the last inspection.',
  'Mostly used for postal parcels and express couriers.',
  'Performance below expectations in cold weather.',
  'Software update pending from the supplier.',
  'Deployed on rotation between the airport and the rail terminal.',
  'Spare parts stocked centrally.',
  'Image analysts working remotely from the national targeting centre.',
];
const arr = (xs: string[]) => sql`(ARRAY[${sql.join(xs.map((x) => sql.lit(x)))}])`;

async function insertItems(
  db: Kysely<DB>,
  modelId: string,
  procurementNet: string,
  rows: number,
  log: (s: string) => void,
) {
  const BATCH = 20_000;
  const t0 = performance.now();
  for (let from = 1; from <= rows; from += BATCH) {
    const to = Math.min(rows, from + BATCH - 1);
    await sql`
      WITH st AS (
        SELECT o.id AS org_id, o.code AS cc, u.id AS user_id,
               (row_number() OVER (ORDER BY o.code) - 1)::int AS n
        FROM organisations o
        JOIN users u ON u.organisation_id = o.id AND u.email = lower(o.code) || ${`.expert@${DEMO_DOMAIN}`}
        WHERE o.type = 'national_administration'
      ),
      h AS MATERIALIZED (
        SELECT i, md5(i::text) || md5(i::text || 'b') || md5(i::text || 'c') || md5(i::text || 'd') AS hx
        FROM generate_series(${from}::int, ${to}::int) AS i
      ),
      g AS MATERIALIZED (
        SELECT g.i, g.hx,
          floor(${rnd(U.owner)} * (SELECT count(*) FROM st))::int AS n,
          ${pick(rnd(U.cat), CATEGORIES)} AS category,
          1 + floor(power(${rnd(U.qty)}, 3) * 60)::int AS quantity,
          1998 + floor(${rnd(U.year)} * 28)::int AS year_acquired,
          coalesce(nullif(to_jsonb(array_remove(ARRAY[${sql.join(
            BORDER_TYPES.map((b, k) => sql`CASE WHEN ${rnd(U.border + k)} < 0.3 THEN ${sql.lit(b)} END`),
          )}], NULL)), '[]'::jsonb), '["land"]'::jsonb) AS border_types,
          1 + floor(${rnd(U.sites)} * 3)::int AS n_sites,
          (1 + floor(${rnd(U.sat)} * 5)::int)::text AS satisfaction,
          ${arr(['in_house', 'manufacturer', 'third_party', 'none'])}[1 + floor(${rnd(U.mnt)} * 4)::int] AS maintenance,
          ${arr(SAFETY)}[1 + floor(${rnd(U.safety)} * ${sql.lit(SAFETY.length)})::int] AS safety_measures,
          ${arr(NOTES)}[1 + floor(${rnd(U.notes)} * ${sql.lit(NOTES.length)})::int]
            || CASE WHEN g.i % 100 = 37 THEN ' Scintillator crystal replaced after calibration drift.' ELSE '' END AS notes,
          ${pick(rnd(U.dist), [
            ['eucab', 0.85],
            ['organisation', 0.1],
            ['network', 0.05],
          ])} AS distribution,
          ${pick(rnd(U.status), [
            ['published', 0.96],
            ['draft', 0.03],
            ['retracted', 0.01],
          ])} AS status,
          now() - make_interval(secs => ${rnd(U.upd)} * 3 * 365 * 86400) AS updated_at,
          ${rnd(U.crt)} * 200 AS created_days_before
        FROM h AS g
      ),
      d AS MATERIALIZED (
        SELECT g.*, st.org_id, st.user_id, st.cc,
          st.cc || '-' || upper(left(g.category, 3)) || '-' || lpad(g.i::text, 6, '0') AS inventory_ref,
          jsonb_build_object(
            'inventory_ref', st.cc || '-' || upper(left(g.category, 3)) || '-' || lpad(g.i::text, 6, '0'),
            'model', ${modelId}::text,
            'category', g.category,
            'quantity', g.quantity,
            'year_acquired', g.year_acquired,
            'country', st.cc,
            'border_types', g.border_types,
            'sites', CASE g.n_sites WHEN 1 THEN jsonb_build_array(${site(1)})
              WHEN 2 THEN jsonb_build_array(${site(1)}, ${site(2)})
              ELSE jsonb_build_array(${site(1)}, ${site(2)}, ${site(3)}) END,
            'satisfaction', g.satisfaction,
            'maintenance', g.maintenance,
            'safety_measures', g.safety_measures,
            'notes', g.notes) AS data
        FROM g JOIN st ON st.n = g.n
      )
      INSERT INTO registry_records (kind, owner_org_id, author_id, distribution, distribution_network_id, tlp,
        status, import_key, title, language, data, search, published_by, published_at, created_at, updated_at)
      SELECT ${kind.name}, d.org_id, d.user_id, d.distribution,
        CASE WHEN d.distribution = 'network' THEN ${procurementNet}::uuid END,
        CASE d.distribution WHEN 'eucab' THEN 'amber' WHEN 'organisation' THEN 'amber_strict' ELSE 'green' END,
        d.status, lower(d.inventory_ref), d.inventory_ref, 'en', d.data,
        setweight(to_tsvector('english'::regconfig, unaccent(d.inventory_ref)), 'A') ||
        setweight(to_tsvector('simple', unaccent(d.inventory_ref)), 'A') ||
        setweight(to_tsvector('english'::regconfig, unaccent(d.inventory_ref || ' \n' || d.safety_measures || ' \n' || d.notes)), 'B') ||
        setweight(to_tsvector('simple', unaccent(d.inventory_ref || ' \n' || d.safety_measures || ' \n' || d.notes)), 'B'),
        CASE WHEN d.status <> 'draft' THEN d.user_id END,
        CASE WHEN d.status <> 'draft' THEN d.updated_at END,
        d.updated_at - make_interval(days => d.created_days_before::int), d.updated_at
      FROM d`.execute(db);
    log(`  inserted ${to.toLocaleString('en')} / ${rows.toLocaleString('en')} (${sec(t0)} s)`);
  }
  return (performance.now() - t0) / 1000;
}

export async function loadEquipmentItems(
  db: Kysely<DB>,
  opts: { rows: number; password?: string; log: (s: string) => void },
) {
  const { rows, log } = opts;
  const t0 = performance.now();
  await migrateToLatest(db as never);
  await ensureReferenceData(db);
  const creds = await seedDemoData(db, {
    password: opts.password ?? `bench-${randomBytes(6).toString('hex')}`,
  });
  log(`  migrated + demo seed (${sec(t0)} s)`);
  const userId = async (email: string) =>
    (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const de = (await loadActor(db, await userId(`de.expert@${DEMO_DOMAIN}`), null)) as Actor & {
    userId: string;
    orgId: string;
  };
  const model = await db.transaction().execute((trx) =>
    createRecord(trx, de, equipmentModel, {
      data: {
        manufacturer: 'Bench Scanners GmbH',
        model: 'BX-6040 relocatable',
        category: 'nii',
        technology: 'xray_high',
        deployment: 'relocatable',
      },
      publish: true,
    }),
  );
  const net = await db
    .selectFrom('networks')
    .select('id')
    .where('code', '=', kind.network!)
    .executeTakeFirstOrThrow();
  // Bulk load the way a restore does: the GIN indexes (search, data, title) are dropped and built
  // again afterwards with their exact definitions; the B-tree indexes stay in place.
  const gin = await sql<{ name: string; def: string }>`
    SELECT indexname AS name, indexdef AS def FROM pg_indexes
    WHERE tablename = 'registry_records' AND indexdef ILIKE '% USING gin %'`.execute(db);
  for (const i of gin.rows) await sql`DROP INDEX ${sql.id(i.name)}`.execute(db);
  const insertSeconds = await insertItems(db, model.id, net.id, rows, log);
  const ti = performance.now();
  for (const i of gin.rows) await sql.raw(i.def).execute(db);
  log(`  rebuilt ${gin.rows.map((i) => i.name).join(', ')} (${sec(ti)} s)`);
  const t1 = performance.now();
  // VACUUM too, so that autovacuum does not start on the freshly loaded table during the runs.
  await sql`VACUUM ANALYZE`.execute(db);
  log(`  VACUUM ANALYZE (${sec(t1)} s)`);

  // The stored vector must be the platform's: compare a few rows with searchVector().
  const sample = await db
    .selectFrom('registry_records')
    .select(['id', 'title', 'data', sql<string>`search::text`.as('search')])
    .where('kind', '=', kind.name)
    .where(sql<boolean>`data->>'notes' ILIKE ${`%${SEARCH_WORD}%`}`)
    .limit(3)
    .execute();
  for (const s of sample) {
    const d = s.data as Record<string, string>;
    const text = [d.inventory_ref, d.safety_measures, d.notes].join(' \n');
    const expected = await sql<{
      v: string;
    }>`SELECT (${searchVector('en', s.title, text)})::text AS v`.execute(db);
    if (expected.rows[0]!.v !== s.search)
      throw new Error(`search vector of ${s.id} differs from searchVector()`);
  }
  return { insertSeconds, modelId: model.id, creds };
}
