import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, totpCode } from '../../src/testing/test-app.ts';
import { type BrowserEnv, expectAccessible, poll, signIn, signOut, startEnv } from './helpers.ts';

let env: BrowserEnv;

beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

async function fillPassword(page: import('playwright-core').Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/signin');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('my account', () => {
  it('enrols TOTP for a user without it, then signs in again with a recovery code', async () => {
    const page = await env.page();
    const email = 'be.expert@demo.eucab.eu';
    await signIn(page, env.t, email);
    // the account link in the header (the home page also names people in its activity list)
    await page.locator('header.site-header').getByRole('link', { name: 'BE Expert' }).click();
    await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Set up a second factor' }).click();
    await page.getByRole('button', { name: 'Start set-up' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await expectAccessible(page, 'account-totp-setup');
    await page.getByLabel('Code from the app').fill(await totpCode(secret));
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    const codes = await page.getByTestId('recovery-codes').locator('code').allTextContents();
    expect(codes).toHaveLength(10);
    await expectAccessible(page, 'account-recovery-codes');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByText('Your sign-in is protected by a second factor.').waitFor();
    const u = await env.t.rt.db
      .selectFrom('users')
      .select('totp_enabled')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(u.totp_enabled).toBe(true);

    await signOut(page);
    await fillPassword(page, email);
    await page.getByRole('heading', { name: 'Second factor' }).waitFor();
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(codes[0]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Welcome, BE Expert' }).waitFor();
  });

  it('creates an API key shown once, which calls the API until revoked', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'lv.expert@demo.eucab.eu');
    await page.goto('/account');
    await page.getByLabel('Name', { exact: true }).fill('Nightly report');
    await page.getByLabel('Valid for').selectOption('30');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByRole('heading', { name: 'Your new key “Nightly report”' }).waitFor();
    const key = (await page.getByTestId('api-key').textContent())!.trim();
    expect(key).toMatch(/^eucab_/);
    await expectAccessible(page, 'account-api-key');

    const me = await fetch(`${env.base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(me.status).toBe(200);
    expect((await me.json()).user.email).toBe('lv.expert@demo.eucab.eu');

    await page.getByRole('button', { name: 'I have stored it' }).click();
    await poll(() => page.getByTestId('api-key').count()).toBe(0);
    await page.getByRole('row').filter({ hasText: 'Nightly report' }).getByText('Active').waitFor();
    await page.getByRole('button', { name: 'Revoke the key Nightly report' }).click();
    await page.getByRole('row').filter({ hasText: 'Nightly report' }).getByText('Revoked').waitFor();
    const after = await fetch(`${env.base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(after.status).toBe(401);
  });

  it('makes an NCP without a second factor enrol before entering', async () => {
    const email = 'cy.ncp@demo.eucab.eu';
    await env.t.rt.db
      .updateTable('users')
      .set({ totp_enabled: false, totp_secret: null })
      .where('email', '=', email)
      .execute();
    const page = await env.page();
    await fillPassword(page, email);
    await page.getByRole('heading', { name: 'Set up your second factor' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin/enrol');
    await page.getByRole('button', { name: 'Start set-up' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel('Code from the app').fill(await totpCode(secret));
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    await expectAccessible(page, 'signin-enrol-codes');
    await page.getByRole('button', { name: 'Continue to the platform' }).click();
    await page.getByRole('heading', { name: 'Welcome, CY National Contact Point' }).waitFor();
  });

  it('resets a forgotten password with the e-mailed link', async () => {
    const page = await env.page();
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('E-mail address').fill('lu.expert@demo.eucab.eu');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('a reset link is on its way').waitFor();
    const mail = env.t.mails.findLast((m) => m.to === 'lu.expert@demo.eucab.eu');
    const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail!.text)![0];
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password', level: 1 }).waitFor();
    await expectAccessible(page, 'reset-password');
    await page.getByLabel('New password', { exact: true }).fill('a-new-Passphrase-2026');
    await page.getByLabel('Repeat the new password').fill('a-new-Passphrase-2026');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByText('Your password is set').waitFor();
    await fillPassword(page, 'lu.expert@demo.eucab.eu', 'a-new-Passphrase-2026');
    await page.getByRole('heading', { name: 'Welcome, LU Expert' }).waitFor();
  });
});
