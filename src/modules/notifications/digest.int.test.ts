import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

/**
 * The e-mail digest, its notifications part (the records part: digest-areas.int.test.ts): due once
 * a day (or week) per user, lists the unread notifications the user may still read, quotes a title only where the record's current marking allows quoting in
 * e-mail (TLP_RULES.quoteInEmail: CLEAR and GREEN), in the user's language.
 */
let t: TestApp;
const READER = 'fr.expert@demo.eucab.eu';
const AUTHOR = 'nl.expert@demo.eucab.eu';

/** Moves records out of every digest's window: these tests are about the notifications part. */
async function backdate(id?: string) {
  const monthAgo = new Date(Date.now() - 30 * 24 * 3600_000);
  await t.rt.db
    .updateTable('registry_records')
    .set({
      updated_at: monthAgo,
      published_at: sql<Date | null>`CASE WHEN published_at IS NULL THEN NULL ELSE ${monthAgo}::timestamptz END`,
    })
    .$if(!!id, (q) => q.where('id', '=', id!))
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  await backdate();
  // only the people these tests follow get digests (each run is then quick on a busy machine)
  await t.rt.db
    .updateTable('users')
    .set({ digest_frequency: 'off' })
    .where('email', 'not in', [READER, 'de.expert@demo.eucab.eu', 'pt.expert@demo.eucab.eu'])
    .execute();
});
afterAll(async () => t?.close());

