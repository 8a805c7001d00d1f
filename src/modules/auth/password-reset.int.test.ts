import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../testing/test-app.ts';

/** Password reset: the e-mailed link works exactly once, even under concurrency. */

let t: TestApp;
beforeAll(async () => {
  // A high rate limit: these tests send bursts of requests from one client on purpose.
  t = await createTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
});
afterAll(async () => t?.close());

async function resetToken(email: string): Promise<string> {
  const res = await t.client().post('/api/v1/auth/password-reset/request', { email });
  expect(res.statusCode).toBe(202);
  const mail = t.mails.filter((m) => m.to === email).at(-1)!;
  return /token=([a-z2-7]+)/.exec(mail.text)![1]!;
}

const resetEvents = async (email: string) =>
  (
    await t.rt.db
      .selectFrom('audit_events')
      .select('seq')
      .where('record_id', '=', await t.userId(email))
      .where('action', '=', 'auth.password_reset')
      .execute()
  ).length;

describe('password reset link', () => {
  it('5 parallel confirms of one link: exactly one succeeds, one audit event', async () => {
    const email = 'ie.expert@demo.eucab.eu';
    const token = await resetToken(email);
    const clients = Array.from({ length: 5 }, () => t.client());
    for (const c of clients) await c.token();
    const answers = await Promise.all(
      clients.map((c, i) =>
        c.post('/api/v1/auth/password-reset/confirm', { token, password: `parallel-password-${i}-xyz` }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([204, 400, 400, 400, 400]);
    for (const a of answers.filter((x) => x.statusCode === 400))
      expect(a.json().detail).toBe('This reset link is invalid, used or expired. Ask for a new one.');
    expect(await resetEvents(email)).toBe(1);
    // the password that won is the one that works
    const winner = answers.findIndex((a) => a.statusCode === 204);
    const signIn = await t
      .client()
      .post('/api/v1/auth/login', { email, password: `parallel-password-${winner}-xyz` });
    expect(signIn.statusCode).toBe(200);
  });

  it('a weak password leaves the link usable; an expired link is refused', async () => {
    const email = 'ee.expert@demo.eucab.eu';
    const token = await resetToken(email);
    const c = t.client();
    expect(
      (await c.post('/api/v1/auth/password-reset/confirm', { token, password: 'short' })).statusCode,
    ).toBe(400);
    expect(
      (await c.post('/api/v1/auth/password-reset/confirm', { token, password: 'a-good-new-password-7' }))
        .statusCode,
    ).toBe(204);
    const old = await resetToken(email);
    await t.rt.db
      .updateTable('password_resets')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('used_at', 'is', null)
      .execute();
    const expired = await c.post('/api/v1/auth/password-reset/confirm', {
      token: old,
      password: 'another-good-password-8',
    });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().detail).toMatch(/invalid, used or expired/);
    expect((await t.client().post('/api/v1/auth/login', { email, password: DEMO_PASSWORD })).statusCode).toBe(
      401,
    );
  });
});

describe('a password reset ends what the old password opened', () => {
  it('revokes every API key of the account (one event with the count) and ends its sessions', async () => {
    const email = 'lt.expert@demo.eucab.eu';
    const c = await t.as(email);
    const keys: string[] = [];
    for (const name of ['one', 'two']) {
      const k = await c.post('/api/v1/account/api-keys', { name, scopes: ['read'], expiresInDays: 30 });
      expect(k.statusCode).toBe(201);
      keys.push(k.json().key);
    }
    const withKey = (key: string) =>
      t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${key}` } });
    for (const key of keys) expect((await withKey(key)).statusCode).toBe(200);
    // someone else's key is untouched
    const other = await (await t.as('lv.expert@demo.eucab.eu')).post('/api/v1/account/api-keys', {
      name: 'other',
      scopes: ['read'],
      expiresInDays: 30,
    });

    const token = await resetToken(email);
    expect(t.mails.at(-1)!.text).toMatch(/signs you out everywhere and revokes all your API keys/);
    const ok = await t.client().post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'after-the-reset-password-9',
    });
    expect(ok.statusCode).toBe(204);

    for (const key of keys) {
      const refused = await withKey(key);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().detail).toMatch(/revoked/);
    }
    expect((await withKey(other.json().key)).statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/me')).json().stage).toBe('anonymous');
    const events = await t.rt.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('record_id', '=', await t.userId(email))
      .where('action', '=', 'auth.api_keys_revoked')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.changes).toEqual({ count: 2, reason: 'password_reset' });
    // a new key made after the reset works
    const again = await t.as(email).catch(() => null);
    expect(again).toBeNull(); // the demo password no longer works
    const fresh = t.client();
    expect(
      (await fresh.post('/api/v1/auth/login', { email, password: 'after-the-reset-password-9' })).statusCode,
    ).toBe(200);
    const k3 = await fresh.post('/api/v1/account/api-keys', {
      name: 'new',
      scopes: ['read'],
      expiresInDays: 1,
    });
    expect((await withKey(k3.json().key)).statusCode).toBe(200);
  });
});
