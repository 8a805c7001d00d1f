import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, expectAccessible, signIn, startEnv } from './helpers.ts';

let env: BrowserEnv;
const ids = { amber: '', red: '' };

beforeAll(async () => {
  env = await startEnv();
  const rows = await env.t.rt.db
    .selectFrom('registry_records')
    .select(['id', 'title', 'tlp'])
    .where('kind', '=', 'announcement')
    .execute();
  const find = (part: string) => rows.find((r) => r.title.includes(part))!.id;
  ids.amber = find('Concealment method in refrigerated containers');
  ids.red = find('Ongoing operation');
});
afterAll(async () => {
  await env?.close();
});

describe('access in the browser', () => {
  it('a user of another administration outside the network cannot open an AMBER announcement, nor a RED one', async () => {
    const page = await env.page();
    // bg.expert is in the resilience-integrity and third-countries networks, not in risk management.
    await signIn(page, env.t, 'bg.expert@demo.eucab.eu');
    await page.goto(`/registry/announcement/${ids.amber}`);
    await page.getByRole('heading', { name: 'Not available', level: 1 }).waitFor();
    await page.getByText('not found or you are not allowed to see it').waitFor();
    expect(await page.getByText('Concealment method').count()).toBe(0);
    await expectAccessible(page, 'announcement-denied');
    // The former address leads to the registry's page, with the same answer.
    await page.goto(`/announcements/${ids.red}`);
    await page.waitForURL(`**/registry/announcement/${ids.red}`);
    await page.getByRole('heading', { name: 'Not available', level: 1 }).waitFor();
    // Nor does the list or the search give it away.
    await page.goto('/registry/announcement?q=Concealment');
    await page.getByText('0 records').waitFor();
  });

  it('the observer opening a page their role does not allow is told so (issue 21, item 6), not "not found"', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'observer@demo.eucab.eu');
    for (const path of ['/risk', '/registry/equipment_model/new', '/registry/equipment_model/import']) {
      await page.goto(path);
      await page.getByRole('heading', { name: 'Not allowed for your role', level: 1 }).waitFor();
      await page.getByText('Your role does not allow this page').waitFor();
      expect(await page.getByText('not found or you are not allowed').count(), path).toBe(0);
    }
    await expectAccessible(page, 'role-not-allowed');
    await page.goto('/registry/equipment_model/00000000-0000-4000-8000-000000000000/edit');
    await page.getByRole('heading', { name: 'Not available', level: 1 }).waitFor();
  });

  it('a named recipient reads the RED announcement, with its marking and recipients', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'be.expert@demo.eucab.eu');
    await page.goto(`/registry/announcement/${ids.red}`);
    await page.getByRole('heading', { name: /Ongoing operation/, level: 1 }).waitFor();
    await page.locator('.marking-banner').getByText('TLP:RED').waitFor();
    await page.getByText('For the eyes and ears of the named recipients only').first().waitFor();
    await page.getByText('BE Expert (BE)').waitFor();
    await expectAccessible(page, 'announcement-red');
  });

  it('the Commission observer reads but sees no action that changes anything', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'observer@demo.eucab.eu');
    await page.getByText('Your organisation has read-only access').waitFor();
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).count(),
    ).toBe(0);
    await page.goto(`/registry/announcement/${ids.amber}`);
    await page.getByRole('heading', { name: /Concealment method/, level: 1 }).waitFor();
    await page.locator('.marking-banner').getByText('TLP:AMBER').waitFor();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    for (const name of ['Correct', 'Retract', 'Attach']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
      expect(await page.getByRole('link', { name, exact: true }).count(), name).toBe(0);
    }
    expect(await page.getByText('Change sharing').count()).toBe(0);
    expect(await page.getByLabel('File to attach').count()).toBe(0);
    await expectAccessible(page, 'announcement-observer');

    await page.getByRole('link', { name: 'Risk management' }).first().click();
    await page.getByRole('heading', { name: 'Risk management', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Announcements of this network' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Post an announcement' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Join this network' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Nominate a member' }).count()).toBe(0);
    await expectAccessible(page, 'network-observer');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Memberships' }).click();
    await page.getByRole('heading', { name: 'Memberships', level: 1 }).waitFor();
    // (The API lets a read-only user withdraw from their own memberships; nothing else.)
    for (const name of ['Endorse', 'Approve', 'Reject']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
  });

  it('the author corrects, shares, attaches and retracts; posts a RED announcement to a named recipient', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'nl.expert@demo.eucab.eu');
    await page.goto(`/registry/announcement/${ids.amber}`);
    await page.getByRole('link', { name: 'Correct' }).click();
    await page.getByLabel(/^Title/).fill('[Demo] Concealment method in reefer containers');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('heading', { name: '[Demo] Concealment method in reefer containers', level: 1 })
      .waitFor();
    // The correction is a new version in the record's history.
    await page.locator('.history-list').getByText('Version 2').waitFor();

    await page.getByText('Change sharing').click();
    await expectAccessible(page, 'share-editor');
    await page.getByLabel(/TLP:GREEN/).check();
    await page.getByLabel('Distribution').selectOption('eucab');
    await page.getByRole('button', { name: 'Save sharing' }).click();
    await page.locator('.marking-banner').getByText('TLP:GREEN').waitFor();
    const row = await env.t.rt.db
      .selectFrom('registry_records')
      .select(['tlp', 'distribution'])
      .where('id', '=', ids.amber)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ tlp: 'green', distribution: 'eucab' });

    // Post a TLP:RED announcement naming one recipient.
    await page.goto('/networks');
    await page.getByRole('link', { name: 'Risk management' }).click();
    await page.getByRole('heading', { name: 'Post an announcement' }).waitFor();
    await page.getByLabel('Title').fill('Controlled delivery next week');
    await page.getByLabel('Text', { exact: true }).fill('Details for the named recipients only.');
    await page.getByLabel(/TLP:RED/).check();
    await page.getByLabel('Find people by name or exact e-mail').fill('BE Exp');
    await page.getByRole('button', { name: 'Add BE Expert (BE)' }).click();
    await page.getByRole('list', { name: 'Chosen recipients' }).getByText('BE Expert (BE)').waitFor();
    await expectAccessible(page, 'post-form-red');
    await page.getByRole('button', { name: 'Post announcement' }).click();
    await page.getByRole('heading', { name: 'Controlled delivery next week', level: 1 }).waitFor();
    await page.locator('.marking-banner').getByText('TLP:RED').waitFor();
    await page.getByText('BE Expert (BE)').waitFor();

    await page
      .getByLabel('File to attach')
      .setInputFiles({ name: 'route.txt', mimeType: 'text/plain', buffer: Buffer.from('Route details\n') });
    await page.getByRole('button', { name: 'Attach', exact: true }).click();
    await page.getByRole('link', { name: 'route.txt' }).waitFor();
    await expectAccessible(page, 'announcement-author');

    // The named recipient is notified (without the RED title) and marks it read.
    await env.t.rt.outbox.drain();
    const reader = await env.page();
    await signIn(reader, env.t, 'be.expert@demo.eucab.eu');
    await reader.getByRole('link', { name: /Notifications 1 unread/ }).click();
    await reader.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    const item = reader.getByRole('listitem').filter({ hasText: 'New' });
    await item.first().waitFor();
    expect(await item.first().textContent()).not.toContain('Controlled delivery');
    await expectAccessible(reader, 'notifications-unread');
    await reader.getByRole('button', { name: 'Mark as read' }).first().click();
    await reader.getByRole('link', { name: 'Notifications', exact: true }).waitFor();

    // Retraction is a status with its reason, shown on the record.
    await page.getByRole('button', { name: 'Retract', exact: true }).click();
    await page.getByLabel('Why is the record retracted?').fill('The delivery was cancelled.');
    await page.getByRole('button', { name: 'Retract the record' }).click();
    await page.getByText('Retracted: The delivery was cancelled.').waitFor();
    expect(
      await env.t.rt.db
        .selectFrom('registry_records')
        .select(['status', 'status_note'])
        .where('title', '=', 'Controlled delivery next week')
        .execute(),
    ).toEqual([{ status: 'retracted', status_note: 'The delivery was cancelled.' }]);
  });
});
