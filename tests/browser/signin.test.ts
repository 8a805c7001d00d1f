import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, totpCode } from '../../src/testing/test-app.ts';
import {
  type BrowserEnv,
  expectAccessible,
  poll,
  signIn,
  signOut,
  startEnv,
  totpSecretOf,
} from './helpers.ts';

let env: BrowserEnv;

beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('sign-in with TOTP (an NCP)', () => {
  it('asks for the second factor, rejects a wrong code, then signs in and shows the pages', async () => {
    const page = await env.page();
    const email = 'at.ncp@demo.eucab.eu';
    await page.goto('/');
    // Anonymous visitors land on the sign-in page.
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await expectAccessible(page, 'signin');
    // Keyboard: the first stop is the skip link, which moves focus to the main content.
    await page.goto('/signin');
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('wrong-password-123');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').first().waitFor();

    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Second factor' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin/totp');
    await expectAccessible(page, 'signin-totp');

    await page.getByLabel('Authentication code').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').filter({ hasText: /wrong/ }).first().waitFor();

    const secret = totpSecretOf(env.t, email)!;
    await page.getByLabel('Authentication code').fill(await totpCode(secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: /Welcome, AT National Contact Point/ }).waitFor();
    await page.getByRole('heading', { name: 'My organisation' }).waitFor();
    await expectAccessible(page, 'home');

    // Every main page is reachable from the navigation and passes axe.
    for (const [link, heading, shot] of [
      ['Networks', 'Networks', 'networks'],
      ['Announcements', 'Announcements', 'announcements'],
      ['Memberships', 'Memberships', 'memberships'],
      ['Organisations', 'Organisations', 'organisations'],
      ['Users', 'Users', 'users'],
      ['Audit trail', 'Audit trail', 'audit'],
    ] as const) {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: link, exact: true })
        .click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      // Focus moves to the new page's heading.
      await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('page-title');
      await expectAccessible(page, shot);
    }
    await page.getByRole('link', { name: 'Notifications' }).click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    // The e-mail digest: daily by default, changed with the keyboard, saved at once.
    const daily = page.getByRole('radio', { name: 'Daily' });
    await daily.waitFor();
    expect(await daily.isChecked()).toBe(true);
    await daily.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByText('Digest preference saved.').waitFor();
    expect(await page.getByRole('radio', { name: 'Weekly' }).isChecked()).toBe(true);
    await expectAccessible(page, 'notifications');
    await page.locator('header.site-header').getByRole('link', { name: 'AT National Contact Point' }).click();
    await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
    await expectAccessible(page, 'account');

    await page.getByRole('link', { name: 'Networks', exact: true }).click();
    await page
      .getByRole('link', { name: /Risk management/i })
      .first()
      .click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'network');
  });

  it('switches the language, keeps it after a reload and in the profile', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'at.ncp@demo.eucab.eu');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('link', { name: 'Accueil', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Accueil', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expectAccessible(page, 'home-fr');
    await poll(
      async () =>
        (
          await env.t.rt.db
            .selectFrom('users')
            .select('locale')
            .where('email', '=', 'at.ncp@demo.eucab.eu')
            .executeTakeFirstOrThrow()
        ).locale,
    ).toBe('fr');
    await page.getByLabel('Langue').selectOption('de');
    await page.getByRole('link', { name: 'Startseite', exact: true }).waitFor();
    await page.getByLabel('Sprache').selectOption('en');
    await signOut(page);
    // Signed out: protected pages send back to the sign-in page.
    await page.goto('/audit');
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(page.url()).toContain('next=%2Faudit');
  });
});
