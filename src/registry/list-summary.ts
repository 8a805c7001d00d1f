import { sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { Database } from '../db/connection.ts';
import { currentQueryContext, outsideQueryContext, QueryCancelledError } from '../db/query-context.ts';
import type { ListFilters, readableKindQuery } from './record-queries.ts';

/**
 * The total and the facets of a registry list, without an exact count over the whole readable
 * set on every page (issue 20, "Load"):
 * - the readable set is counted up to `EXACT_TOTAL_LIMIT` + 1 rows (a LIMIT inside the count):
 *   up to the limit the total and the facets are exact and computed on every request, as before;
 * - beyond it, the first request for a (caller's access facts, kind, filters) computes the exact
 *   total and the facets (concurrent requests wait for that one computation) and they are kept;
 *   later requests take them from the cache without counting and say `totalIsEstimate: true`
 *   ("about N"). When they are older than `SUMMARY_TTL_MS`, or a record of the kind changed since
 *   (the data version: the kind's newest `updated_at`), the request still answers with them and
 *   one computation outside any request (not cancelled with it) brings them up to date.
 * Everything is computed from the caller's access-filtered query, and the caller's access facts
 * are part of the key: the total never counts a row the caller may not read (figures at most
 * one refresh old, e.g. after a record was withdrawn from the caller's networks).
 */
export const EXACT_TOTAL_LIMIT = 10_000;
export const SUMMARY_TTL_MS = 300_000;
const MAX_ENTRIES = 500;

export type Facets = Record<string, Record<string, number>>;
export interface ListSummary {
  total: number;
  /** true: a large total from the cache (computed a while ago), shown as "about N". */
  totalIsEstimate: boolean;
  facets: Facets;
}

interface Entry {
  total: number;
  facets: Facets;
  /** When it was computed (Date.now()) and the kind's data version it was computed on. */
  at: number;
  version: string;
}

/** The access-filtered base query of one kind with the user's filters. */
type BaseQuery = ReturnType<typeof readableKindQuery>;

interface Caches {
  done: Map<string, Entry>;
  inflight: Map<string, Promise<Entry>>;
}
/** One cache per database (tests run several in one process). */
const caches = new WeakMap<Database, Caches>();
function cachesOf(db: Database): Caches {
  const known = caches.get(db);
  if (known) return known;
  const c: Caches = { done: new Map(), inflight: new Map() };
  caches.set(db, c);
  return c;
}

/** What decides which records a caller may read (the policies' inputs), as a stable key. */
export function accessKey(a: Actor): string {
  const sorted = (xs: Iterable<string>) => [...xs].sort();
  return JSON.stringify([
    a.kind,
    a.userId,
    a.orgId,
    a.orgType,
    sorted(a.orgRoles),
    sorted([...a.networkRoles].map(([id, role]) => `${id}:${role}`)),
    sorted(a.sharingGroupIds),
  ]);
}

function filtersKey(f: ListFilters): string {
  const fields = Object.entries(f.fields)
    .filter(([, v]) => v !== undefined && v !== '')
    .sort(([x], [y]) => x.localeCompare(y));
  return JSON.stringify([
    f.q ?? null,
    f.q ? (f.language ?? 'en') : null,
    f.status ?? null,
    f.owner ?? null,
    fields,
  ]);
}

/** Rows of the readable set, counted up to `limit` + 1 (never more rows are read). */
export async function cappedCount(db: Database, base: BaseQuery, limit: number): Promise<number> {
  const r = await db
    .selectFrom(
      base
        .select(sql<number>`1`.as('one'))
        .limit(limit + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The kind's data version: its newest updated_at over every status (one index probe per status). */
async function dataVersion(db: Database, kind: string): Promise<string> {
  const newest = (status: string) =>
    sql<Date | null>`(SELECT max(updated_at) FROM registry_records WHERE kind = ${kind} AND status = ${status})`;
  const r = await sql<{ v: string | null }>`SELECT greatest(${sql.join(
    ['draft', 'submitted', 'published', 'retracted'].map(newest),
  )})::text AS v`.execute(db);
  return r.rows[0]?.v ?? 'empty';
}

function remember(cache: Map<string, Entry>, key: string, entry: Entry) {
  cache.delete(key);
  cache.set(key, entry);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}

/**
 * The list's total and facets: exact for a readable set up to `limit` rows, else from the cache
 * (see above). `base` is the caller's access-filtered query (readableKindQuery); `facets`
 * computes the facets of that same query.
 */
export async function listSummary(
  db: Database,
  a: Actor,
  kindName: string,
  f: ListFilters,
  base: BaseQuery,
  facets: () => Promise<Facets>,
  limit = EXACT_TOTAL_LIMIT,
): Promise<ListSummary> {
  const key = JSON.stringify([accessKey(a), kindName, filtersKey(f)]);
  const version = await dataVersion(db, kindName);
  const { done: cache, inflight } = cachesOf(db);
  const compute = async (): Promise<Entry> => {
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { total: Number(total.n), facets: await facets(), at: Date.now(), version };
  };
  const start = (work: () => Promise<Entry>) => {
    const p = work();
    inflight.set(key, p);
    p.then(
      // A set that became small is counted exactly again from the next request on.
      (e) => (e.total > limit ? remember(cache, key, e) : cache.delete(key)),
      () => {},
    ).finally(() => {
      if (inflight.get(key) === p) inflight.delete(key);
    });
    return p;
  };

  // A large set counted before for this caller and these filters: no count in the request. Too
  // old, or the kind changed since: the old figures ("about N") while ONE computation, not tied
  // to this request, brings them up to date.
  const hit = cache.get(key);
  if (hit) {
    const fresh = hit.version === version && Date.now() - hit.at < SUMMARY_TTL_MS;
    if (!fresh && !inflight.has(key)) start(() => outsideQueryContext(compute));
    return { total: hit.total, facets: hit.facets, totalIsEstimate: true };
  }

  const n = await cappedCount(db, base, limit);
  if (n <= limit) return { total: n, totalIsEstimate: false, facets: await facets() };
  // The first request of a large set computes it; concurrent ones wait for that computation.
  for (;;) {
    const running = inflight.get(key);
    const mine = !running;
    const p = running ?? start(compute);
    try {
      const e = await p;
      return { total: e.total, facets: e.facets, totalIsEstimate: false };
    } catch (err) {
      if (inflight.get(key) === p) inflight.delete(key);
      // The request that started the computation went away: another one still waiting computes it.
      if (!mine && err instanceof QueryCancelledError && !currentQueryContext()?.signal.aborted) continue;
      throw err;
    }
  }
}
