import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, Migrator, sql } from 'kysely';
import pg from 'pg';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_FILE, writeAuditCheckpoint } from '../audit/checkpoint.ts';
import { verifyAuditChain } from '../audit/verify-chain.ts';
import { type DatabaseHandle, openDatabase } from '../db/connection.ts';
import { migrations } from '../db/migrations/index.ts';
import type { DB } from '../db/schema.ts';
import { buildApp } from '../server/app.ts';
import { createRuntime } from '../server/runtime.ts';
import {
  createTestApp,
  DEMO_PASSWORD,
  type TestClient as TC,
  type TestApp,
  TestClient,
  totpCode,
} from '../testing/test-app.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { createBackup } from './backup.ts';
import { DEMO_SIGN_INS_FILE } from './data-folder-files.ts';
import { BackupFailed, BackupRefused } from './errors.ts';
import { MANIFEST_NAME, type Manifest } from './manifest.ts';
import { databaseContents, withDatabase } from './postgres-backup.ts';
import { restoreBackup } from './restore.ts';

/**
 * Backup → restore → verify on the engine under test (PGlite by default, PostgreSQL when
 * DATABASE_URL is set): demo data, records, an attachment, an import job's file and their audit
 * events are backed up, restored into an empty target and found again row for row; the refusals
 * (a target that is not empty, a damaged or foreign archive, a newer backup) and a restore whose
 * check fails change nothing; --force replaces a target and keeps the old one.
 */
const PG_URL = process.env.DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), 'eucab-backup-'));
const sourceDir = join(work, 'source-data');
const backupFile = join(work, 'backup.tar');
/** PostgreSQL: the test database's name; the targets are named after it (and dropped at the end). */
let sourceDb = '';
let t: TestApp;
let sourceUrl: string | undefined;
let announcementId: string;
let attachmentId: string;
let jobId: string;
const pdf = Buffer.from(`%PDF-1.4\n% backup test ${randomBytes(32).toString('hex')}\n`);

