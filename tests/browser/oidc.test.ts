import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type TestOidcProvider } from '../../src/testing/oidc-provider.ts';
import { totpCode } from '../../src/testing/test-app.ts';
import { type BrowserEnv, expectAccessible, startEnv, totpSecretOf } from './helpers.ts';

/** OIDC sign-in in the browser, through two real providers bound to Austria's and Belgium's administrations. */
let env: BrowserEnv;
let atIdp: TestOidcProvider;
let beIdp: TestOidcProvider;

beforeAll(async () => {
  env = await startEnv();
  const redirect = () => [`${env.base}/api/v1/auth/oidc/callback`];
  atIdp = await startOidcProvider({ redirectUris: redirect });
  beIdp = await startOidcProvider({ redirectUris: redirect });
  const admin = await env.t.as('admin@demo.eucab.eu');
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
  }
});

afterAll(async () => {
  await env?.close();
  await atIdp?.close();
  await beIdp?.close();
});

describe('OIDC sign-in in the browser', () => {
  it("signs a user in through their administration's provider", async () => {
    const page = await env.page();
    atIdp.nextAccount({ sub: 'at-expert-001', email: 'at.expert@demo.eucab.eu' });
    await page.goto('/signin');
    await page.getByRole('heading', { name: 'Or sign in through your administration' }).waitFor();
    await expectAccessible(page, 'signin-oidc');
    await page.getByRole('link', { name: /Sign in with AT customs login/ }).click();
    await page.getByRole('heading', { name: 'Welcome, AT Expert' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('asks an NCP for the second factor after the provider', async () => {
    const page = await env.page();
    atIdp.nextAccount({ sub: 'at-ncp-001', email: 'at.ncp@demo.eucab.eu' });
    await page.goto('/signin');
    await page.getByRole('link', { name: /Sign in with AT customs login/ }).click();
    await page.getByRole('heading', { name: 'Second factor' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin/totp');
    await page
      .getByLabel('Authentication code')
      .fill(await totpCode(totpSecretOf(env.t, 'at.ncp@demo.eucab.eu')!));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Welcome, AT National Contact Point' }).waitFor();
  });

  it("refuses another administration's provider and unknown identities, with a message a person understands", async () => {
    const page = await env.page();
    beIdp.nextAccount({ sub: 'someone-at-be', email: 'at.expert@demo.eucab.eu' });
    await page.goto('/signin');
    await page.getByRole('link', { name: /Sign in with BE customs login/ }).click();
    await page.getByText('This identity provider belongs to another administration').waitFor();
    expect(new URL(page.url()).searchParams.get('error')).toBe('wrong_organisation');
    await expectAccessible(page, 'signin-oidc-wrong-org');
    // Still signed out.
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);

    atIdp.nextAccount({ sub: 'stranger', email: 'nobody@example.org' });
    await page.getByRole('link', { name: /Sign in with AT customs login/ }).click();
    await page.getByText('There is no platform account for this identity').waitFor();
  });
});
