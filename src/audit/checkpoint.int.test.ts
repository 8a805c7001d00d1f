import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServerCommand } from '../cli/db-commands.ts';
import { type Config, loadConfig } from '../config/config.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import {
  auditHead,
  checkpointSettings,
  readCheckpoint,
  startAuditCheckpoints,
  writeAuditCheckpoint,
} from './checkpoint.ts';

/**
 * The hash chain cannot show that its newest events were removed; a checkpoint of its head kept
 * outside the table can. `verify-audit` (the CLI, or the server through its control socket: both
 * run runServerCommand) reports the deletion.
 */

let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'eucab-checkpoint-'));
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The configuration with the checkpoint settings of one test (its own file). */
function configWith(name: string, secret?: string): Config & Record<string, unknown> {
  return {
    ...t.config,
    AUDIT_CHECKPOINT_FILE: join(dir, name),
    ...(secret ? { AUDIT_CHECKPOINT_SECRET: secret } : {}),
  };
}
const verify = (config: Config) => runServerCommand('verify-audit', [], t.rt.db, config);

/** Writes some events (sign-ins) and returns the seq of the newest. */
async function someEvents(n: number): Promise<number> {
  for (let i = 0; i < n; i++) await t.as('sk.expert@demo.eucab.eu');
  return (await auditHead(t.rt.db))!.seq;
}

/** Deletes the newest events as a database superuser would: around the append-only trigger. */
async function deleteEventsAfter(seq: number): Promise<void> {
  const db = t.rt.db;
  await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(db);
  await sql`DELETE FROM audit_events WHERE seq > ${seq}`.execute(db);
  await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(db);
}

describe('audit checkpoints', () => {
  it('without deletion: the chain and the checkpoint agree, also after further events', async () => {
    const config = configWith('intact.json', 'a-long-operator-secret-1');
    const none = await verify(config);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/No audit checkpoint at .*intact\.json/);
    const head = await someEvents(2);
    const r = await runServerCommand('audit-checkpoint', [], t.rt.db, config);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`event #${head} \\(signed\\)`));
    const cp = readCheckpoint(join(dir, 'intact.json'));
    expect(cp).toMatchObject({ seq: head, mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await someEvents(1);
    const ok = await verify(config);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(
      new RegExp(
        `Audit chain intact: \\d+ events verified; checkpoint #${head} of .* \\(signature verified\\) matches`,
      ),
    );
  });

  it('deleting the newest events (around the trigger) is reported, and the checkpoint is kept as evidence', async () => {
    const config = configWith('deleted.json');
    const kept = await someEvents(2);
    const head = await someEvents(2);
    expect(head).toBeGreaterThan(kept);
    const w = await writeAuditCheckpoint(t.rt.db, { file: join(dir, 'deleted.json'), secret: undefined });
    expect(w).toMatchObject({ written: true, checkpoint: { seq: head } });
    expect((await verify(config)).code).toBe(0);

    await deleteEventsAfter(kept);
    const broken = await verify(config);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`Audit chain BROKEN: the newest events after #${kept} were deleted`);
    expect(broken.stderr).toContain(`names event #${head}, which is no longer in the table`);

    // new events after the deletion do not hide it, and no new checkpoint replaces the evidence
    await someEvents(3);
    const lines: string[] = [];
    const again = await writeAuditCheckpoint(
      t.rt.db,
      { file: join(dir, 'deleted.json'), secret: undefined },
      (l) => lines.push(l),
    );
    expect(again.written).toBe(false);
    expect(lines.join('\n')).toMatch(/AUDIT CHECKPOINT NOT WRITTEN: .*were deleted/);
    expect(readCheckpoint(join(dir, 'deleted.json'))).toMatchObject({ seq: head });
    const still = await verify(config);
    expect(still.code).toBe(1);
    expect(still.stderr).toMatch(/events were deleted|were deleted/);
  });

  it('a checkpoint file moved back without the secret fails its signature', async () => {
    const secret = 'another-long-operator-secret-2';
    const config = configWith('signed.json', secret);
    const file = join(dir, 'signed.json');
    await someEvents(1);
    expect((await runServerCommand('audit-checkpoint', [], t.rt.db, config)).code).toBe(0);
    const cp = JSON.parse(readFileSync(file, 'utf8'));
    // someone who deleted the newest events writes a checkpoint naming an older event
    const older = await t.rt.db
      .selectFrom('audit_events')
      .select(['seq', 'hash'])
      .where('seq', '<', cp.seq)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    writeFileSync(file, JSON.stringify({ ...cp, seq: Number(older.seq), hash: older.hash }));
    const forged = await verify(config);
    expect(forged.code).toBe(1);
    expect(forged.stderr).toMatch(/signature of the audit checkpoint does not match/);
    writeFileSync(file, JSON.stringify({ seq: Number(older.seq), hash: older.hash, time: cp.time }));
    const unsigned = await verify(config);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toMatch(/not signed although AUDIT_CHECKPOINT_SECRET is set/);
  });

  it('the server writes a checkpoint at start when there are events, and a last one at shutdown', async () => {
    const file = join(dir, 'periodic.json');
    const lines: string[] = [];
    const cps = startAuditCheckpoints(t.rt.db, { file, secret: undefined, intervalMs: 3_600_000 }, (l) =>
      lines.push(l),
    );
    const head = await someEvents(1);
    await cps.stop();
    expect(readCheckpoint(file)).toMatchObject({ seq: head });
    expect(lines.at(-1)).toMatch(new RegExp(`^audit checkpoint: \\{"seq":${head},`));
  });
  it('takes its settings from the configuration (AUDIT_CHECKPOINT_FILE, _SECRET, _MINUTES)', () => {
    expect(checkpointSettings(loadConfig({ DATA_DIR: '/srv/eucab' }))).toEqual({
      file: join('/srv/eucab', 'audit-checkpoint.json'),
      secret: undefined,
      intervalMs: 5 * 60_000,
    });
    const set = loadConfig({
      AUDIT_CHECKPOINT_FILE: '/var/lib/audit/cp.json',
      AUDIT_CHECKPOINT_SECRET: 'x',
      AUDIT_CHECKPOINT_MINUTES: '0.5',
    });
    expect(checkpointSettings(set)).toEqual({
      file: '/var/lib/audit/cp.json',
      secret: 'x',
      intervalMs: 30_000,
    });
  });
});
