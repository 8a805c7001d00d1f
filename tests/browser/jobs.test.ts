import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../src/auth/actor-loader.ts';
import { enqueueJob } from '../../src/jobs/index.ts';
import { type BrowserEnv, expectAccessible, signIn, startEnv } from './helpers.ts';

let env: BrowserEnv;

beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('my jobs', () => {
  it('lists my jobs; a failed import shows its problems by line and column with a CSV of all of them', async () => {
    const db = env.t.rt.db;
    const ncp = (await loadActor(db, await env.t.userId('at.ncp@demo.eucab.eu'), null))!;
    const at = await db
      .selectFrom('organisations')
      .select('id')
      .where('code', '=', 'AT')
      .executeTakeFirstOrThrow();
    // A file with problems stored as a job (the import page refuses it before; a job re-checks it).
    const { id } = await enqueueJob(env.t.rt, ncp, {
      kind: 'users.import',
      data: { organisationId: at.id },
      file: {
        name: 'people.csv',
        bytes: Buffer.from('email,display_name\nnot-an-email,Someone\n=cmd,Other\n'),
        contentType: 'text/csv',
      },
    });
    expect((await env.t.waitForJob(id)).state).toBe('failed');
    await env.t.rt.outbox.drain();

    const page = await env.page();
    await signIn(page, env.t, 'at.ncp@demo.eucab.eu');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My jobs' }).click();
    await page.getByRole('heading', { name: 'My jobs', level: 1 }).waitFor();
    // The heading shows before the list has loaded: wait for the row itself.
    const row = page.getByRole('row').filter({ hasText: 'people.csv' });
    await row.waitFor();
    expect(await row.getByText('Failed').count()).toBe(1);
    await expectAccessible(page, 'jobs-list');

    await row.getByRole('link', { name: 'User import' }).click();
    await page.getByRole('heading', { name: 'User import', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Problems found (line, column, reason)' }).waitFor();
    const bad = page.getByRole('row').filter({ hasText: 'not-an-email' });
    expect(await bad.getByRole('cell').nth(0).textContent()).toBe('2');
    expect(await bad.getByRole('cell').nth(1).textContent()).toBe('email');
    const link = page.getByRole('link', { name: 'Download all problems (CSV)' });
    expect(await link.getAttribute('href')).toBe(`/api/v1/jobs/${id}/errors.csv`);
    expect(await page.getByRole('button', { name: 'Cancel job' }).count()).toBe(0);
    await expectAccessible(page, 'job-failed');

    // The starter was notified; the notification leads to the job.
    await page.goto('/notifications');
    await page.getByRole('link', { name: 'Job failed: people.csv' }).click();
    await page.getByRole('heading', { name: 'User import', level: 1 }).waitFor();
  });
});
