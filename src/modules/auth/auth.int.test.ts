import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp, totpCode } from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3' } });
});
afterAll(async () => t?.close());

describe('sign-in', () => {
  it('rejects a state change without a CSRF token and changes nothing', async () => {
    const c = t.client();
    const res = await c.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'fr.expert@demo.eucab.eu', password: DEMO_PASSWORD },
      csrf: false,
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await c.get('/api/v1/auth/me')).json().stage).toBe('anonymous');
  });

  it('answers 400 with field errors for malformed or unknown fields', async () => {
    const c = t.client();
    const bad = await c.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/not valid JSON/);
    const unknown = await c.post('/api/v1/auth/login', { email: 'a@b.eu', password: 'x', admin: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('body');
    const wrongType = await c.post('/api/v1/auth/login', { email: 42, password: 'x' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors.some((e: { field: string }) => e.field === 'body.email')).toBe(true);
  });

  it('signs in with a password only where no second factor is required', async () => {
    const c = await t.as('fr.expert@demo.eucab.eu');
    const me = (await c.get('/api/v1/auth/me')).json();
    expect(me.stage).toBe('full');
    expect(me.organisation.code).toBe('FR');
    expect(me.networks.map((n: { code: string }) => n.code)).toContain('training');
    const cookie = (
      await t
        .client()
        .post('/api/v1/auth/login', { email: 'fr.expert@demo.eucab.eu', password: DEMO_PASSWORD })
    ).cookies.find((k) => k.name === 'eucab_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
  });

  it('requires the TOTP step for an NCP and rejects a wrong code', async () => {
    const c = t.client();
    const res = await c.post('/api/v1/auth/login', {
      email: 'at.ncp@demo.eucab.eu',
      password: DEMO_PASSWORD,
    });
    expect(res.json().stage).toBe('mfa');
    expect((await c.get('/api/v1/users')).statusCode).toBe(401);
    expect((await c.post('/api/v1/auth/totp', { code: '000000' })).statusCode).toBe(401);
    const secret = t.creds.signIns.find((s) => s.email === 'at.ncp@demo.eucab.eu')!.totpSecret!;
    const ok = await c.post('/api/v1/auth/totp', { code: await totpCode(secret) });
    expect(ok.statusCode).toBe(200);
    expect((await c.get('/api/v1/users')).statusCode).toBe(200);
  });

  it('slows down repeated failures (429 + Retry-After) instead of locking: the right password works after the wait', async () => {
    const c = t.client();
    for (let i = 0; i < 3; i++) {
      const res = await c.post('/api/v1/auth/login', {
        email: 'cy.expert@demo.eucab.eu',
        password: 'wrong-password-123',
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toBe(
        'The e-mail address or password is wrong, or the account is temporarily locked.',
      );
    }
    const slowed = await c.post('/api/v1/auth/login', {
      email: 'cy.expert@demo.eucab.eu',
      password: DEMO_PASSWORD,
    });
    expect(slowed.statusCode).toBe(429);
    expect(slowed.headers['retry-after']).toBe('1');
    await new Promise((r) => setTimeout(r, 1100));
    const ok = await c.post('/api/v1/auth/login', {
      email: 'cy.expert@demo.eucab.eu',
      password: DEMO_PASSWORD,
    });
    expect(ok.statusCode).toBe(200);
  });

  it('does not tell whether an e-mail exists', async () => {
    const c = t.client();
    const a = await c.post('/api/v1/auth/login', { email: 'nobody@demo.eucab.eu', password: 'whatever-123' });
    const b = await c.post('/api/v1/auth/login', {
      email: 'dk.expert@demo.eucab.eu',
      password: 'whatever-123',
    });
    expect(a.statusCode).toBe(401);
    expect(a.json().detail).toBe(b.json().detail);
  });

  it('resets a password through a one-time e-mailed link', async () => {
    const c = t.client();
    const res = await c.post('/api/v1/auth/password-reset/request', { email: 'lu.expert@demo.eucab.eu' });
    expect(res.statusCode).toBe(202);
    const mail = t.mails.find((m) => m.to === 'lu.expert@demo.eucab.eu')!;
    const token = /token=([a-z2-7]+)/.exec(mail.text)![1]!;
    const weak = await c.post('/api/v1/auth/password-reset/confirm', { token, password: 'short' });
    expect(weak.statusCode).toBe(400);
    const ok = await c.post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'a-new-long-password-42',
    });
    expect(ok.statusCode).toBe(204);
    const again = await c.post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'another-long-password-43',
    });
    expect(again.statusCode).toBe(400);
    expect(
      (
        await c.post('/api/v1/auth/login', {
          email: 'lu.expert@demo.eucab.eu',
          password: 'a-new-long-password-42',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('expired sessions are refused', async () => {
    const c = await t.as('mt.expert@demo.eucab.eu');
    await t.rt.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const res = await c.get('/api/v1/users/directory?q=expert');
    expect(res.statusCode).toBe(401);
  });
});

describe('API keys', () => {
  it('are shown once, stored hashed, scoped, and stop working when revoked or expired', async () => {
    const c = await t.as('se.expert@demo.eucab.eu');
    const created = await c.post('/api/v1/account/api-keys', {
      name: 'script',
      scopes: ['read'],
      expiresInDays: 30,
    });
    expect(created.statusCode).toBe(201);
    const key = created.json().key as string;
    const stored = await t.rt.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', created.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toContain(key);
    expect(JSON.stringify((await c.get('/api/v1/account/api-keys')).json())).not.toContain(key);

    const bearer = { authorization: `Bearer ${key}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer });
    expect(me.json().user.email).toBe('se.expert@demo.eucab.eu');
    // read-only scope: a change is refused (no CSRF needed for keys, the scope decides)
    const net = me.json().networks[0];
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/announcement',
      headers: bearer,
      payload: {
        data: { title: 'Via key', body: 'x', network: net.code },
        marking: { distribution: 'eucab', tlp: 'green' },
      },
    });
    expect(post.statusCode).toBe(403);

    await t.rt.db
      .updateTable('api_keys')
      .set({ expires_at: new Date(Date.now() - 1) })
      .where('id', '=', created.json().id)
      .execute();
    const expired = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().detail).toMatch(/expired/);

    const k2 = (
      await c.post('/api/v1/account/api-keys', {
        name: 'second',
        scopes: ['read', 'write'],
        expiresInDays: 1,
      })
    ).json();
    expect((await c.delete(`/api/v1/account/api-keys/${k2.id}`)).statusCode).toBe(204);
    const revoked = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${k2.key}` },
    });
    expect(revoked.statusCode).toBe(401);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: 'Bearer nonsense' },
    });
    expect(bad.statusCode).toBe(401);
  });
});

