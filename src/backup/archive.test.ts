import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { readArchive, stagePart, stagingFolder, writeArchive } from './archive.ts';
import { BackupRefused } from './errors.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type Manifest } from './manifest.ts';

const work = mkdtempSync(join(tmpdir(), 'eucab-archive-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const dbBytes = randomBytes(50_000);
const checkpoint = Buffer.from('{"seq":3,"hash":"00","time":"2026-01-01T00:00:00.000Z"}\n');

async function makeArchive(name: string): Promise<{ file: string; manifest: Manifest }> {
  const file = join(work, name);
  const staging = stagingFolder(file, 'staging');
  mkdirSync(join(staging, 'database'));
  mkdirSync(join(staging, 'data-folder'));
  writeFileSync(join(staging, 'database/pglite-data.tar.gz'), dbBytes);
  writeFileSync(join(staging, 'data-folder/audit-checkpoint.json'), checkpoint);
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    platformVersion: '0.1.0',
    engine: 'pglite',
    createdAt: '2026-01-01T00:00:00.000Z',
    database: { serverVersion: 'PostgreSQL 18', dumpedWith: 'test' },
    migrationHead: '0001_foundation',
    facts: {
      migrations: ['0001_foundation'],
      counts: { 'public.users': 3 },
      files: [{ table: 'attachments', id: 'a1', size: 4, sha256: 'a'.repeat(64) }],
      audit: { events: 3, head: { seq: 3, hash: 'b'.repeat(64) } },
    },
    parts: [
      await stagePart(staging, 'database/pglite-data.tar.gz'),
      await stagePart(staging, 'data-folder/audit-checkpoint.json'),
    ],
  };
  await writeArchive(file, staging, manifest);
  rmSync(staging, { recursive: true, force: true });
  return { file, manifest };
}

/** Reads an archive into a fresh folder; returns the manifest or the refusal. */
async function read(file: string): Promise<Manifest | Error> {
  const into = mkdtempSync(join(work, 'read-'));
  try {
    return await readArchive(file, into);
  } catch (e) {
    return e as Error;
  }
}

async function refusal(file: string): Promise<string> {
  const r = await read(file);
  expect(r).toBeInstanceOf(BackupRefused);
  return (r as Error).message;
}

/** An archive of hand-picked entries (name → content). */
async function handMade(name: string, entries: Record<string, string | Buffer>): Promise<string> {
  const dir = mkdtempSync(join(work, 'hand-'));
  for (const [n, content] of Object.entries(entries)) {
    mkdirSync(join(dir, n, '..'), { recursive: true });
    writeFileSync(join(dir, n), content);
  }
  const file = join(work, name);
  await tar.c({ file, cwd: dir, portable: true }, Object.keys(entries));
  return file;
}

describe('the backup archive', () => {
  it('round-trips: manifest first, parts checked, private file, nothing left beside it', async () => {
    const { file, manifest } = await makeArchive('good.tar');
    const names: string[] = [];
    await tar.t({ file, onReadEntry: (e) => names.push(e.path) });
    expect(names).toEqual([
      'manifest.json',
      'database/pglite-data.tar.gz',
      'data-folder/audit-checkpoint.json',
    ]);
    expect(await read(file)).toEqual(manifest);
    expect(readdirSync(work).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('never overwrites a file and needs an existing folder', async () => {
    const { file } = await makeArchive('once.tar');
    await expect(makeArchive('once.tar')).rejects.toThrow(/already exists/);
    const staging = stagingFolder(join(work, 'x.tar'), 'staging');
    await expect(
      writeArchive(join(work, 'no-such-folder', 'x.tar'), staging, {} as Manifest),
    ).rejects.toThrow(/does not exist/);
    expect(existsSync(file)).toBe(true);
  });

  it('refuses a file cut short anywhere, and a changed byte in any part', async () => {
    const { file } = await makeArchive('cut-me.tar');
    const bytes = readFileSync(file);
    for (const at of [100, 512, 1500, 20_000, bytes.length - 3000, bytes.length - 1100]) {
      const cut = join(work, `cut-${at}.tar`);
      writeFileSync(cut, bytes.subarray(0, at));
      expect(await refusal(cut)).toMatch(/damaged or incomplete|not an EUCAB backup/);
    }
    const flipped = Buffer.from(bytes);
    flipped[bytes.indexOf(dbBytes.subarray(0, 16)) + 1000]! ^= 1;
    writeFileSync(join(work, 'flipped.tar'), flipped);
    expect(await refusal(join(work, 'flipped.tar'))).toMatch(
      /checksum of database\/pglite-data\.tar\.gz does not match/,
    );
    const cp = Buffer.from(bytes);
    cp[bytes.indexOf(checkpoint) + 5]! ^= 1;
    writeFileSync(join(work, 'flipped-cp.tar'), cp);
    expect(await refusal(join(work, 'flipped-cp.tar'))).toMatch(
      /checksum of data-folder\/audit-checkpoint\.json/,
    );
  });

  it('refuses what is not a backup of this format', async () => {
    writeFileSync(join(work, 'noise.tar'), randomBytes(10_000));
    expect(await refusal(join(work, 'noise.tar'))).toMatch(/damaged or incomplete|not an EUCAB backup/);
    writeFileSync(join(work, 'empty.tar'), '');
    expect(await refusal(join(work, 'empty.tar'))).toMatch(/is empty: it is not a backup/);
    expect(await refusal(join(work, 'absent.tar'))).toMatch(/no backup file/);
    expect(await refusal(await handMade('other.tar', { 'README.txt': 'hello' }))).toMatch(
      /not an EUCAB backup/,
    );
    expect(await refusal(await handMade('bad-json.tar', { 'manifest.json': '{' }))).toMatch(/not valid JSON/);
    expect(
      await refusal(
        await handMade('other-format.tar', { 'manifest.json': JSON.stringify({ format: 'zip' }) }),
      ),
    ).toMatch(/not an EUCAB backup/);
    expect(
      await refusal(
        await handMade('v2.tar', {
          'manifest.json': JSON.stringify({ format: BACKUP_FORMAT, formatVersion: 2 }),
        }),
      ),
    ).toMatch(/format version 2; this version of the platform reads format 1/);
    expect(
      await refusal(
        await handMade('partial-manifest.tar', {
          'manifest.json': JSON.stringify({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION }),
        }),
      ),
    ).toMatch(/manifest\.json is not valid/);
  });

  it('refuses missing, unlisted and foreign entries (a path outside is never written)', async () => {
    const { manifest } = await makeArchive('base.tar');
    const m = JSON.stringify(manifest);
    expect(
      await refusal(
        await handMade('missing.tar', { 'manifest.json': m, 'database/pglite-data.tar.gz': dbBytes }),
      ),
    ).toMatch(/part data-folder\/audit-checkpoint\.json is missing/);
    const full = {
      'manifest.json': m,
      'database/pglite-data.tar.gz': dbBytes,
      'data-folder/audit-checkpoint.json': checkpoint,
    };
    expect(
      await refusal(await handMade('unlisted.tar', { ...full, 'data-folder/demo-sign-ins.txt': 'x' })),
    ).toMatch(/parts its manifest does not list \(data-folder\/demo-sign-ins\.txt\)/);
    expect(await refusal(await handMade('foreign.tar', { ...full, 'data-folder/evil.sh': 'x' }))).toMatch(
      /entries an EUCAB backup does not \(data-folder\/evil\.sh\)/,
    );
    // An entry climbing out of the folder is neither written nor accepted.
    const outer = mkdtempSync(join(work, 'climb-'));
    mkdirSync(join(outer, 'inner'));
    writeFileSync(join(outer, 'inner', 'manifest.json'), m);
    writeFileSync(join(outer, 'escaped.txt'), 'x');
    const climb = join(work, 'climb.tar');
    await tar.c({ file: climb, cwd: join(outer, 'inner'), portable: true, preservePaths: true }, [
      'manifest.json',
      '../escaped.txt',
    ]);
    const listed: string[] = [];
    await tar.t({ file: climb, preservePaths: true, onReadEntry: (e) => listed.push(e.path) });
    expect(listed).toContain('../escaped.txt');
    expect(await refusal(climb)).toMatch(/entries an EUCAB backup does not/);
    expect(existsSync(join(work, 'escaped.txt'))).toBe(false);
  });
});
