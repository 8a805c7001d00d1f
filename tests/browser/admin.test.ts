import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, expectAccessible, poll, signIn, startEnv } from './helpers.ts';

let env: BrowserEnv;

beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('platform administration', () => {
  it('creates an organisation and reads the audit trail with values hidden where the record is unreadable', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'admin@demo.eucab.eu');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisations' }).click();
    await page.getByRole('heading', { name: 'Create an organisation' }).waitFor();
    await page.getByLabel('Code', { exact: true }).fill('EUCAB-LAB');
    await page.getByLabel('Type', { exact: true }).selectOption('eucab_unit');
    await page.getByLabel('Name', { exact: true }).fill('EUCAB Innovation Lab');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByRole('status').filter({ hasText: 'EUCAB Innovation Lab was created' }).waitFor();
    await page.getByRole('link', { name: 'EUCAB Innovation Lab' }).click();
    await page.getByRole('heading', { name: 'EUCAB Innovation Lab', level: 1 }).waitFor();
    await expectAccessible(page, 'organisation-detail');
    const org = await env.t.rt.db
      .selectFrom('organisations')
      .select('type')
      .where('code', '=', 'EUCAB-LAB')
      .executeTakeFirstOrThrow();
    expect(org.type).toBe('eucab_unit');

    // Sharing groups of organisations.
    await page.getByRole('link', { name: 'Organisations' }).first().click();
    await page.getByRole('link', { name: 'Sharing groups' }).click();
    await page.getByRole('heading', { name: 'Baltic Sea customs group (demo)' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Alpine customs group');
    await page.getByLabel('AT — Austria', { exact: false }).check();
    await page.getByLabel('SI — Slovenia', { exact: false }).check();
    await page.getByRole('button', { name: 'Create sharing group' }).click();
    await page.getByRole('heading', { name: 'Alpine customs group' }).waitFor();
    await expectAccessible(page, 'sharing-groups');

    // The scheduled tasks of the modules, with their last run (the purge has run once).
    await env.t.rt.scheduler.runDue();
    await page.getByRole('link', { name: 'Organisations' }).first().click();
    await page.getByRole('link', { name: 'Scheduled tasks' }).click();
    await page.getByRole('heading', { name: 'Scheduled tasks', level: 1 }).waitFor();
    const purge = page.getByRole('row', { name: /auth\.purge-expired/ });
    await purge.getByText('Succeeded').waitFor();
    await purge.getByText(/sessions, \d+ reset links/).waitFor();
    await expectAccessible(page, 'scheduled-tasks');

    // The audit trail: an announcement the administrator may not read shows "values hidden".
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
    await page.getByLabel('Kind of record').selectOption('announcement');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('cell', { name: 'values hidden' }).first().waitFor();
    await page
      .getByRole('cell', { name: / added a record \(Announcement\)/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'audit-admin');
    await page.getByLabel('Kind of record').selectOption('organisation');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page
      .getByRole('cell', { name: /Demo Platform Administrator created the organisation/ })
      .first()
      .waitFor();

    // Users of every organisation, and appointing coordinators, are the administrator's.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByText('People of all organisations.').waitFor();
    await expectAccessible(page, 'users-admin');
    await page.goto('/networks');
    // The network's link in the list (the main navigation also leads to the innovation area).
    await page.getByRole('main').getByRole('link', { name: 'Innovation', exact: true }).click();
    await page.getByRole('heading', { name: 'Appoint a member' }).waitFor();
    await expectAccessible(page, 'network-admin');
  });

  it('sorts, filters, pages and exports the announcements (the registry list of the kind)', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'nl.expert@demo.eucab.eu');
    // The former address leads to the registry's list.
    await page.goto('/announcements');
    await page.waitForURL(/\/registry\/announcement$/);
    await page.getByRole('heading', { name: 'Announcements', level: 1 }).waitFor();
    await page.getByText('7 records').waitFor();
    const titleHeader = page.getByRole('columnheader', { name: /Title/ });
    await titleHeader.getByRole('button').click();
    await page.waitForURL(/sort=title/);
    await poll(() => titleHeader.getAttribute('aria-sort')).toBe('ascending');
    await page
      .locator('tbody tr')
      .first()
      .getByRole('link', { name: /Concealment/ })
      .waitFor();

    // The network filter, with counts from the API.
    await page.getByRole('combobox', { name: 'Network', exact: true }).selectOption('risk-management');
    await page.waitForURL(/network=risk-management/);
    await page.getByText('5 records').waitFor();
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await page.getByLabel('Search this registry').fill('e-bikes');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('1 record', { exact: true }).waitFor();
    await expectAccessible(page, 'announcements-filtered');

    const csvHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(csvHref).toContain('format=csv');
    expect(csvHref).toContain('q=e-bikes');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray();
    expect(Buffer.concat(text).toString('utf8')).toContain('TLP:GREEN');
  });
});
