import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../testing/test-app.ts';
import { verifyAuditChain } from './verify-chain.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('audit trail', () => {
  it('the database itself rejects UPDATE, DELETE and TRUNCATE of audit events', async () => {
    const db = t.rt.db;
    await expect(db.updateTable('audit_events').set({ action: 'tampered' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_events`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('writes the event in the same transaction as the change (a failed change leaves no event)', async () => {
    const admin = await t.as('admin@demo.eucab.eu');
    const before = (
      await t.rt.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    const org = (await admin.get('/api/v1/organisations?type=national_administration')).json().items[0];
    const dup = await admin.post('/api/v1/users', {
      email: 'at.expert@demo.eucab.eu',
      displayName: 'Duplicate',
      organisationId: org.id,
    });
    expect(dup.statusCode).toBe(409);
    const after = (
      await t.rt.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    expect(after).toBe(before);
    const ok = await admin.post('/api/v1/users', {
      email: 'new.person@demo.eucab.eu',
      displayName: 'New Person',
      organisationId: org.id,
    });
    expect(ok.statusCode).toBe(201);
    const ev = await t.rt.db
      .selectFrom('audit_events')
      .selectAll()
      .where('record_id', '=', ok.json().id)
      .executeTakeFirstOrThrow();
    expect(ev.action).toBe('user.created');
    expect(ev.actor_label).toBe('admin@demo.eucab.eu');
    expect(ev.changes).toMatchObject({ email: { after: 'new.person@demo.eucab.eu' } });
  });

  it('never stores secrets: passwords, hashes, TOTP secrets, API keys, reset tokens', async () => {
    const c = await t.as('ro.expert@demo.eucab.eu');
    await c.post('/api/v1/account/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'ro-expert-new-password-1',
    });
    const setup = (await c.post('/api/v1/account/totp/setup')).json();
    const key = (
      await c.post('/api/v1/account/api-keys', { name: 'k', scopes: ['read'], expiresInDays: 5 })
    ).json().key;
    await t.client().post('/api/v1/auth/password-reset/request', { email: 'ro.expert@demo.eucab.eu' });
    const token = /token=([a-z2-7]+)/.exec(t.mails.at(-1)!.text)![1]!;
    const user = await t.rt.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'ro.expert@demo.eucab.eu')
      .executeTakeFirstOrThrow();
    const all = JSON.stringify(await t.rt.db.selectFrom('audit_events').selectAll().execute());
    for (const secret of [
      'ro-expert-new-password-1',
      DEMO_PASSWORD,
      setup.secret,
      key,
      token,
      user.password_hash!,
    ]) {
      expect(all).not.toContain(secret);
    }
  });

  it('verifies the hash chain and names the first broken link after tampering', async () => {
    const ok = await verifyAuditChain(t.rt.db);
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.events).toBeGreaterThan(100);
    const target = await t.rt.db
      .selectFrom('audit_events')
      .select('seq')
      .orderBy('seq')
      .offset(40)
      .limit(1)
      .executeTakeFirstOrThrow();
    // Only a database superuser can get around the trigger; the chain still reveals it.
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(t.rt.db);
    await sql`UPDATE audit_events SET actor_label = 'someone else' WHERE seq = ${target.seq}`.execute(
      t.rt.db,
    );
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(t.rt.db);
    const broken = await verifyAuditChain(t.rt.db);
    expect(broken).toMatchObject({
      ok: false,
      brokenAt: target.seq,
      reason: 'content does not match its hash',
    });
  });

  it('shows the trail through the policy: values of a record only to its readers', async () => {
    const author = await t.as('nl.expert@demo.eucab.eu');
    const created = await author.post('/api/v1/registry/announcement', {
      data: { title: 'Audit visibility probe', body: 'secret body text', network: 'risk-management' },
      marking: { distribution: 'organisation', tlp: 'amber' },
    });
    const id = created.json().id;
    const mine = (await author.get(`/api/v1/audit?recordKind=announcement&recordId=${id}`)).json().items;
    expect(mine[0].changes.body.after).toBe('secret body text');
    // Another administration's NCP does not see the event at all (not their org, not readable).
    const other = await t.as('fr.ncp@demo.eucab.eu');
    expect((await other.get(`/api/v1/audit?recordKind=announcement&recordId=${id}`)).json().items).toEqual(
      [],
    );
    // The owner's NCP sees who did what, and the values too (they may read the record).
    const ncp = await t.as('nl.ncp@demo.eucab.eu');
    const seen = (await ncp.get(`/api/v1/audit?recordKind=announcement&recordId=${id}`)).json().items;
    expect(seen[0].actor_label).toBe('nl.expert@demo.eucab.eu');
    expect(seen[0].valuesHidden).toBe(false);
    // After narrowing to TLP:RED without the NCP, the NCP still sees the event, values hidden.
    const other2 = await t.userId('be.expert@demo.eucab.eu');
    expect(
      (
        await author.post(`/api/v1/registry/announcement/${id}/share`, {
          distribution: 'organisation',
          tlp: 'red',
          recipientIds: [other2],
        })
      ).statusCode,
    ).toBe(200);
    const hidden = (await ncp.get(`/api/v1/audit?recordKind=announcement&recordId=${id}`)).json().items;
    expect(hidden.length).toBeGreaterThan(0);
    expect(
      hidden.every((e: { valuesHidden: boolean; changes: unknown }) => e.valuesHidden && e.changes === null),
    ).toBe(true);
    // The named recipient of another organisation sees the record's history with values.
    const be = await t.as('be.expert@demo.eucab.eu');
    const beSees = (await be.get(`/api/v1/audit?recordKind=announcement&recordId=${id}`)).json().items;
    expect(beSees.some((e: { valuesHidden: boolean }) => !e.valuesHidden)).toBe(true);
  });
});
