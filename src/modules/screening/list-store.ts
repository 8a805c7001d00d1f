/**
 * List versions in the database: a version is (list id, content hash) with its entries as
 * (entity id → entity hash); entity bodies are stored once per content hash. Diffs compare hashes
 * in SQL and load only the changed entities for the field-level view.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { Trx } from '../../core/context.ts';
import type { Database } from '../../db/connection.ts';
import {
  diffEntities,
  type Entity,
  entityHash,
  type ListFormat,
  makeVersion,
  primaryName,
} from '../../engines/screening/index.ts';

type Db = Database | Trx;

export interface StoredVersion {
  id: string;
  listId: string;
  format: string;
  label: string;
  source: string;
  contentHash: string;
  entryCount: number;
  isDemo: boolean;
  previousId: string | null;
  loadedAt: string;
}

const COLS = [
  'id',
  'list_id',
  'format',
  'label',
  'source',
  'content_hash',
  'entry_count',
  'is_demo',
  'previous_id',
  'loaded_at',
] as const;

function toVersion(r: {
  id: string;
  list_id: string;
  format: string;
  label: string;
  source: string;
  content_hash: string;
  entry_count: number;
  is_demo: boolean;
  previous_id: string | null;
  loaded_at: Date;
}): StoredVersion {
  return {
    id: r.id,
    listId: r.list_id,
    format: r.format,
    label: r.label,
    source: r.source,
    contentHash: r.content_hash,
    entryCount: r.entry_count,
    isDemo: r.is_demo,
    previousId: r.previous_id,
    loadedAt: new Date(r.loaded_at).toISOString(),
  };
}

export async function listVersions(db: Db): Promise<StoredVersion[]> {
  const rows = await db
    .selectFrom('screening_list_versions')
    .select([...COLS])
    .orderBy('list_id')
    .orderBy('loaded_at', 'desc')
    .execute();
  return rows.map(toVersion);
}

export async function getVersion(db: Db, id: string): Promise<StoredVersion | undefined> {
  const r = await db
    .selectFrom('screening_list_versions')
    .select([...COLS])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toVersion(r) : undefined;
}

/** The latest version of every list: the set screening runs against. */
export async function currentVersions(db: Db): Promise<StoredVersion[]> {
  const all = await listVersions(db);
  const seen = new Set<string>();
  return all.filter((v) => {
    if (seen.has(v.listId)) return false;
    seen.add(v.listId);
    return true;
  });
}

/** Entities of a version (bodies from the content-addressed store). */
export async function versionEntities(db: Db, versionId: string): Promise<Entity[]> {
  const rows = await db
    .selectFrom('screening_list_entries as e')
    .innerJoin('screening_entities as b', 'b.entity_hash', 'e.entity_hash')
    .select(['b.data'])
    .where('e.version_id', '=', versionId)
    .orderBy('e.entity_id')
    .execute();
  return rows.map((r) => r.data as Entity);
}

export async function versionHashes(db: Db, versionId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('screening_list_entries')
    .select(['entity_id', 'entity_hash'])
    .where('version_id', '=', versionId)
    .execute();
  return new Map(rows.map((r) => [r.entity_id, r.entity_hash]));
}

export interface SaveResult {
  version: StoredVersion;
  /** false when the content equals the list's latest version (nothing stored). */
  created: boolean;
  previous: StoredVersion | null;
}

/**
 * Stores a parsed list as a new version of `listId` unless its content equals the latest
 * version's. Entity bodies are inserted once per content hash. Runs in the caller's transaction.
 */
