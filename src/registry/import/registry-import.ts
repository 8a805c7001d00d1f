import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { envelopeListColumns } from '../../access/envelope-lists.ts';
import {
  authoriseCreate,
  canCreateRecords,
  readableRecords,
  recordAbilities,
  recordNetwork,
} from '../../access/registry-policy.ts';
import { TLP_RULES } from '../../access/tlp.ts';
import { type AuditInput, recordAudit, recordAuditMany } from '../../audit/audit-log.ts';
import { runStagedImport } from '../../core/import-job.ts';
import type { DB, Distribution, Tlp } from '../../db/schema.ts';
import type { JobProgress } from '../../jobs/job-types.ts';
import { approvalSteps, type KindDefinition } from '../definition.ts';
import { collectReferences } from '../field-schema.ts';
import { kindByName } from '../kinds/index.ts';
import { bindToOwner } from '../owner-bound.ts';
import { importKeyOf, recordTitle, searchableText } from '../record-data.ts';
import { recipientsByRecord } from '../record-queries.ts';
import { parseData } from '../record-validation.ts';
import { searchConfig } from '../search-config.ts';
import type { Table } from './read-table.ts';
import { headerProblems, rowToData } from './row-to-data.ts';

type UserActor = Actor & { userId: string; orgId: string };

export interface ImportError {
  line: number;
  column: string;
  reason: string;
}

export interface StagedRow {
  line: number;
  data: Record<string, unknown>;
  key: string | null;
  title: string;
  text: string;
  existingId: string | null;
}

export interface ImportAnalysis {
  rows: number;
  errors: ImportError[];
  wouldInsert: number;
  wouldUpdate: number;
  unchanged: number;
  staged: StagedRow[];
}

/**
 * Validates every row (structure from the definition, code lists and references in bulk, import
 * keys unique in the file) and decides insert or update by the import key within the caller's
 * organisation. Nothing is written.
 */