async function record(title: string, marking: Record<string, unknown>): Promise<string> {
  const author = await t.as(AUTHOR);
  const res = await author.post('/api/v1/registry/equipment_model', {
    data: { manufacturer: 'Digest', model: title, category: 'nii', technology: 'xray_high' },
    marking,
    publish: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  // the publication notifies the network's members; the tests write their own notifications
  await t.rt.outbox.drain();
  await t.rt.db.deleteFrom('notifications').execute();
  await backdate(res.json().id);
  return res.json().id;
}

async function notify(email: string, recordId: string | null, kind: string, summary: string, at: Date) {
  await t.rt.db
    .insertInto('notifications')
    .values({
      user_id: await t.userId(email),
      kind,
      record_kind: recordId ? 'equipment_model' : null,
      record_id: recordId,
      summary,
      created_at: at,
    })
    .execute();
}

const mailsTo = (email: string) => t.mails.filter((m) => m.to === email);

describe('the notification digest', () => {
  it('quotes CLEAR/GREEN titles, withholds AMBER and RED ones, leaves out what the reader may no longer read', async () => {
    const readerId = await t.userId(READER);
    const green = await record('Green scanner', { distribution: 'eucab', tlp: 'green' });
    const amber = await record('Amber scanner', { distribution: 'eucab', tlp: 'amber' });
    const red = await record('Red scanner', { distribution: 'eucab', tlp: 'red', recipientIds: [readerId] });
    const hidden = await record('Hidden scanner', { distribution: 'organisation', tlp: 'green' });
    const readAlready = await record('Read scanner', { distribution: 'eucab', tlp: 'clear' });
    const now = new Date();
    const hourAgo = new Date(now.getTime() - 3600_000);
    await notify(READER, green, 'equipment_model.published', 'Green scanner', hourAgo);
    await notify(READER, amber, 'equipment_model.published', 'Amber scanner', hourAgo);
    await notify(READER, red, 'equipment_model.published', '', hourAgo);
    await notify(READER, hidden, 'equipment_model.published', 'Hidden scanner', hourAgo);
    await notify(READER, readAlready, 'equipment_model.published', 'Read scanner', hourAgo);
    await t.rt.db
      .updateTable('notifications')
      .set({ read_at: now })
      .where('record_id', '=', readAlready)
      .execute();

    const ran = await t.rt.scheduler.runDue(now);
    expect(ran).toContain('notifications.digest');
    const run = await t.rt.db
      .selectFrom('scheduled_task_runs')
      .selectAll()
      .where('name', '=', 'notifications.digest')
      .executeTakeFirst();
    expect(run?.last_status, run?.last_message ?? '').toBe('succeeded');
    const mails = mailsTo(READER);
    expect(mails).toHaveLength(1);
    const { subject, text } = mails[0]!;
    // fr.expert reads French: the demo user's locale decides the language
    const locale = (
      await t.rt.db.selectFrom('users').select('locale').where('id', '=', readerId).executeTakeFirstOrThrow()
    ).locale;
    expect(subject).toContain(locale === 'fr' ? 'nouvelles notifications' : 'new notifications');
    expect(subject).toContain('3');
    expect(text).toContain('Green scanner');
    expect(text).not.toContain('Amber scanner');
    expect(text).not.toContain('Red scanner');
    expect(text).not.toContain('Hidden scanner');
    expect(text).not.toContain('Read scanner');
    expect(text).toContain('TLP:AMBER');
    expect(text).toContain('TLP:RED');
    expect(text).toContain(`http://127.0.0.1:3999/registry/equipment_model/${amber}`);
    expect(text).not.toContain(hidden);

    // not due again within the day
    await notify(
      READER,
      green,
      'equipment_model.corrected',
      'Green scanner',
      new Date(now.getTime() + 60_000),
    );
    await t.rt.db.deleteFrom('scheduled_task_runs').execute();
    await t.rt.scheduler.runDue(new Date(now.getTime() + 2 * 3600_000));
    expect(mailsTo(READER)).toHaveLength(1);
    // the next day: only what came since the last digest
    await t.rt.db.deleteFrom('scheduled_task_runs').execute();
    await t.rt.scheduler.runDue(new Date(now.getTime() + 24 * 3600_000));
    const next = mailsTo(READER);
    expect(next).toHaveLength(2);
    expect(next[1]!.subject).toContain('1');
    expect(next[1]!.text).toContain('Green scanner');
    expect(next[1]!.text).not.toContain('TLP:AMBER');
  });

  it('a record narrowed after the notification is left out; nothing new sends no e-mail', async () => {
    const email = 'de.expert@demo.eucab.eu';
    const id = await record('Narrowed scanner', { distribution: 'eucab', tlp: 'green' });
    await notify(email, id, 'equipment_model.published', 'Narrowed scanner', new Date(Date.now() - 60_000));
    const author = await t.as(AUTHOR);
    const share = await author.post(`/api/v1/registry/equipment_model/${id}/share`, {
      distribution: 'organisation',
      tlp: 'green',
    });
    expect(share.statusCode, share.body).toBe(200);
    await t.rt.db.deleteFrom('scheduled_task_runs').execute();
    await t.rt.scheduler.runDue(new Date());
    expect(mailsTo(email)).toHaveLength(0);
  });

  it('each user chooses off, daily or weekly; the change is audited; the ladder holds', async () => {
    const email = 'pt.expert@demo.eucab.eu';
    expect((await t.client().get('/api/v1/notifications/preferences')).statusCode).toBe(401);
    const c = await t.as(email);
    expect((await c.get('/api/v1/notifications/preferences')).json().digest).toBe('daily');
    const bad = await c.put('/api/v1/notifications/preferences', { digest: 'hourly' });
    expect(bad.statusCode).toBe(400);
    expect((await c.get('/api/v1/notifications/preferences')).json().digest).toBe('daily');
    const key = (
      await c.post('/api/v1/account/api-keys', { name: 'read only', scopes: ['read'], expiresInDays: 1 })
    ).json().key as string;
    const withKey = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ digest: 'off' }),
    });
    expect(withKey.statusCode).toBe(403);
    const off = await c.put('/api/v1/notifications/preferences', { digest: 'off' });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().digest).toBe('off');
    const audit = await t.rt.db
      .selectFrom('audit_events')
      .select(['changes'])
      .where('action', '=', 'notifications.digest_changed')
      .where('record_id', '=', await t.userId(email))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changes).toEqual({ digest_frequency: { before: 'daily', after: 'off' } });

    await notify(email, null, 'job.failed', 'import.csv', new Date(Date.now() - 60_000));
    await t.rt.db.deleteFrom('scheduled_task_runs').execute();
    await t.rt.scheduler.runDue(new Date());
    expect(mailsTo(email)).toHaveLength(0);

    expect((await c.put('/api/v1/notifications/preferences', { digest: 'weekly' })).statusCode).toBe(200);
    await t.rt.db.deleteFrom('scheduled_task_runs').execute();
    const now = new Date();
    await t.rt.scheduler.runDue(now);
    expect(mailsTo(email)).toHaveLength(1);
    expect(mailsTo(email)[0]!.text).toContain('import.csv');
    await notify(email, null, 'job.succeeded', 'second.csv', new Date(now.getTime() + 60_000));
    await t.rt.db.deleteFrom('scheduled_task_runs').execute();
    await t.rt.scheduler.runDue(new Date(now.getTime() + 3 * 24 * 3600_000));
    expect(mailsTo(email)).toHaveLength(1);
    await t.rt.db.deleteFrom('scheduled_task_runs').execute();
    await t.rt.scheduler.runDue(new Date(now.getTime() + 7 * 24 * 3600_000));
    expect(mailsTo(email)).toHaveLength(2);
  });
});
