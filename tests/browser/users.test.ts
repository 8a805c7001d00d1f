import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, expectAccessible, poll, signIn, startEnv } from './helpers.ts';

let env: BrowserEnv;

beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

const db = () => env.t.rt.db;

describe('user management by an NCP', () => {
  it('creates a user, grants and revokes a role, disables and enables the user', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'at.ncp@demo.eucab.eu');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByText('People of Austria').waitFor();

    // A field error from the API is shown next to the field.
    await page.getByLabel('E-mail address').fill('not-an-address');
    await page.getByLabel('Name', { exact: true }).fill('Anna Beispiel');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.locator('.field-invalid').first().waitFor();
    await expectAccessible(page, 'users-create-error');

    await page.getByLabel('E-mail address').fill('anna.beispiel@bmf.example.at');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('status').filter({ hasText: 'anna.beispiel@bmf.example.at was created' }).waitFor();
    await page.getByRole('link', { name: 'Anna Beispiel' }).waitFor();
    const created = await db()
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'anna.beispiel@bmf.example.at')
      .executeTakeFirstOrThrow();
    expect(created.status).toBe('active');

    // Roles: the NCP grants what the API says they may grant.
    await page.getByRole('link', { name: 'Anna Beispiel' }).click();
    await page.getByRole('heading', { name: 'Anna Beispiel', level: 1 }).waitFor();
    await expectAccessible(page, 'user-detail');
    await page.getByRole('button', { name: 'Grant Risk analyst' }).click();
    await page.getByRole('button', { name: 'Revoke Risk analyst' }).waitFor();
    const roles = async () =>
      (await db().selectFrom('role_grants').select('role').where('user_id', '=', created.id).execute()).map(
        (r) => r.role,
      );
    expect(await roles()).toEqual(['risk_analyst']);
    // An NCP cannot make someone else an NCP: no such button.
    expect(await page.getByRole('button', { name: 'Grant National contact point' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Grant NCP deputy' }).click();
    await page.getByRole('button', { name: 'Revoke NCP deputy' }).waitFor();
    await page.getByRole('button', { name: 'Revoke NCP deputy' }).click();
    await page.getByRole('button', { name: 'Grant NCP deputy' }).waitFor();
    expect(await roles()).toEqual(['risk_analyst']);

    await page.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('button', { name: 'Enable' }).waitFor();
    // Erasing personal data is for platform administrators: the NCP is not offered it.
    expect(await page.getByRole('button', { name: 'Erase personal data' }).count()).toBe(0);
    expect(
      (await db().selectFrom('users').select('status').where('id', '=', created.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('disabled');
    await page.getByRole('link', { name: 'Users' }).first().click();
    await page.getByRole('button', { name: 'Enable Anna Beispiel' }).click();
    await page.getByRole('button', { name: 'Disable Anna Beispiel' }).waitFor();
    expect(
      (await db().selectFrom('users').select('status').where('id', '=', created.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('active');

    // A user locked out after failed sign-ins is unlocked by the NCP.
    await db()
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() + 3_600_000), failed_logins: 10 })
      .where('email', '=', 'at.analyst@demo.eucab.eu')
      .execute();
    await page.reload();
    await page.getByRole('button', { name: 'Unlock AT Risk Analyst' }).click();
    await page.getByRole('status').filter({ hasText: 'AT Risk Analyst was unlocked' }).waitFor();
    const lockedUntil = async () =>
      (
        await db()
          .selectFrom('users')
          .select('locked_until')
          .where('email', '=', 'at.analyst@demo.eucab.eu')
          .executeTakeFirstOrThrow()
      ).locked_until;
    await poll(lockedUntil).toBeNull();
  });

  it('imports users from CSV: a bad row is reported by line and column, a good file is imported', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'at.ncp@demo.eucab.eu');
    await page.goto('/users');
    await page.getByRole('link', { name: 'Import from CSV' }).click();
    await page.getByRole('heading', { name: 'Import users from a CSV file', level: 1 }).waitFor();
    await expectAccessible(page, 'import-choose');

    const bad =
      'email,display_name,locale,roles\nklaus.a@bmf.example.at,Klaus A,de,risk_analyst\nnot-an-email,Klaus B,de,\n';
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'users-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'Check of users-bad.csv' }).waitFor();
    expect(await page.getByTestId('problems').textContent()).toBe('1');
    const row = page.getByRole('row').filter({ hasText: 'not-an-email' });
    expect(await row.getByRole('cell').nth(0).textContent()).toBe('3');
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('email');
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    await expectAccessible(page, 'import-report-errors');

    await page.getByRole('button', { name: 'Choose a corrected file' }).click();
    const good =
      'email,display_name,locale,roles\nklaus.a@bmf.example.at,Klaus A,de,risk_analyst\nklaus.b@bmf.example.at,Klaus B,fr,\nat.expert@demo.eucab.eu,AT Expert (renamed),de,\n';
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'users-good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'Check of users-good.csv' }).waitFor();
    expect(await page.getByTestId('would-insert').textContent()).toBe('2');
    expect(await page.getByTestId('would-update').textContent()).toBe('1');
    expect(await page.getByTestId('problems').textContent()).toBe('0');
    await expectAccessible(page, 'import-report-ok');
    await page.getByRole('button', { name: 'Import 3 users' }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    await page.getByText('2 users created, 1 updated.').waitFor();
    await expectAccessible(page, 'import-done');
    // The job id is in the URL: a reload shows the import's outcome again.
    await page.reload();
    await page.getByText('2 users created, 1 updated.').waitFor();

    const imported = await db()
      .selectFrom('users')
      .select(['email', 'display_name', 'locale'])
      .where('email', 'in', ['klaus.a@bmf.example.at', 'klaus.b@bmf.example.at'])
      .orderBy('email')
      .execute();
    expect(imported.map((u) => u.locale)).toEqual(['de', 'fr']);
    await page.getByRole('link', { name: 'Back to users' }).click();
    await page.getByRole('link', { name: 'Klaus B' }).waitFor();
  });
});
