import { describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD } from '../testing/test-app.ts';

/**
 * A fractional session lifetime is accepted and works end to end: sign-in (password, and password
 * + TOTP), the cookie's Max-Age in whole seconds, the session's expiry. 1.1 hours used to break
 * every sign-in (1.1 × 3600 = 3960.0000000000005 is not a valid cookie Max-Age).
 */
describe.each([
  ['1.5', 5400],
  ['1.1', 3960],
])('SESSION_TTL_HOURS=%s', (hours, seconds) => {
  it(`signs in; the cookie and the session last ${seconds} seconds`, async () => {
    const t = await createTestApp({ env: { SESSION_TTL_HOURS: hours, SESSION_IDLE_MINUTES: '7.5' } });
    try {
      const started = Date.now();
      const c = t.client();
      const res = await c.post('/api/v1/auth/login', {
        email: 'at.expert@demo.eucab.eu',
        password: DEMO_PASSWORD,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.cookies.find((x) => x.name === 'eucab_session')?.maxAge).toBe(seconds);
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
      const session = await t.rt.db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select('sessions.expires_at')
        .where('users.email', '=', 'at.expert@demo.eucab.eu')
        .executeTakeFirstOrThrow();
      const lifetime = new Date(session.expires_at).getTime() - started;
      expect(Math.abs(lifetime - seconds * 1000)).toBeLessThan(60_000);
      // a user with a second factor: the half-signed-in session, then the full one
      const ncp = await t.as('at.ncp@demo.eucab.eu');
      expect((await ncp.get('/api/v1/auth/me')).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
