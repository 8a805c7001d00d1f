import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../auth/crypto.ts';
import { sessionLifetimeMs } from '../../auth/sessions.ts';
import {
  createTestApp,
  DEMO_PASSWORD,
  type TestApp,
  type TestClient,
  totpCode,
} from '../../testing/test-app.ts';

/**
 * The second factor is limited: MFA_MAX_ATTEMPTS codes per half-signed-in session (then it is
 * ended and the user starts again from the password), each wrong code counts toward the account's
 * lockout, and a session in stage 'mfa' lives MFA_STAGE_MINUTES only.
 */

let t: TestApp;
beforeAll(async () => {
  // A high rate limit: these tests send many codes from one client on purpose.
  t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '7', RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
});
afterAll(async () => t?.close());

const secretOf = (email: string) => t.creds.signIns.find((s) => s.email === email)!.totpSecret!;
/** The valid code of this moment, for attempts that must be refused before it is checked. */
const codeNow = async (email: string) =>
  String(await generate({ secret: secretOf(email), epoch: Math.floor(Date.now() / 1000) }));

function sessionToken(c: TestClient): string | undefined {
  return (c as unknown as { cookies: Map<string, string> }).cookies.get('eucab_session');
}

/** A new client that presents an earlier session cookie (with its own CSRF token). */
function clientWithSession(token: string): TestClient {
  const c = t.client();
  (c as unknown as { cookies: Map<string, string> }).cookies.set('eucab_session', token);
  return c;
}

async function sessionRow(token: string | undefined) {
  if (!token) return undefined;
  return t.rt.db.selectFrom('sessions').selectAll().where('id', '=', sha256(token)).executeTakeFirst();
}

async function passwordStep(email: string): Promise<{ c: TestClient; token: string }> {
  const c = t.client();
  const res = await c.post('/api/v1/auth/login', { email, password: DEMO_PASSWORD });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().stage).toBe('mfa');
  await c.token(); // the CSRF token, fetched once before any burst of requests
  return { c, token: sessionToken(c)! };
}

const failedEvents = async (email: string) =>
  (
    await t.rt.db
      .selectFrom('audit_events')
      .select('changes')
      .where('record_id', '=', await t.userId(email))
      .where('action', '=', 'auth.second_factor_failed')
      .execute()
  ).length;

const failedLogins = async (email: string) =>
  (
    await t.rt.db
      .selectFrom('users')
      .select('failed_logins')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
  ).failed_logins;