export async function saveVersion(
  trx: Trx,
  actor: Actor,
  input: {
    listId: string;
    format: ListFormat;
    label: string;
    source: string;
    isDemo: boolean;
    entities: Entity[];
  },
): Promise<SaveResult> {
  const v = makeVersion(
    { listId: input.listId, format: input.format, location: input.source },
    input.entities,
  );
  const latest = (await currentVersions(trx)).find((x) => x.listId === input.listId) ?? null;
  if (latest && latest.contentHash === v.versionId)
    return { version: latest, created: false, previous: latest };
  const row = await trx
    .insertInto('screening_list_versions')
    .values({
      list_id: input.listId,
      format: input.format,
      label: input.label,
      source: input.source,
      content_hash: v.versionId,
      entry_count: input.entities.length,
      is_demo: input.isDemo,
      previous_id: latest?.id ?? null,
      loaded_by: actor.userId,
    })
    .returning([...COLS])
    .executeTakeFirstOrThrow();
  const seen = new Set<string>();
  const bodies: Array<{ entity_hash: string; data: string }> = [];
  const entries: Array<{ version_id: string; entity_id: string; entity_hash: string }> = [];
  for (const e of input.entities) {
    if (seen.has(e.id)) continue; // a list repeating an id keeps its first entry
    seen.add(e.id);
    const h = v.hashes.get(e.id) ?? entityHash(e);
    bodies.push({ entity_hash: h, data: JSON.stringify(e) });
    entries.push({ version_id: row.id, entity_id: e.id, entity_hash: h });
  }
  for (let i = 0; i < bodies.length; i += 500) {
    await trx
      .insertInto('screening_entities')
      .values(bodies.slice(i, i + 500))
      .onConflict((oc) => oc.column('entity_hash').doNothing())
      .execute();
    await trx
      .insertInto('screening_list_entries')
      .values(entries.slice(i, i + 500))
      .execute();
  }
  const version = toVersion(row);
  await recordAudit(trx, actor, {
    action: 'screening.list_version_loaded',
    recordKind: 'screening_list_version',
    recordId: row.id,
    changes: { listId: input.listId, label: input.label, entries: entries.length, contentId: v.versionId },
    organisationId: actor.orgId,
  });
  return { version, created: true, previous: latest };
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface VersionDiff {
  from: StoredVersion | null;
  to: StoredVersion;
  added: Array<{ id: string; name: string; kind: string }>;
  removed: Array<{ id: string; name: string; kind: string }>;
  amended: Array<{ id: string; name: string; changes: FieldChange[] }>;
  unchanged: number;
}

/** Added, removed and amended entries between two versions of a list, amended with field-level changes. */
export async function diffStoredVersions(db: Db, fromId: string | null, toId: string): Promise<VersionDiff> {
  const to = await getVersion(db, toId);
  if (!to) throw new Error('version not found');
  const from = fromId ? ((await getVersion(db, fromId)) ?? null) : null;
  // only entries whose hash differs between the versions are loaded
  const rows = await sql<{ entity_id: string; old_hash: string | null; new_hash: string | null }>`
    SELECT coalesce(n.entity_id, o.entity_id) AS entity_id, o.entity_hash AS old_hash, n.entity_hash AS new_hash
    FROM (SELECT entity_id, entity_hash FROM screening_list_entries WHERE version_id = ${to.id}) n
    FULL OUTER JOIN (SELECT entity_id, entity_hash FROM screening_list_entries WHERE version_id = ${from?.id ?? to.id}
                     AND ${from ? sql`true` : sql`false`}) o
      ON o.entity_id = n.entity_id
    WHERE o.entity_hash IS DISTINCT FROM n.entity_hash
    ORDER BY 1`.execute(db);
  const hashes = [
    ...new Set(rows.rows.flatMap((r) => [r.old_hash, r.new_hash]).filter((h): h is string => !!h)),
  ];
  const bodies = new Map<string, Entity>();
  for (let i = 0; i < hashes.length; i += 1000) {
    const part = await db
      .selectFrom('screening_entities')
      .select(['entity_hash', 'data'])
      .where('entity_hash', 'in', hashes.slice(i, i + 1000))
      .execute();
    for (const p of part) bodies.set(p.entity_hash, p.data as Entity);
  }
  const before: Entity[] = [];
  const after: Entity[] = [];
  for (const r of rows.rows) {
    if (r.old_hash) before.push(bodies.get(r.old_hash)!);
    if (r.new_hash) after.push(bodies.get(r.new_hash)!);
  }
  const d = diffEntities(before, after);
  const brief = (e: Entity) => ({ id: e.id, name: primaryName(e), kind: e.kind });
  return {
    from,
    to,
    added: d.added.map(brief),
    removed: d.removed.map(brief),
    amended: d.amended.map((a) => ({
      id: a.id,
      name: primaryName(a.after),
      changes: a.changed.map((f) => ({
        field: f,
        before: (a.before as unknown as Record<string, unknown>)[f] ?? null,
        after: (a.after as unknown as Record<string, unknown>)[f] ?? null,
      })),
    })),
    unchanged: to.entryCount - d.added.length - d.amended.length,
  };
}

/** Entities to re-screen after a new version: the added and amended entries (new content). */
export async function changedEntities(db: Db, fromId: string | null, toId: string): Promise<Entity[]> {
  const rows = await sql<{ data: Entity }>`
    SELECT b.data FROM screening_list_entries n
    JOIN screening_entities b ON b.entity_hash = n.entity_hash
    WHERE n.version_id = ${toId}
      AND NOT EXISTS (SELECT 1 FROM screening_list_entries o
                      WHERE o.version_id = ${fromId ?? toId} AND ${fromId ? sql`true` : sql`false`}
                        AND o.entity_id = n.entity_id AND o.entity_hash = n.entity_hash)
    ORDER BY n.entity_id`.execute(db);
  return rows.rows.map((r) => r.data);
}
