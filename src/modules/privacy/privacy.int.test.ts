import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/verify-chain.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

/**
 * A person's rights over their data: the download of everything held about them (no secrets),
 * erasure of a disabled account's personal data by a platform administrator (records and the
 * audit chain intact), and the scheduled retention purge.
 */
let t: TestApp;
const ADMIN = 'admin@demo.eucab.eu';
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('personal data', () => {
  it('a user downloads what the platform holds about them, without secrets; the download is audited', async () => {
    expect((await t.client().get('/api/v1/account/personal-data')).statusCode).toBe(401);
    const email = 'nl.expert@demo.eucab.eu';
    const c = await t.as(email);
    await c.post('/api/v1/account/api-keys', { name: 'mine', scopes: ['read'], expiresInDays: 7 });
    const res = await c.get('/api/v1/account/personal-data');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const data = res.json();
    expect(data.profile.email).toBe(email);
    expect(data.apiKeys.map((k: { name: string }) => k.name)).toContain('mine');
    expect(data.networkMemberships.length).toBeGreaterThan(0);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.auditEvents.length).toBeGreaterThan(0);
    for (const secret of ['password_hash', 'key_hash', 'totp_secret', 'code_hash', 'argon2'])
      expect(res.body).not.toContain(secret);
    const hash = await t.rt.db
      .selectFrom('api_keys')
      .select('key_hash')
      .where('name', '=', 'mine')
      .executeTakeFirstOrThrow();
    expect(res.body).not.toContain(hash.key_hash);
    const audited = await t.rt.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'account.personal_data_exported')
      .where('record_id', '=', await t.userId(email))
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('an administrator erases the personal data of a disabled account; records and the audit chain stay', async () => {
    const email = 'lu.expert@demo.eucab.eu';
    const id = await t.userId(email);
    const author = await t.as(email);
    const rec = await author.post('/api/v1/registry/equipment_model', {
      data: { manufacturer: 'Erase', model: 'Kept record', category: 'nii', technology: 'xray_high' },
    });
    expect(rec.statusCode, rec.body).toBe(201);
    const admin = await t.as(ADMIN);
    // ladder: anonymous, bad id, not allowed (the user's NCP), still active
    const url = `/api/v1/users/${id}/erase-personal-data`;
    expect((await t.client().post(url)).statusCode).toBe(401);
    expect((await admin.post('/api/v1/users/not-a-uuid/erase-personal-data')).statusCode).toBe(400);
    expect((await (await t.as('lu.ncp@demo.eucab.eu')).post(url)).statusCode).toBe(403);
    const active = await admin.post(url);
    expect(active.statusCode).toBe(409);
    expect(active.json().detail).toMatch(/Disable the account first/);
    expect(
      (await t.rt.db.selectFrom('users').select('email').where('id', '=', id).executeTakeFirstOrThrow())
        .email,
    ).toBe(email);

    expect((await admin.patch(`/api/v1/users/${id}`, { status: 'disabled' })).statusCode).toBe(200);
    const erased = await admin.post(url);
    expect(erased.statusCode, erased.body).toBe(200);
    const u = await t.rt.db
      .selectFrom('users')
      .select(['email', 'display_name', 'password_hash', 'totp_secret'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(u).toEqual({
      email: `erased-${id}@erased.invalid`,
      display_name: 'Erased user',
      password_hash: null,
      totp_secret: null,
    });
    for (const table of ['sessions', 'api_keys', 'recovery_codes', 'role_grants', 'notifications'] as const) {
      const left = await t.rt.db.selectFrom(table).select('user_id').where('user_id', '=', id).execute();
      expect(left, table).toHaveLength(0);
    }
    // the record stays, the audit chain verifies, the erasure is one event without the e-mail
    const kept = await admin.get(`/api/v1/registry/equipment_model/${rec.json().id}`);
    expect([200, 404]).toContain(kept.statusCode);
    expect(
      (
        await t.rt.db
          .selectFrom('registry_records')
          .select('author_id')
          .where('id', '=', rec.json().id)
          .executeTakeFirstOrThrow()
      ).author_id,
    ).toBe(id);
    const ev = await t.rt.db
      .selectFrom('audit_events')
      .select(['changes'])
      .where('action', '=', 'user.personal_data_erased')
      .where('record_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(ev.changes)).not.toContain(email);
    expect((await verifyAuditChain(t.rt.db)).ok).toBe(true);
    // twice: a conflict, nothing changes
    expect((await admin.post(url)).statusCode).toBe(409);
  });

  it('the retention task deletes notifications older than RETENTION_NOTIFICATIONS_DAYS', async () => {
    const uid = await t.userId('pt.expert@demo.eucab.eu');
    const old = new Date(Date.now() - 400 * 86_400_000);
    await t.rt.db
      .insertInto('notifications')
      .values([
        { user_id: uid, kind: 'job.failed', summary: 'old', created_at: old },
        { user_id: uid, kind: 'job.failed', summary: 'recent', created_at: new Date() },
      ])
      .execute();
    await t.rt.db.deleteFrom('scheduled_task_runs').execute();
    expect(await t.rt.scheduler.runDue(new Date())).toContain('privacy.retention');
    const left = await t.rt.db
      .selectFrom('notifications')
      .select('summary')
      .where('user_id', '=', uid)
      .execute();
    expect(left.map((n) => n.summary)).toContain('recent');
    expect(left.map((n) => n.summary)).not.toContain('old');
  });
});