describe('second factor: limited attempts and a short-lived half-signed-in session', () => {
  it('the normal sign-in still works, and only the full session lives the full lifetime', async () => {
    const { c, token } = await passwordStep('nl.ncp@demo.eucab.eu');
    const half = (await sessionRow(token))!;
    const halfLife = new Date(half.expires_at).getTime() - Date.now();
    expect(halfLife).toBeLessThanOrEqual(10 * 60_000);
    expect(halfLife).toBeGreaterThan(9 * 60_000);
    const ok = await c.post('/api/v1/auth/totp', { code: await totpCode(secretOf('nl.ncp@demo.eucab.eu')) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await c.get('/api/v1/auth/me')).json().stage).toBe('full');
    const full = (await sessionRow(sessionToken(c)))!;
    expect(new Date(full.expires_at).getTime() - Date.now()).toBeGreaterThan(7 * 3_600_000);
    expect(sessionLifetimeMs(t.config, 'enrol')).toBe(10 * 60_000);
  });

  it('5 wrong codes end the sign-in: the right code is then refused and the session is gone', async () => {
    const email = 'at.ncp@demo.eucab.eu';
    const { c, token } = await passwordStep(email);
    for (let i = 1; i <= 4; i++) {
      const body = i === 4 ? { recoveryCode: 'aaaa-bbbb-cccc' } : { code: '000000' };
      const res = await c.post('/api/v1/auth/totp', body);
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toMatch(new RegExp(`${5 - i} more tr(y|ies) before this sign-in ends`));
      expect((await sessionRow(token))?.mfa_attempts).toBe(i);
    }
    const fifth = await c.post('/api/v1/auth/totp', { code: '000000' });
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json().detail).toMatch(
      /Too many wrong codes: this sign-in has ended\. Sign in again with your password/,
    );
    expect(await sessionRow(token)).toBeUndefined();
    // the right code on the ended session (even with its old cookie) is refused
    const again = await clientWithSession(token).post('/api/v1/auth/totp', { code: await codeNow(email) });
    expect(again.statusCode).toBe(401);
    expect(again.json().detail).toMatch(/Sign in with your password first/);
    const right = await c.post('/api/v1/auth/totp', { code: await codeNow(email) });
    expect(right.statusCode).toBe(401);
    expect(right.json().detail).toMatch(/Sign in with your password first/);
    expect((await c.get('/api/v1/auth/me')).json().stage).toBe('anonymous');
    expect(await failedEvents(email)).toBe(5);
    expect(await failedLogins(email)).toBe(5); // counted toward the lockout (7 here)
    // starting again from the password works, and a full sign-in clears the count
    const fresh = await passwordStep(email);
    const ok = await fresh.c.post('/api/v1/auth/totp', { code: await totpCode(secretOf(email)) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await failedLogins(email)).toBe(0);
  });

  it('wrong codes count toward the account lockout across sign-ins', async () => {
    const email = 'be.ncp@demo.eucab.eu';
    const first = await passwordStep(email);
    for (let i = 0; i < 5; i++)
      expect((await first.c.post('/api/v1/auth/totp', { code: '000000' })).statusCode).toBe(401);
    // a correct password does not wipe the count while a second factor is still to come
    const second = await passwordStep(email);
    expect(await failedLogins(email)).toBe(5);
    expect((await second.c.post('/api/v1/auth/totp', { code: '000000' })).statusCode).toBe(401);
    const locking = await second.c.post('/api/v1/auth/totp', { code: '000000' });
    expect(locking.statusCode).toBe(401);
    expect(locking.json().detail).toMatch(/account is locked/);
    expect(await sessionRow(second.token)).toBeUndefined();
    const locked = await t.client().post('/api/v1/auth/login', { email, password: DEMO_PASSWORD });
    expect(locked.statusCode).toBe(423);
    const audit = await t.rt.db
      .selectFrom('audit_events')
      .select('changes')
      .where('record_id', '=', await t.userId(email))
      .where('action', '=', 'auth.locked')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('a session in stage mfa expires after its short lifetime', async () => {
    const email = 'de.ncp@demo.eucab.eu';
    const { c, token } = await passwordStep(email);
    await t.rt.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', sha256(token))
      .execute();
    const res = await c.post('/api/v1/auth/totp', { code: await codeNow(email) });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/Sign in with your password first/);
    expect(await sessionRow(token)).toBeUndefined();
    expect((await c.get('/api/v1/auth/me')).json().stage).toBe('anonymous');
  });

  it('10 parallel wrong codes never try more than the limit', async () => {
    const email = 'fr.ncp@demo.eucab.eu';
    const { c, token } = await passwordStep(email);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => c.post('/api/v1/auth/totp', { code: '000000' })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(401));
    const wrongCode = answers.filter((a) => /The code is wrong/.test(a.json().detail)).length;
    const ended = answers.filter((a) => /this sign-in has ended/.test(a.json().detail)).length;
    expect(wrongCode).toBe(4);
    expect(ended).toBe(6); // the 5th attempt and the 5 refused without trying a code
    expect(await failedEvents(email)).toBe(5);
    expect(await failedLogins(email)).toBe(5);
    expect(await sessionRow(token)).toBeUndefined();
    const right = await clientWithSession(token).post('/api/v1/auth/totp', { code: await codeNow(email) });
    expect(right.statusCode).toBe(401);
    expect(right.json().detail).toMatch(/Sign in with your password first/);
  });
});
