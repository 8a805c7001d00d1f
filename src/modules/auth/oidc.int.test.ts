import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type TestOidcProvider } from '../../testing/oidc-provider.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

/** Two real OIDC providers, one bound to Austria's administration and one to Belgium's. */
let t: TestApp;
let atIdp: TestOidcProvider;
let beIdp: TestOidcProvider;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const redirect = () => [`${t.config.publicUrl}/api/v1/auth/oidc/callback`];
  atIdp = await startOidcProvider({ redirectUris: redirect });
  beIdp = await startOidcProvider({ redirectUris: redirect });
  const admin = await t.as('admin@demo.eucab.eu');
  const orgs = (await admin.get('/api/v1/organisations')).json().items as { id: string; code: string }[];
  for (const [code, idp] of [
    ['AT', atIdp],
    ['BE', beIdp],
  ] as const) {
    const res = await admin.post('/api/v1/identity-providers', {
      organisationId: orgs.find((o) => o.code === code)!.id,
      name: `${code} customs login`,
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(JSON.stringify(res.json())).not.toContain(idp.clientSecret);
    ids[code] = res.json().id;
  }
});

afterAll(async () => {
  await t?.close();
  await atIdp?.close();
  await beIdp?.close();
});

/** Follows the provider's redirects (with its cookies) until it sends the browser back to us. */
async function throughProvider(start: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = start;
  for (let i = 0; i < 10; i++) {
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      jar.set(k!, v ?? '');
    }
    const loc = res.headers.get('location');
    if (!loc) throw new Error(`provider stopped at ${url} with ${res.status}: ${await res.text()}`);
    const next = new URL(loc, url);
    if (next.href.startsWith(t.config.publicUrl)) return next;
    url = next.href;
  }
  throw new Error('too many redirects');
}

async function signInVia(
  code: 'AT' | 'BE',
  account: { sub: string; email: string | null },
): Promise<{ c: TestClient; landing: string }> {
  const idp = code === 'AT' ? atIdp : beIdp;
  idp.nextAccount(account);
  const c = t.client();
  const start = await c.get(`/api/v1/auth/oidc/${ids[code]}/start`);
  expect(start.statusCode).toBe(302);
  expect(start.headers.location).toContain(idp.issuer);
  const back = await throughProvider(String(start.headers.location));
  const cb = await c.get(`${back.pathname}${back.search}`);
  expect(cb.statusCode).toBe(302);
  return { c, landing: String(cb.headers.location) };
}

describe('OIDC sign-in bound to one administration', () => {
  it('lists the providers on the sign-in page without secrets', async () => {
    const res = await t.client().get('/api/v1/auth/providers');
    expect(
      res
        .json()
        .items.map((p: { organisation_code: string }) => p.organisation_code)
        .sort(),
    ).toEqual(['AT', 'BE']);
    expect(res.body).not.toContain('secret-');
  });

  it("signs a user of the provider's own administration in and links the identity", async () => {
    const { c, landing } = await signInVia('AT', { sub: 'at-0001', email: 'at.expert@demo.eucab.eu' });
    expect(landing).toBe('/');
    const me = (await c.get('/api/v1/auth/me')).json();
    expect(me.user.email).toBe('at.expert@demo.eucab.eu');
    const link = await t.rt.db
      .selectFrom('user_identities')
      .selectAll()
      .where('subject', '=', 'at-0001')
      .executeTakeFirstOrThrow();
    expect(link.provider_id).toBe(ids.AT);
  });

  it("never signs in another administration's user, whatever the provider claims", async () => {
    const { c, landing } = await signInVia('AT', { sub: 'at-evil', email: 'be.expert@demo.eucab.eu' });
    expect(landing).toBe('/signin?error=wrong_organisation');
    expect((await c.get('/api/v1/auth/me')).json().stage).toBe('anonymous');
    const denied = await t.rt.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'auth.oidc_denied')
      .execute();
    expect(
      denied.some((e) => (e.changes as { reason?: string }).reason?.includes('another organisation')),
    ).toBe(true);
    // The same person through their own administration's provider is fine.
    const ok = await signInVia('BE', { sub: 'be-0001', email: 'be.expert@demo.eucab.eu' });
    expect((await ok.c.get('/api/v1/auth/me')).json().organisation.code).toBe('BE');
  });

  it('a linked subject of one provider means nothing to another provider', async () => {
    // BE's provider knows subject be-0001; AT's provider presenting the same subject and no e-mail gets nowhere.
    const { landing } = await signInVia('AT', { sub: 'be-0001', email: null });
    expect(landing).toBe('/signin?error=no_account');
  });

  it('still asks NCPs for their TOTP second factor', async () => {
    const { c, landing } = await signInVia('AT', { sub: 'at-ncp', email: 'at.ncp@demo.eucab.eu' });
    expect(landing).toBe('/signin/totp');
    expect((await c.get('/api/v1/users')).statusCode).toBe(401);
  });

  it('refuses unknown accounts and replayed or forged states', async () => {
    expect((await signInVia('BE', { sub: 'be-x', email: 'stranger@example.org' })).landing).toBe(
      '/signin?error=no_account',
    );
    const res = await t.client().get('/api/v1/auth/oidc/callback?state=forged&code=abc');
    expect(res.headers.location).toBe('/signin?error=expired');
  });
});
