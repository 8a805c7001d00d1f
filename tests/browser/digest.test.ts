import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS } from '../../src/registry/kinds/index.ts';
import { type BrowserEnv, expectAccessible, poll, signIn, startEnv } from './helpers.ts';

/**
 * The e-mail digest as a person meets it: they choose a weekly digest on their notifications
 * page; the digest task runs (with a clock); the e-mail's HTML, opened in the browser, lists new
 * records of three areas by area, without what the person may not read and without the title of
 * a TLP:AMBER record, and passes axe; its unsubscribe link, opened without signing in, asks, and its button turns the
 * digest off, which the notifications page then shows.
 *
 * (A PDF's text found by search for an entitled user only: tests/browser/documents.test.ts.)
 */
let env: BrowserEnv;
const READER = 'fr.expert@demo.eucab.eu';
const AUTHOR = 'nl.expert@demo.eucab.eu';
const ANALYST = 'nl.analyst@demo.eucab.eu';

const example = (kind: string, title: string): Record<string, unknown> => {
  const def = KINDS.find((k) => k.name === kind)!;
  const data = def.example(title.replace(/\W+/g, '-'), () => {
    throw new Error(`${kind}: no references expected`);
  });
  return { ...data, [def.titleField]: title };
};

async function publish(email: string, kind: string, title: string, marking: Record<string, unknown>) {
  const c = await env.t.as(email);
  const res = await c.post(`/api/v1/registry/${kind}`, {
    data: example(kind, title),
    marking,
    publish: true,
  });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  env = await startEnv();
  // the demo data is written when the platform starts: out of the digest's window
  const monthAgo = new Date(Date.now() - 30 * 24 * 3600_000);
  await env.t.rt.db
    .updateTable('registry_records')
    .set({
      updated_at: monthAgo,
      published_at: sql<Date | null>`CASE WHEN published_at IS NULL THEN NULL ELSE ${monthAgo}::timestamptz END`,
    })
    .execute();
});
afterAll(async () => {
  await env?.close();
});

describe('the e-mail digest', () => {
  it('weekly digest of three areas, opened in the browser, axe clean; its unsubscribe link works', async () => {
    const page = await env.page();
    await signIn(page, env.t, READER);
    await page.goto('/notifications');
    await page.getByRole('group', { name: 'E-mail digest' }).waitFor();
    await page.getByRole('radio', { name: 'Weekly' }).check();
    await page.getByText('Digest preference saved.').waitFor();
    await expectAccessible(page, 'digest-preference');
    await poll(
      async () =>
        (
          await env.t.rt.db
            .selectFrom('users')
            .select('digest_frequency')
            .where('email', '=', READER)
            .executeTakeFirstOrThrow()
        ).digest_frequency,
    ).toBe('weekly');

    await publish(AUTHOR, 'equipment_model', 'Weekly green scanner', { distribution: 'eucab', tlp: 'green' });
    await publish(ANALYST, 'goods_measure', 'Weekly clear measure', { distribution: 'eucab', tlp: 'clear' });
    await publish(AUTHOR, 'integrity_initiative', 'Weekly amber initiative', {
      distribution: 'eucab',
      tlp: 'amber',
    });
    await publish(AUTHOR, 'equipment_model', 'Weekly hidden scanner', {
      distribution: 'organisation',
      tlp: 'green',
    });

    // the digest task, run by the scheduler with a clock
    await env.t.rt.db.deleteFrom('scheduled_task_runs').execute();
    expect(await env.t.rt.scheduler.runDue(new Date(Date.now() + 60_000))).toContain('notifications.digest');
    const mail = env.t.mails.find((m) => m.to === READER);
    expect(mail?.html).toBeDefined();

    const inbox = await env.page();
    await inbox.setContent(mail!.html!);
    await inbox.getByRole('heading', { name: 'Your EUCAB Platform digest', level: 1 }).waitFor();
    for (const area of [
      'Procurement: 1 new, 0 updated',
      'Risk management: 1 new, 0 updated',
      'Resilience and integrity: 1 new, 0 updated',
    ])
      await inbox.getByRole('heading', { name: area, level: 3 }).waitFor();
    await inbox.getByText('Weekly green scanner').waitFor();
    await inbox.getByText('Weekly clear measure').waitFor();
    const body = (await inbox.locator('body').textContent()) ?? '';
    expect(body).not.toContain('Weekly amber initiative');
    expect(body).toContain('TLP:AMBER');
    expect(body).not.toContain('Weekly hidden scanner');
    await expectAccessible(inbox, 'digest-email');

    // the unsubscribe link, followed without a session
    await inbox.getByRole('link', { name: 'Stop these e-mails' }).click();
    await inbox.getByRole('heading', { name: 'Stop the EUCAB Platform digest?', level: 1 }).waitFor();
    await expectAccessible(inbox, 'digest-unsubscribe-question');
    await inbox.getByRole('button', { name: 'Stop the digest' }).click();
    await inbox.getByRole('heading', { name: 'You will no longer receive the digest', level: 1 }).waitFor();
    await expectAccessible(inbox, 'digest-unsubscribed');

    await page.goto('/notifications');
    await page.getByRole('group', { name: 'E-mail digest' }).waitFor();
    await poll(() => page.getByRole('radio', { name: 'Off' }).isChecked()).toBe(true);
    const audit = await env.t.rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'notifications.digest_unsubscribed')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