export async function analyseImport(
  db: Kysely<DB>,
  a: UserActor,
  kind: KindDefinition,
  table: Table,
  language: string,
): Promise<ImportAnalysis> {
  authoriseCreate(a, kind);
  const errors: ImportError[] = headerProblems(kind, table.columns).map((p) => ({ line: 1, ...p }));
  if (errors.length)
    return { rows: table.rows.length, errors, wouldInsert: 0, wouldUpdate: 0, unchanged: 0, staged: [] };
  if (table.rows.length === 0)
    return {
      rows: 0,
      errors: [{ line: 2, column: '', reason: 'The file has no rows.' }],
      wouldInsert: 0,
      wouldUpdate: 0,
      unchanged: 0,
      staged: [],
    };

  const owner = await db
    .selectFrom('organisations')
    .select(['code', 'type'])
    .where('id', '=', a.orgId)
    .executeTakeFirstOrThrow();
  const parsed: { line: number; data: Record<string, unknown> }[] = [];
  for (const row of table.rows) {
    const { data: cells, problems } = rowToData(kind, row.cells, language);
    for (const p of problems) errors.push({ line: row.line, ...p });
    if (problems.length) continue;
    // Owner-bound fields (a catalogue entry's country) take the importing administration's value.
    const { data, errors: unbound } = bindToOwner(kind, cells, owner);
    for (const e of unbound) errors.push({ line: row.line, column: e.field, reason: e.message });
    if (unbound.length) continue;
    const v = parseData(kind, data);
    if (!v.ok) {
      for (const e of v.errors)
        errors.push({ line: row.line, column: e.field.split('.')[0]!, reason: e.message });
      continue;
    }
    parsed.push({ line: row.line, data: v.data });
  }

  // Codes and references of all rows, checked with a few queries.
  const refs = parsed.flatMap((p) =>
    collectReferences(kind.fields, p.data).map((r) => ({ ...r, line: p.line })),
  );
  const lists = [...new Set(refs.filter((r) => r.kind === 'code').map((r) => r.target))];
  const codes = lists.length
    ? await db
        .selectFrom('code_list_entries')
        .select(['list', 'code'])
        .where('list', 'in', lists)
        .where('active', '=', true)
        .execute()
    : [];
  const codeSet = new Set(codes.map((c) => `${c.list}\u0000${c.code}`));
  const refIds = [...new Set(refs.filter((r) => r.kind === 'ref').map((r) => r.value))];
  const readable = new Map<string, string>();
  for (let i = 0; i < refIds.length; i += 1000) {
    const chunk = refIds.slice(i, i + 1000);
    const targets = [...new Set(refs.filter((r) => r.kind === 'ref').map((r) => r.target))];
    const found = await db
      .selectFrom('registry_records as r')
      .select(['r.id', 'r.kind'])
      .where('r.id', 'in', chunk)
      .where((eb) =>
        eb.or(targets.map((k) => eb.and([eb('r.kind', '=', k), readableRecords(a, kindByName(k)!, 'r')]))),
      )
      .execute();
    for (const f of found) readable.set(f.id, f.kind);
  }
  const networkCodes = [...new Set(refs.filter((r) => r.kind === 'network').map((r) => r.value))];
  const networkSet = new Set(
    networkCodes.length
      ? (await db.selectFrom('networks').select('code').where('code', 'in', networkCodes).execute()).map(
          (n) => n.code,
        )
      : [],
  );
  const badLines = new Set<number>();
  // Records that name their network: only where the importer may post (like a create).
  if (kind.networkField)
    for (const p of parsed) {
      const network = recordNetwork(kind, p.data);
      if (networkSet.has(network) && !canCreateRecords(a, kind, network)) {
        badLines.add(p.line);
        errors.push({
          line: p.line,
          column: kind.networkField,
          reason: `You do not post in the ${network} network (its experts and coordinators do).`,
        });
      }
    }
  for (const r of refs) {
    const ok =
      r.kind === 'code'
        ? codeSet.has(`${r.target}\u0000${r.value}`)
        : r.kind === 'ref'
          ? readable.get(r.value) === r.target
          : r.kind === 'network'
            ? networkSet.has(r.value)
            : true;
    if (!ok) {
      badLines.add(r.line);
      errors.push({
        line: r.line,
        column: r.path.split('.')[0]!,
        reason:
          r.kind === 'code'
            ? `"${r.value}" is not a code of the list ${r.target}.`
            : r.kind === 'network'
              ? `No network with the code "${r.value}".`
              : `No ${r.target.replace(/_/g, ' ')} with id ${r.value} that you may read.`,
      });
    }
  }

  // Import keys: unique within the file; existing records of the organisation are updated.
  const seen = new Map<string, number>();
  const good: StagedRow[] = [];
  for (const p of parsed) {
    if (badLines.has(p.line)) continue;
    const key = importKeyOf(kind, p.data);
    if (key && seen.has(key)) {
      errors.push({
        line: p.line,
        column: kind.importKey.join('+'),
        reason: `The same ${kind.importKey.join(' and ')} is on line ${seen.get(key)}.`,
      });
      continue;
    }
    if (key) seen.set(key, p.line);
    good.push({
      line: p.line,
      data: p.data,
      key,
      title: recordTitle(kind, p.data),
      text: searchableText(kind, p.data),
      existingId: null,
    });
  }
  const keys = good.map((g) => g.key).filter((k): k is string => !!k);
  const existing = new Map<string, { id: string; data: unknown; status: string; canUpdate: boolean }>();
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await db
      .selectFrom('registry_records')
      .select([
        'id',
        'import_key',
        'data',
        'status',
        'owner_org_id',
        'author_id',
        'distribution',
        'distribution_network_id',
        'sharing_group_id',
        'tlp',
        'submitted_by',
        ...envelopeListColumns('registry_records', kind.name),
      ])
      .where('kind', '=', kind.name)
      .where('owner_org_id', '=', a.orgId)
      .where('import_key', 'in', keys.slice(i, i + 1000))
      .execute();
    const red = await recipientsByRecord(
      db,
      kind.name,
      rows.filter((r) => TLP_RULES[r.tlp].namedRecipientsOnly).map((r) => r.id),
    );
    for (const r of rows) {
      // An import updates only what the importer may update by hand (author, NCP or deputy; readable).
      const env = { ...r, recipients: red.get(r.id) ?? [], approval: null };
      const canUpdate = recordAbilities(a, env, kind).update;
      existing.set(r.import_key!, { id: r.id, data: r.data, status: r.status, canUpdate });
    }
  }
  let wouldInsert = 0;
  let wouldUpdate = 0;
  let unchanged = 0;
  const staged: StagedRow[] = [];
  for (const g of good) {
    const ex = g.key ? existing.get(g.key) : undefined;
    if (!ex) {
      wouldInsert++;
      staged.push(g);
    } else if (JSON.stringify(sortKeys(ex.data)) === JSON.stringify(sortKeys(g.data))) {
      unchanged++;
    } else if (!ex.canUpdate && ex.status !== 'retracted' && ex.status !== 'submitted') {
      errors.push({
        line: g.line,
        column: kind.importKey.join('+'),
        reason:
          'A record of your organisation with this key exists, but only its author or your NCP may change it.',
      });
    } else if (ex.status === 'published' && approvalSteps(kind).length) {
      // Four eyes: a correction of a published record waits for the kind's approval steps,
      // which an import does not open; it is proposed on the record's page (or PUT).
      errors.push({
        line: g.line,
        column: kind.importKey.join('+'),
        reason: `The existing ${kind.label.en.toLowerCase()} with this key is published, and its corrections need approval: propose this change on the record's page instead of importing it.`,
      });
    } else if (ex.status === 'retracted' || ex.status === 'submitted') {
      errors.push({
        line: g.line,
        column: kind.importKey.join('+'),
        reason: `The existing record with this key is ${ex.status} and cannot be updated by an import.`,
      });
    } else {
      wouldUpdate++;
      staged.push({ ...g, existingId: ex.id });
    }
  }
  errors.sort((x, y) => x.line - y.line || x.column.localeCompare(y.column));
  return { rows: table.rows.length, errors, wouldInsert, wouldUpdate, unchanged, staged };
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  return v;
}