function upload(c: TC, url: string, name: string, type: string, content: Buffer | string) {
  const boundary = '----eucabbackup';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return c.request({
    method: 'POST',
    url,
    payload: Buffer.concat([head, Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

/** Every table's rows, as one checksum per table: two databases with equal maps hold the same data. */
async function fingerprint(db: Kysely<DB>): Promise<Record<string, string>> {
  const tables = await sql<{ s: string; n: string }>`
    SELECT n.nspname AS s, c.relname AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1, 2`.execute(
    db,
  );
  const out: Record<string, string> = {};
  for (const { s, n } of tables.rows) {
    const r = await sql<{ h: string | null; c: number }>`
      SELECT md5(string_agg(x::text, E'\\n' ORDER BY x::text)) AS h, count(*)::int AS c
      FROM ${sql.table(`${s}.${n}`)} x`.execute(db);
    out[`${s}.${n}`] = `${r.rows[0]!.c}:${r.rows[0]!.h ?? '-'}`;
  }
  return out;
}

/** An empty target: a new database on the server, or a data folder that does not exist yet. */
async function emptyTarget(label: string): Promise<{ DATABASE_URL?: string; DATA_DIR: string }> {
  const DATA_DIR = join(work, `${label}-data`);
  if (!PG_URL) return { DATA_DIR };
  const name = `${sourceDb}_${label}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return { DATABASE_URL: withDatabase(PG_URL, name), DATA_DIR };
}

function openTarget(target: { DATABASE_URL?: string; DATA_DIR: string }): Promise<DatabaseHandle> {
  return target.DATABASE_URL
    ? openDatabase({ databaseUrl: target.DATABASE_URL })
    : openDatabase({ dataDir: target.DATA_DIR, lockCommand: 'test' });
}

/** What an observer sees of a target: its database contents (PostgreSQL) or its folder. */
async function targetState(target: { DATABASE_URL?: string; DATA_DIR: string }): Promise<unknown> {
  const folder = existsSync(target.DATA_DIR) ? readdirSync(target.DATA_DIR).sort() : 'absent';
  const siblings = readdirSync(work).sort();
  if (!target.DATABASE_URL) return { folder, siblings };
  const c = new pg.Client({ connectionString: target.DATABASE_URL });
  await c.connect();
  try {
    const contents = await databaseContents(c);
    if (!contents.length) return { folder, siblings, contents };
  } finally {
    await c.end();
  }
  const h = await openTarget(target);
  try {
    return { folder, siblings, rows: await fingerprint(h.db) };
  } finally {
    await h.close();
  }
}

/** A copy of the backup with its manifest changed (the parts stay intact). */
async function withManifest(name: string, change: (m: Manifest) => void): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'eucab-backup-edit-'));
  await tar.x({ file: backupFile, cwd: dir });
  const m = JSON.parse(readFileSync(join(dir, MANIFEST_NAME), 'utf8')) as Manifest;
  change(m);
  writeFileSync(join(dir, MANIFEST_NAME), JSON.stringify(m));
  const file = join(work, name);
  await tar.c({ file, cwd: dir, portable: true }, [MANIFEST_NAME, ...m.parts.map((p) => p.name)]);
  rmSync(dir, { recursive: true, force: true });
  return file;
}

let sourceRows: Record<string, string>;
let restoredTarget: { DATABASE_URL?: string; DATA_DIR: string };

beforeAll(async () => {
  t = await createTestApp();
  if (PG_URL) {
    sourceDb = (await sql<{ d: string }>`SELECT current_database() AS d`.execute(t.rt.db)).rows[0]!.d;
    sourceUrl = withDatabase(PG_URL, sourceDb);
  }
  // Records, an attachment, an import job with its file, and their audit events.
  const nl = await t.as('nl.expert@demo.eucab.eu');
  const a = await nl.post('/api/v1/registry/announcement', {
    data: { title: 'Backed-up report', body: 'See the attached report.', network: 'risk-management' },
    marking: { distribution: 'organisation', tlp: 'amber' },
  });
  expect(a.statusCode, a.body).toBe(201);
  announcementId = a.json().id;
  const att = await upload(
    nl,
    `/api/v1/registry/announcement/${announcementId}/attachments`,
    'report.pdf',
    'application/pdf',
    pdf,
  );
  expect(att.statusCode, att.body).toBe(201);
  attachmentId = att.json().id;
  const de = await t.as('de.expert@demo.eucab.eu');
  const model = await de.post('/api/v1/registry/equipment_model', {
    publish: true,
    data: { manufacturer: 'Backup', model: 'BK-1', category: 'nii', technology: 'xray_high' },
  });
  expect(model.statusCode, model.body).toBe(201);
  const imp = await upload(
    de,
    '/api/v1/registry/equipment_item/import?dryRun=false&publish=true',
    'items.csv',
    'text/csv',
    `inventory_ref,model,category,quantity\nBK-I1,${model.json().id},nii,3\nBK-I2,${model.json().id},nii,1\n`,
  );
  expect(imp.statusCode, imp.body).toBe(202);
  jobId = imp.json().jobId;
  expect((await t.waitForJob(jobId)).state).toBe('succeeded');
  await t.rt.jobs.stop(); // nothing changes the source behind the test's back any more

  // DATA_DIR's own files: an audit checkpoint and a demo sheet.
  mkdirSync(sourceDir, { recursive: true });
  const cp = await writeAuditCheckpoint(t.rt.db, {
    file: join(sourceDir, CHECKPOINT_FILE),
    secret: undefined,
  });
  expect(cp.written).toBe(true);
  writeFileSync(join(sourceDir, DEMO_SIGN_INS_FILE), 'demo sheet\n', { mode: 0o600 });
  sourceRows = await fingerprint(t.rt.db);
});

afterAll(async () => {
  await t?.close();
  if (PG_URL && sourceDb) {
    // The targets, and the databases a --force restore kept aside (named after their target).
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const all = await admin.query<{ datname: string }>('SELECT datname FROM pg_database');
    for (const { datname } of all.rows)
      if (datname.startsWith(`${sourceDb}_`))
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  }
  rmSync(work, { recursive: true, force: true });
});

describe(`backup and restore (${PG_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('backs up and restores into an empty target: every record, file and audit event, the chain intact', async () => {
    const b = await createBackup({
      handle: t.rt.handle,
      databaseUrl: sourceUrl,
      dataDir: sourceDir,
      out: backupFile,
    });
    expect(b.manifest.engine).toBe(PG_URL ? 'postgres' : 'pglite');
    expect(b.manifest.facts.files.map((f) => `${f.table}:${f.id}`).sort()).toEqual(
      [`attachments:${attachmentId}`, `job_files:${jobId}`].sort(),
    );
    const events = (await verifyAuditChain(t.rt.db)) as { ok: true; events: number };
    expect(events.ok).toBe(true);
    expect(b.manifest.facts.audit.events).toBe(events.events);
    expect(b.manifest.parts.map((p) => p.name).sort()).toEqual(
      [
        PG_URL ? 'database/postgres.pgdump' : 'database/pglite-data.tar.gz',
        `data-folder/${CHECKPOINT_FILE}`,
        `data-folder/${DEMO_SIGN_INS_FILE}`,
      ].sort(),
    );
    expect(readdirSync(work).filter((n) => n.startsWith('.'))).toEqual([]); // no staging left behind
    // A second backup to the same file is refused: nothing is overwritten.
    await expect(
      createBackup({ handle: t.rt.handle, databaseUrl: sourceUrl, dataDir: sourceDir, out: backupFile }),
    ).rejects.toThrow(/already exists/);

    restoredTarget = await emptyTarget('restored');
    const r = await restoreBackup(restoredTarget, { from: backupFile, force: false });
    expect(r.exitCode, r.report.join('\n')).toBe(0);
    expect(r.report.join('\n')).toMatch(/audit hash chain is intact/);
    expect(r.report.join('\n')).toMatch(/Audit checkpoint #\d+ .* matches the restored trail/);

    const h = await openTarget(restoredTarget);
    try {
      expect(await fingerprint(h.db)).toEqual(sourceRows);
      const chain = await verifyAuditChain(h.db);
      expect(chain).toEqual({ ok: true, events: events.events });
      const file = await h.db
        .selectFrom('attachments')
        .select('content')
        .where('id', '=', attachmentId)
        .executeTakeFirstOrThrow();
      expect(Buffer.compare(file.content, pdf)).toBe(0);
      const job = await h.db
        .selectFrom('job_files')
        .select('bytes')
        .where('job_id', '=', jobId)
        .executeTakeFirstOrThrow();
      expect(job.bytes.toString()).toContain('BK-I2');
    } finally {
      await h.close();
    }
    for (const f of [CHECKPOINT_FILE, DEMO_SIGN_INS_FILE])
      expect(readFileSync(join(restoredTarget.DATA_DIR, f)).equals(readFileSync(join(sourceDir, f)))).toBe(
        true,
      );
  });

  it('serves the restored records and files through the API', async () => {
    const config = {
      ...t.config,
      DATA_DIR: restoredTarget.DATA_DIR,
      DATABASE_URL: restoredTarget.DATABASE_URL,
    };
    const rt = await createRuntime(config, { handle: await openTarget(restoredTarget), log: () => {} });
    const app = await buildApp(rt);
    try {
      const c = new TestClient(app);
      const login = await c.post('/api/v1/auth/login', {
        email: 'nl.expert@demo.eucab.eu',
        password: DEMO_PASSWORD,
      });
      expect(login.statusCode, login.body).toBe(200);
      if (login.json().stage === 'mfa') {
        const secret = t.creds.signIns.find((s) => s.email === 'nl.expert@demo.eucab.eu')!.totpSecret!;
        expect((await c.post('/api/v1/auth/totp', { code: await totpCode(secret) })).statusCode).toBe(200);
      }
      expect((await c.get(`/api/v1/registry/announcement/${announcementId}`)).json().data.title).toBe(
        'Backed-up report',
      );
      const dl = await c.get(`/api/v1/registry/announcement/${announcementId}/attachments/${attachmentId}`);
      expect(dl.statusCode).toBe(200);
      expect(Buffer.compare(dl.rawPayload, pdf)).toBe(0);
    } finally {
      await app.close();
      await rt.close();
    }
  });

  it('refuses a target that is not empty and damaged, foreign or newer archives — nothing changes', async () => {
    const before = await targetState(restoredTarget);
    await expect(restoreBackup(restoredTarget, { from: backupFile, force: false })).rejects.toThrow(
      BackupRefused,
    );
    await expect(restoreBackup(restoredTarget, { from: backupFile, force: false })).rejects.toThrow(
      /is not empty/,
    );
    expect(await targetState(restoredTarget)).toEqual(before);

    const bytes = readFileSync(backupFile);
    const cut = join(work, 'cut.tar');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const flipped = join(work, 'flipped.tar');
    const copy = Buffer.from(bytes);
    const mid = Math.floor(copy.length / 2); // inside the database part
    copy[mid] = copy[mid]! ^ 0xff;
    writeFileSync(flipped, copy);
    const noise = join(work, 'noise.tar');
    writeFileSync(noise, randomBytes(20_000));
    const newer = await withManifest('newer.tar', (m) => {
      m.facts.migrations.push('9999_from_the_future');
    });
    const other = await withManifest('other-engine.tar', (m) => {
      m.engine = PG_URL ? 'pglite' : 'postgres';
    });
    const empty = await emptyTarget('refused');
    const emptyBefore = await targetState(empty);
    const cases: [string, RegExp][] = [
      [cut, /damaged or incomplete/],
      [flipped, /checksum of .* does not match|damaged or incomplete/],
      [noise, /damaged or incomplete|not an EUCAB backup/],
      [join(work, 'absent.tar'), /no backup file/],
      [newer, /newer version of the platform .*9999_from_the_future/],
      [other, /restores into the same kind of database/],
    ];
    for (const [file, message] of cases) {
      const e = await restoreBackup(empty, { from: file, force: true }).catch((x: unknown) => x);
      expect(e, file).toBeInstanceOf(BackupRefused);
      expect((e as Error).message).toMatch(message);
      expect(await targetState(empty)).toEqual(emptyBefore);
    }
  });

  it('a restore whose check fails leaves the empty target as it was', async () => {
    const wrong = await withManifest('wrong-count.tar', (m) => {
      m.facts.counts['public.registry_records'] = (m.facts.counts['public.registry_records'] ?? 0) + 1;
    });
    const empty = await emptyTarget('failed');
    const before = await targetState(empty);
    const e = await restoreBackup(empty, { from: wrong, force: false }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BackupFailed);
    expect((e as Error).message).toMatch(
      /table public\.registry_records has \d+ rows, the backup recorded \d+/,
    );
    expect(await targetState(empty)).toEqual(before);
  });

  it('brings an older backup forward: the migrations it lacks run after the checks', async () => {
    const names = Object.keys(migrations).sort();
    const old = await openTestDatabase();
    try {
      const migrator = new Migrator({
        db: old.db,
        provider: { getMigrations: async () => migrations },
        migrationTableName: 'schema_migrations',
        migrationLockTableName: 'schema_migrations_lock',
      });
      const r0 = await migrator.migrateTo(names.at(-2)!);
      expect(r0.error).toBeUndefined();
      const oldName = (await sql<{ d: string }>`SELECT current_database() AS d`.execute(old.db)).rows[0]!.d;
      const file = join(work, 'older.tar');
      const b = await createBackup({
        handle: old,
        databaseUrl: PG_URL ? withDatabase(PG_URL, oldName) : undefined,
        dataDir: join(work, 'older-source-data'),
        out: file,
      });
      expect(b.manifest.migrationHead).toBe(names.at(-2));
      const target = await emptyTarget('older');
      const r = await restoreBackup(target, { from: file, force: false });
      expect(r.exitCode, r.report.join('\n')).toBe(0);
      expect(r.report).toContain(
        `Migrations applied after the restore (the backup was older): ${names.at(-1)}.`,
      );
      const h = await openTarget(target);
      try {
        const applied = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(
          h.db,
        );
        expect(applied.rows.map((x) => x.name)).toEqual(names);
      } finally {
        await h.close();
      }
    } finally {
      await old.close();
    }
  });

  it('--force replaces a target that is not empty and keeps the old one aside', async () => {
    // Change the restored target, then restore over it.
    const h = await openTarget(restoredTarget);
    await h.db
      .updateTable('registry_records')
      .set({ title: 'Changed after the restore' })
      .where('id', '=', announcementId)
      .execute();
    await h.close();
    const r = await restoreBackup(restoredTarget, {
      from: backupFile,
      force: true,
      now: new Date('2026-01-02T03:04:05Z'),
    });
    expect(r.exitCode, r.report.join('\n')).toBe(0);
    const after = await openTarget(restoredTarget);
    try {
      expect(await fingerprint(after.db)).toEqual(sourceRows);
    } finally {
      await after.close();
    }
    if (PG_URL) {
      expect(r.report.join('\n')).toMatch(
        /previous database is kept as "[a-z0-9_]+_before_restore_20260102t030405z"/,
      );
      const aside = /kept as "([^"]+)"/.exec(r.report.join('\n'))![1]!;
      const old = await openDatabase({ databaseUrl: withDatabase(PG_URL, aside) });
      const title = await old.db
        .selectFrom('registry_records')
        .select('title')
        .where('id', '=', announcementId)
        .executeTakeFirstOrThrow();
      await old.close();
      expect(title.title).toBe('Changed after the restore');
    } else {
      const aside = `${restoredTarget.DATA_DIR}.before-restore-20260102T030405Z`;
      expect(r.report.join('\n')).toContain(`previous data folder is kept as ${aside}`);
      expect(existsSync(join(aside, 'PG_VERSION'))).toBe(true);
      expect(existsSync(join(aside, 'eucab.lock'))).toBe(false);
    }
  });
});

describe(`the backup and restore commands (${PG_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  /** The CLI as an operator runs it: a separate process, configured by its environment. */
  function cli(args: string[], target: { DATABASE_URL?: string; DATA_DIR: string }) {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LOG_LEVEL: 'silent',
      DATA_DIR: target.DATA_DIR,
    };
    if (target.DATABASE_URL) env.DATABASE_URL = target.DATABASE_URL;
    return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env,
      encoding: 'utf8',
      timeout: 180_000,
    });
  }

  it('backup, restore into an empty target, verify-audit; a second restore is refused with exit code 2', async () => {
    const file = join(work, 'cli-backup.tar');
    const made = cli(['backup', '--out', file], restoredTarget);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Backup written to .*cli-backup\.tar/);
    expect(cli(['backup', '--out', file], restoredTarget).stderr).toMatch(/already exists/);

    const target = await emptyTarget('cli');
    const restored = cli(['restore', '--from', file], target);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(
      /Checked against the backup's manifest: .*the audit hash chain is intact/,
    );
    const verify = cli(['verify-audit'], target);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/Audit chain intact: \d+ events verified; checkpoint #\d+ .* matches/);

    const again = cli(['restore', '--from', file], target);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/is not empty/);
    expect(again.stderr).not.toMatch(/^\s+at /m); // a message, no stack trace
  }, 400_000);
});