describe('session hygiene', () => {
  it('signing in again ends the previous session of that browser', async () => {
    const c = await t.as('pt.analyst@demo.eucab.eu');
    const before = await t.rt.db.selectFrom('sessions').select('id').execute();
    await c.post('/api/v1/auth/login', { email: 'pt.analyst@demo.eucab.eu', password: DEMO_PASSWORD });
    const after = await t.rt.db.selectFrom('sessions').select('id').execute();
    expect(after.length).toBe(before.length);
    expect((await c.get('/api/v1/auth/me')).json().stage).toBe('full');
  });
});

describe('TOTP replay', () => {
  it('a code signs in once; the same code again is refused', async () => {
    const secret = t.creds.signIns.find((s) => s.email === 'be.ncp@demo.eucab.eu')!.totpSecret!;
    const code = await totpCode(secret);
    const a = t.client();
    await a.post('/api/v1/auth/login', { email: 'be.ncp@demo.eucab.eu', password: DEMO_PASSWORD });
    expect((await a.post('/api/v1/auth/totp', { code })).statusCode).toBe(200);
    const b = t.client();
    await b.post('/api/v1/auth/login', { email: 'be.ncp@demo.eucab.eu', password: DEMO_PASSWORD });
    expect((await b.post('/api/v1/auth/totp', { code })).statusCode).toBe(401);
    expect((await b.post('/api/v1/auth/totp', { code: await totpCode(secret) })).statusCode).toBe(200);
  });
});