export interface ImportOptions {
  distribution: Distribution;
  tlp: Tlp;
  networkId: string | null;
  publish: boolean;
  language: string;
}

const STAGE_BATCH = 1000;

/**
 * Stages rows in short batches (other requests run in between), then publishes everything in one
 * short, set-based transaction: upserts by import key, a version per changed record, an audit event
 * per record and one for the import (file hash, counts). All or nothing; a cancelled job leaves nothing.
 * Runs inside the `registry.import` job (registry-import-job.ts); `importId` is the job's id.
 */
export async function runImportJob(
  db: Kysely<DB>,
  a: UserActor,
  kind: KindDefinition,
  importId: string,
  staged: StagedRow[],
  opts: ImportOptions,
  progress: (p: JobProgress) => Promise<void>,
): Promise<void> {
  await runStagedImport(db, importId, staged, () => publish(db, a, kind, importId, opts), {
    batchSize: STAGE_BATCH,
    progress,
  });
}

async function publish(
  db: Kysely<DB>,
  a: UserActor,
  kind: KindDefinition,
  jobId: string,
  opts: ImportOptions,
) {
  await db.transaction().execute(async (trx) => {
    const job = await trx
      .selectFrom('import_jobs')
      .selectAll()
      .where('id', '=', jobId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (job.status !== 'publishing') {
      await trx.deleteFrom('import_rows').where('job_id', '=', jobId).execute();
      return;
    }
    const cfg = searchConfig(opts.language);
    const vector = (title: string, text: string) =>
      sql`setweight(to_tsvector(${cfg}::regconfig, unaccent(${sql.raw(title)})), 'A') || setweight(to_tsvector('simple', unaccent(${sql.raw(title)})), 'A') || setweight(to_tsvector(${cfg}::regconfig, unaccent(${sql.raw(text)})), 'B') || setweight(to_tsvector('simple', unaccent(${sql.raw(text)})), 'B')`;
    const status = opts.publish ? 'published' : 'draft';
    // Records that name their network are distributed to it (distribution 'network').
    const distributionNetwork =
      kind.networkField && opts.distribution === 'network'
        ? sql`(SELECT n.id FROM networks n WHERE n.code = s.data->'data'->>${kind.networkField})`
        : sql`${opts.networkId}::uuid`;
    const updated = await sql<{ id: string; version: number }>`
      UPDATE registry_records r SET
        data = s.data->'data', title = s.data->>'title', version = r.version + 1, updated_at = now(),
        search = ${vector("s.data->>'title'", "s.data->>'text'")}
      FROM import_rows s
      WHERE s.job_id = ${jobId} AND s.data->>'existingId' IS NOT NULL AND r.id = (s.data->>'existingId')::uuid
        AND r.owner_org_id = ${a.orgId}::uuid
        AND r.status IN (${approvalSteps(kind).length ? sql`'draft'` : sql`'draft', 'published'`})
      RETURNING r.id, r.version`.execute(trx);
    const inserted = await sql<{ id: string; version: number }>`
      INSERT INTO registry_records (kind, owner_org_id, author_id, distribution, distribution_network_id, tlp, status,
        import_key, title, language, data, search, published_by, published_at, created_at, updated_at)
      SELECT ${kind.name}, ${a.orgId}::uuid, ${a.userId}::uuid, ${opts.distribution}, ${distributionNetwork}, ${opts.tlp}, ${status},
        s.data->>'key', s.data->>'title', ${opts.language}, s.data->'data', ${vector("s.data->>'title'", "s.data->>'text'")},
        ${opts.publish ? a.userId : null}::uuid, ${opts.publish ? sql`now()` : sql`NULL`}, now(), now()
      FROM import_rows s
      WHERE s.job_id = ${jobId} AND s.data->>'existingId' IS NULL
      ORDER BY s.line
      RETURNING id, version`.execute(trx);
    const changed = [...updated.rows, ...inserted.rows];
    if (changed.length) {
      await sql`
        INSERT INTO registry_versions (record_id, version, status, data, distribution, tlp, changed_by, changed_at, note)
        SELECT r.id, r.version, r.status, r.data, r.distribution, r.tlp, ${a.userId}::uuid, now(), ${`import ${job.file_name}`}
        FROM registry_records r WHERE r.id IN (SELECT (x->>'id')::uuid FROM jsonb_array_elements(${JSON.stringify(changed)}::jsonb) x)`.execute(
        trx,
      );
    }
    const events: AuditInput[] = [
      ...inserted.rows.map((r) => ({
        action: `${kind.name}.created`,
        recordKind: kind.name,
        recordId: r.id,
        changes: { import_job: jobId, status: { after: status } },
      })),
      ...updated.rows.map((r) => ({
        action: `${kind.name}.updated`,
        recordKind: kind.name,
        recordId: r.id,
        changes: { import_job: jobId, version: { after: r.version } },
      })),
    ];
    await recordAuditMany(trx, a, events);
    await recordAudit(trx, a, {
      action: `${kind.name}.import_published`,
      recordKind: 'import_job',
      recordId: jobId,
      changes: {
        kind: kind.name,
        file_name: job.file_name,
        file_sha256: job.file_sha256,
        rows: job.total_rows,
        inserted: inserted.rows.length,
        updated: updated.rows.length,
      },
    });
    await trx.deleteFrom('import_rows').where('job_id', '=', jobId).execute();
    await trx
      .updateTable('import_jobs')
      .set({
        status: 'published',
        inserted: inserted.rows.length,
        updated: updated.rows.length,
        finished_at: new Date(),
      })
      .where('id', '=', jobId)
      .execute();
  });
}
