import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp, type TestClient } from '../../testing/test-app.ts';

/**
 * Repeated wrong passwords slow attempts down (per address and per client) instead of locking the
 * account, and the answers never tell whether an address has an account.
 * LOGIN_MAX_FAILURES = 5 (the default): the 5th failure of an address makes the next attempt wait
 * 1 s, the 6th 2 s, …; a client address has 4 × 5 = 20 failures without delay.
 */

let t: TestApp;
beforeAll(async () => {
  // A high rate limit: the per-minute limit of the route is not what is tested here.
  t = await createTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '10000' } });
});
afterAll(async () => t?.close());

let nextIp = 1;
/** Each test signs in from its own client addresses (the per-client count is shared). */
const newIp = () => `10.9.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;

const clients = new Map<string, TestClient>();
/** A sign-in from a client address (one cookie-keeping client per address, with its CSRF token). */
async function login(email: string, password: string, ip: string): Promise<LightMyRequestResponse> {
  let c = clients.get(ip);
  if (!c) {
    c = t.client();
    await c.token();
    clients.set(ip, c);
  }
  return c.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });
}

/** What a person (or an attacker) sees of an answer. */
const seen = (r: LightMyRequestResponse) => ({
  status: r.statusCode,
  detail: r.json().detail as string | undefined,
  retryAfter: r.headers['retry-after'],
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sign-in slowing', () => {
  it('an existing and an unknown address get identical answers on repeated failures', async () => {
    const ipA = newIp();
    const ipB = newIp();
    const a: ReturnType<typeof seen>[] = [];
    const b: ReturnType<typeof seen>[] = [];
    for (let i = 0; i < 7; i++) {
      a.push(seen(await login('gr.expert@demo.eucab.eu', 'wrong-password-123', ipA)));
      b.push(seen(await login('nobody.here@demo.eucab.eu', 'wrong-password-123', ipB)));
    }
    expect(a).toEqual(b);
    expect(a.map((x) => x.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(a[0]!.detail).toBe(
      'The e-mail address or password is wrong, or the account is temporarily locked.',
    );
    expect(a[5]!.retryAfter).toBe('1');
    expect(a[5]!.detail).toMatch(/Too many failed sign-ins .* Wait 1 second, then try again/);
    // also after the wait: the next failure doubles the wait for both alike
    await sleep(1100);
    const a2 = seen(await login('gr.expert@demo.eucab.eu', 'wrong-password-123', ipA));
    const b2 = seen(await login('NOBODY.here@demo.eucab.eu', 'wrong-password-123', ipB));
    expect(a2).toEqual(b2);
    expect(a2.status).toBe(401);
    const a3 = seen(await login('gr.expert@demo.eucab.eu', DEMO_PASSWORD, ipA));
    const b3 = seen(await login('nobody.here@demo.eucab.eu', DEMO_PASSWORD, ipB));
    expect(a3).toEqual(b3);
    expect(a3).toMatchObject({ status: 429, retryAfter: '2' });
  });

  it('a disabled account answers like a wrong password unless the password is right', async () => {
    const email = 'hr.expert@demo.eucab.eu';
    await t.rt.db.updateTable('users').set({ status: 'disabled' }).where('email', '=', email).execute();
    const ip = newIp();
    const disabled = seen(await login(email, 'wrong-password-123', ip));
    const unknown = seen(await login('nobody.else@demo.eucab.eu', 'wrong-password-123', ip));
    expect(disabled).toEqual(unknown);
    const right = await login(email, DEMO_PASSWORD, ip);
    expect(right.statusCode).toBe(401);
    expect(right.json().detail).toMatch(/disabled/);
    await t.rt.db.updateTable('users').set({ status: 'active' }).where('email', '=', email).execute();
  });

  it('an attacker cannot keep the owner out beyond the delay, not even the administrator', async () => {
    const email = 'admin@demo.eucab.eu';
    const attacker = newIp();
    for (let i = 0; i < 5; i++)
      expect((await login(email, `guess-number-${i}-abc`, attacker)).statusCode).toBe(401);
    // hammering inside the wait is refused without counting: it never makes the wait longer
    const hammer = await Promise.all(
      Array.from({ length: 10 }, () => login(email, 'another-guess-xyz', attacker)),
    );
    expect(hammer.map((r) => r.statusCode)).toEqual(Array(10).fill(429));
    // the owner, from elsewhere, is asked to wait as well — for the same short time
    const owner = newIp();
    const waitNow = await login(email, DEMO_PASSWORD, owner);
    expect(waitNow.statusCode).toBe(429);
    const retryAfter = Number(waitNow.headers['retry-after']);
    expect(retryAfter).toBe(1);
    await sleep(retryAfter * 1000 + 100);
    const ok = await login(email, DEMO_PASSWORD, owner);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().stage).toBe('mfa'); // the administrator's second factor still follows
    // a successful sign-in forgets the address's failures: no delay left
    const wrong = await login(email, 'guess-again-1234', attacker);
    expect(wrong.statusCode).toBe(401);
    const audit = await t.rt.db
      .selectFrom('audit_events')
      .select('changes')
      .where('record_id', '=', await t.userId(email))
      .where('action', '=', 'auth.failed')
      .orderBy('seq')
      .execute();
    expect(audit.map((e) => (e.changes as { failures: number }).failures)).toEqual([1, 2, 3, 4, 5, 1]);
    // no account lock was set
    const row = await t.rt.db
      .selectFrom('users')
      .select(['locked_until', 'failed_logins'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.locked_until).toBeNull();
  });

  it('parallel wrong passwords are counted one by one: the delay starts after exactly 5', async () => {
    const ip = newIp();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login('hu.expert@demo.eucab.eu', `parallel-guess-${i}`, ip)),
    );
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
  });

  it('per-client slowing applies across accounts; other clients are not affected', async () => {
    const sprayer = newIp();
    const targets = t.creds.signIns
      .map((s) => s.email)
      .filter((e) => e.endsWith('.analyst@demo.eucab.eu'))
      .slice(0, 21);
    expect(targets).toHaveLength(21);
    // one wrong password per account: no address reaches its limit, the client does after 20
    for (const email of targets.slice(0, 20))
      expect((await login(email, 'password-spray-2024', sprayer)).statusCode).toBe(401);
    const next = await login(targets[20]!, DEMO_PASSWORD, sprayer);
    expect(next.statusCode).toBe(429);
    expect(next.headers['retry-after']).toBe('1');
    // the same account from another client signs in at once
    expect((await login(targets[20]!, DEMO_PASSWORD, newIp())).statusCode).toBe(200);
    expect((await login(targets[0]!, DEMO_PASSWORD, newIp())).statusCode).toBe(200);
  });

  it('a password reset forgets the failures counted for the address', async () => {
    const email = 'it.expert@demo.eucab.eu';
    const ip = newIp();
    for (let i = 0; i < 5; i++) await login(email, 'wrong-password-123', ip);
    expect((await login(email, DEMO_PASSWORD, newIp())).statusCode).toBe(429);
    await t.client().post('/api/v1/auth/password-reset/request', { email });
    const token = /token=([a-z2-7]+)/.exec(t.mails.filter((m) => m.to === email).at(-1)!.text)![1]!;
    const c = t.client();
    expect(
      (await c.post('/api/v1/auth/password-reset/confirm', { token, password: 'a-fresh-password-for-it' }))
        .statusCode,
    ).toBe(204);
    expect((await login(email, 'a-fresh-password-for-it', newIp())).statusCode).toBe(200);
  });
  it("an administrator's unlock forgets the failures counted for the address", async () => {
    const email = 'pl.expert@demo.eucab.eu';
    for (let i = 0; i < 5; i++) await login(email, 'wrong-password-123', newIp());
    expect((await login(email, DEMO_PASSWORD, newIp())).statusCode).toBe(429);
    const admin = await t.as('admin@demo.eucab.eu');
    const res = await admin.patch(`/api/v1/users/${await t.userId(email)}`, { unlock: true });
    expect(res.statusCode, res.body).toBe(200);
    expect((await login(email, DEMO_PASSWORD, newIp())).statusCode).toBe(200);
  });
});
