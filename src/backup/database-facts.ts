import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { DatabaseFacts, FileFact } from './manifest.ts';

/**
 * What a backup records about the database and a restore must find again: the applied
 * migrations, the rows of every table, every uploaded file with the SHA-256 of its bytes, and the
 * audit trail's length and newest event. Read in one snapshot by the caller (a transaction, or the
 * one connection of an embedded database), so that the facts and the dump agree.
 */
export async function collectFacts(db: Kysely<DB>): Promise<DatabaseFacts> {
  const has = (table: string) => hasTable(db, table);

  const migrations = (await has('schema_migrations'))
    ? (await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(db)).rows.map(
        (r) => r.name,
      )
    : [];

  // Every ordinary table outside the system schemas (a partitioned table's rows are counted in
  // its partitions, which are ordinary tables).
  const tables = (
    await sql<{ schema: string; name: string }>`
      SELECT n.nspname AS schema, c.relname AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
      ORDER BY 1, 2`.execute(db)
  ).rows;
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM ${sql.table(`${t.schema}.${t.name}`)}`.execute(db);
    counts[`${t.schema}.${t.name}`] = Number(r.rows[0]?.n ?? 0);
  }

  const files: FileFact[] = [];
  if (await has('attachments')) {
    const rows = await sql<{ id: string; size: number; sha256: string }>`
      SELECT id::text AS id, octet_length(content)::int AS size, encode(sha256(content), 'hex') AS sha256
      FROM attachments ORDER BY id`.execute(db);
    for (const r of rows.rows) files.push({ table: 'attachments', id: r.id, size: r.size, sha256: r.sha256 });
  }
  if (await has('job_files')) {
    const rows = await sql<{ id: string; size: number; sha256: string }>`
      SELECT job_id::text AS id, octet_length(bytes)::int AS size, encode(sha256(bytes), 'hex') AS sha256
      FROM job_files ORDER BY job_id`.execute(db);
    for (const r of rows.rows) files.push({ table: 'job_files', id: r.id, size: r.size, sha256: r.sha256 });
  }

  let audit: DatabaseFacts['audit'] = { events: 0, head: null };
  if (await has('audit_events')) {
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_events`.execute(db);
    const head = await sql<{ seq: number; hash: string }>`
      SELECT seq::int AS seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1`.execute(db);
    const h = head.rows[0];
    audit = { events: Number(n.rows[0]?.n ?? 0), head: h ? { seq: Number(h.seq), hash: h.hash } : null };
  }
  return { migrations, counts, files, audit };
}

/** The recorded hashes that differ from the files' bytes (a damaged source, reported at backup). */
export async function filesNotMatchingTheirRecord(db: Kysely<DB>): Promise<string[]> {
  const found: string[] = [];
  if (await hasTable(db, 'attachments'))
    for (const r of (
      await sql<{
        id: string;
      }>`SELECT id::text AS id FROM attachments WHERE sha256 <> encode(sha256(content), 'hex')`.execute(db)
    ).rows)
      found.push(`attachment ${r.id}`);
  if (await hasTable(db, 'job_files'))
    for (const r of (
      await sql<{
        id: string;
      }>`SELECT job_id::text AS id FROM job_files WHERE sha256 <> encode(sha256(bytes), 'hex')`.execute(db)
    ).rows)
      found.push(`the file of job ${r.id}`);
  return found;
}

async function hasTable(db: Kysely<DB>, table: string): Promise<boolean> {
  const r = await sql<{ t: string | null }>`SELECT to_regclass(${`public.${table}`})::text AS t`.execute(db);
  return r.rows[0]?.t != null;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** One line describing the facts, e.g. for the backup's and the restore's report. */
export function describeFacts(f: DatabaseFacts): string {
  const rows = Object.values(f.counts).reduce((a, b) => a + b, 0);
  return `${plural(Object.keys(f.counts).length, 'table')} with ${plural(rows, 'row')}, ${plural(
    f.files.length,
    'uploaded file',
  )}, ${plural(f.audit.events, 'audit event')}`;
}

/**
 * The differences between what the backup recorded and what the restored database holds, one
 * sentence each (empty when they agree). Tables the restored database has beyond the recorded
 * ones count as a difference too.
 */
export function compareFacts(expected: DatabaseFacts, found: DatabaseFacts, limit = 20): string[] {
  const problems: string[] = [];
  if (expected.migrations.join('\n') !== found.migrations.join('\n'))
    problems.push(
      `the applied migrations differ (backup: ${expected.migrations.at(-1) ?? 'none'}, ${expected.migrations.length} in all; restored: ${found.migrations.at(-1) ?? 'none'}, ${found.migrations.length} in all)`,
    );
  for (const [table, n] of Object.entries(expected.counts)) {
    const m = found.counts[table];
    if (m === undefined) problems.push(`table ${table} is missing`);
    else if (m !== n) problems.push(`table ${table} has ${m} rows, the backup recorded ${n}`);
  }
  for (const table of Object.keys(found.counts))
    if (!(table in expected.counts)) problems.push(`table ${table} is not in the backup`);
  const key = (f: FileFact) => `${f.table}:${f.id}`;
  const restored = new Map(found.files.map((f) => [key(f), f]));
  for (const f of expected.files) {
    const what = f.table === 'attachments' ? `attachment ${f.id}` : `the file of job ${f.id}`;
    const r = restored.get(key(f));
    if (!r) problems.push(`${what} is missing`);
    else if (r.sha256 !== f.sha256 || r.size !== f.size)
      problems.push(
        `${what} does not match its checksum (SHA-256 ${r.sha256}, the backup recorded ${f.sha256})`,
      );
  }
  if (found.files.length !== expected.files.length)
    problems.push(
      `${found.files.length} uploaded files restored, the backup recorded ${expected.files.length}`,
    );
  const head = (a: DatabaseFacts['audit']) => (a.head ? `#${a.head.seq} ${a.head.hash}` : 'none');
  if (expected.audit.events !== found.audit.events || head(expected.audit) !== head(found.audit))
    problems.push(
      `the audit trail differs (backup: ${expected.audit.events} events, newest ${head(expected.audit)}; restored: ${found.audit.events} events, newest ${head(found.audit)})`,
    );
  return problems.length > limit
    ? [...problems.slice(0, limit), `… and ${problems.length - limit} more differences`]
    : problems;
}
