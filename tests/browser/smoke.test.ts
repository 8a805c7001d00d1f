import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, expectAccessible, signIn, startEnv } from './helpers.ts';

/**
 * A short end-to-end check that CI also runs against a real PostgreSQL server
 * (`DATABASE_URL=… npx vitest run --project browser tests/browser/smoke.test.ts`).
 */
let env: BrowserEnv;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

describe(`smoke (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('an expert signs in, sees their organisation and networks, and reads an announcement', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'nl.expert@demo.eucab.eu');
    await expect
      .poll(async () => ((await page.locator('main').textContent()) ?? '').includes('Risk management'))
      .toBe(true);
    await expectAccessible(page, 'smoke-home');
    await page.goto('/announcements');
    await page.waitForURL(/\/registry\/announcement$/);
    await page
      .getByRole('link', { name: /Undervaluation of e-bikes/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /Undervaluation of e-bikes/ }).waitFor();
    expect(await page.locator('main').textContent()).toContain('TLP:GREEN');
    await expectAccessible(page, 'smoke-announcement');
  });
});
