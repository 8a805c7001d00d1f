import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mail, Mailer } from '../../mail/mailer.ts';
import { KINDS } from '../../registry/kinds/index.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { sendDigests } from './digest.ts';
import { DIGEST_MESSAGES, fill } from './digest-messages.ts';

/**
 * The digest across every area: the registry records new or updated since the last digest that
 * the user may read (through registryRecordPolicy), by area with counts, titles only where the
 * marking allows quoting in e-mail; the one-click unsubscribe link (no sign-in, audited); sent
 * once per user and period even when a run stops half-way.
 */
let t: TestApp;
const READER = 'fr.expert@demo.eucab.eu';
const AUTHOR = 'nl.expert@demo.eucab.eu';
const ANALYST = 'nl.analyst@demo.eucab.eu';
const DAY = 24 * 3600_000;

/** Every record so far out of the digest windows (the demo data is written when the app starts). */
async function backdateAll() {
  const monthAgo = new Date(Date.now() - 30 * DAY);
  await t.rt.db
    .updateTable('registry_records')
    .set({
      updated_at: monthAgo,
      published_at: sql<Date | null>`CASE WHEN published_at IS NULL THEN NULL ELSE ${monthAgo}::timestamptz END`,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  await backdateAll();
  // only the people these tests follow get digests (each run is then quick on a busy machine)
  await t.rt.db
    .updateTable('users')
    .set({ digest_frequency: 'off' })
    .where('email', 'not in', [READER, 'nl.ncp@demo.eucab.eu'])
    .execute();
});
afterAll(async () => t?.close());

const example = (kind: string, title: string): Record<string, unknown> => {
  const def = KINDS.find((k) => k.name === kind)!;
  const data = def.example(title.replace(/\W+/g, '-'), () => {
    throw new Error(`${kind}: no references expected`);
  });
  return { ...data, [def.titleField]: title };
};

async function publish(email: string, kind: string, title: string, marking: Record<string, unknown>) {
  const c = await t.as(email);
  const res = await c.post(`/api/v1/registry/${kind}`, {
    data: example(kind, title),
    marking,
    publish: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const mailsTo = (email: string) => t.mails.filter((m) => m.to === email);
const unsubscribePath = (mail: Mail) => {
  const url = /https?:\/\/\S+\/api\/v1\/notifications\/digest\/unsubscribe\?token=[0-9a-f]{64}/.exec(
    mail.text,
  )?.[0];
  expect(url, mail.text).toBeDefined();
  return new URL(url!).pathname + new URL(url!).search;
};

describe('the digest across every area', () => {
  let digest: Mail;

  it('a weekly digest lists new records of three areas by area with counts, nothing the user may not read, and no TLP:AMBER title', async () => {
    const reader = await t.as(READER);
    expect((await reader.put('/api/v1/notifications/preferences', { digest: 'weekly' })).statusCode).toBe(
      200,
    );
    await t.rt.db.deleteFrom('notifications').execute();
    const green = await publish(AUTHOR, 'equipment_model', 'Digest green scanner', {
      distribution: 'eucab',
      tlp: 'green',
    });
    const amber = await publish(AUTHOR, 'integrity_initiative', 'Digest amber initiative', {
      distribution: 'eucab',
      tlp: 'amber',
    });
    const risk = await publish(ANALYST, 'goods_measure', 'Digest clear measure', {
      distribution: 'eucab',
      tlp: 'clear',
    });
    const hidden = await publish(AUTHOR, 'equipment_model', 'Digest hidden scanner', {
      distribution: 'organisation',
      tlp: 'green',
    });
    const draft = await (await t.as(AUTHOR)).post('/api/v1/registry/equipment_model', {
      data: example('equipment_model', 'Digest draft scanner'),
      marking: { distribution: 'eucab', tlp: 'green' },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    // an older record corrected this week is "updated", not "new"
    const corrected = await publish(AUTHOR, 'equipment_model', 'Digest corrected scanner', {
      distribution: 'eucab',
      tlp: 'green',
    });
    await t.rt.db
      .updateTable('registry_records')
      .set({ published_at: new Date(Date.now() - 30 * DAY) })
      .where('id', '=', corrected)
      .execute();
    await t.rt.outbox.drain();

    const now = new Date();
    await t.rt.db.deleteFrom('scheduled_task_runs').execute();
    expect(await t.rt.scheduler.runDue(now)).toContain('notifications.digest');
    const mails = mailsTo(READER);
    expect(mails).toHaveLength(1);
    digest = mails[0]!;
    const locale = (
      await t.rt.db.selectFrom('users').select('locale').where('email', '=', READER).executeTakeFirstOrThrow()
    ).locale as 'en' | 'fr' | 'de';
    const m = DIGEST_MESSAGES[locale] ?? DIGEST_MESSAGES.en;
    const { text, html, subject } = digest;
    expect(subject).toContain(fill(m.subjectRecordsMany, { n: 4 }));
    expect(text).toContain(fill(m.recordsHeading, { n: 4 }));
    for (const [area, created, updated] of [
      ['procurement', 1, 1],
      ['risk', 1, 0],
      ['resilience', 1, 0],
    ] as const) {
      const line = fill(m.areaCounts, { area: m.areas[area], new: created, updated });
      expect(text).toContain(line);
      expect(html).toContain(`<h3>${line}</h3>`);
    }
    // titles quoted where the marking allows (CLEAR, GREEN); AMBER: marking and link only
    expect(text).toContain('Digest green scanner');
    expect(text).toContain('Digest clear measure');
    expect(text).toContain('Digest corrected scanner');
    expect(text).not.toContain('Digest amber initiative');
    expect(html).not.toContain('Digest amber initiative');
    expect(text).toContain('TLP:AMBER');
    expect(text).toContain(`/registry/integrity_initiative/${amber}`);
    expect(text).toContain(`/registry/equipment_model/${green}`);
    expect(text).toContain(`/registry/goods_measure/${risk}`);
    // nothing the reader may not read: another administration's record, a draft
    for (const leak of ['Digest hidden scanner', hidden, 'Digest draft scanner', draft.json().id]) {
      expect(text).not.toContain(leak);
      expect(html).not.toContain(leak);
    }
    expect(text).toContain(fill(m.footerWeekly, { url: 'http://127.0.0.1:3999/notifications' }));
    expect(digest.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(digest.headers?.['List-Unsubscribe']).toBe(`<http://127.0.0.1:3999${unsubscribePath(digest)}>`);

    // the author's own administration reads the hidden record: its digest lists it
    const authorMail = mailsTo('nl.ncp@demo.eucab.eu');
    expect(authorMail.some((x) => x.text.includes('Digest hidden scanner'))).toBe(true);
  });

  it('the unsubscribe link asks first (a pre-fetch changes nothing), its button works without sign-in, once, audited; RFC 8058 POST too', async () => {
    const anon = t.client();
    const path = unsubscribePath(digest);
    const reader = await t.as(READER);
    const readerId = await t.userId(READER);
    const audit = async () =>
      t.rt.db
        .selectFrom('audit_events')
        .select(['actor_id', 'changes'])
        .where('action', '=', 'notifications.digest_unsubscribed')
        .where('record_id', '=', readerId)
        .execute();
    // opening the link (as a mail scanner does) only asks
    const asked = await anon.get(path);
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.headers['content-type']).toContain('text/html');
    expect(asked.body).toContain(READER);
    expect(asked.body).toContain('name="List-Unsubscribe" value="One-Click"');
    expect((await reader.get('/api/v1/notifications/preferences')).json().digest).toBe('weekly');
    expect(await audit()).toHaveLength(0);
    // the page's button: a form post from the browser, without a session
    const res = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('You will no longer receive the digest');
    expect((await reader.get('/api/v1/notifications/preferences')).json().digest).toBe('off');
    expect(await audit()).toEqual([
      {
        actor_id: readerId,
        changes: { digest_frequency: { before: 'weekly', after: 'off' }, via: 'unsubscribe link' },
      },
    ]);
    // again: the link says it is off; nothing changes, nothing more is audited
    const again = await anon.get(path);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('You will no longer receive the digest');
    expect(await audit()).toHaveLength(1);

    // the one-click POST of mail programs (no cookie, no CSRF token)
    expect((await reader.put('/api/v1/notifications/preferences', { digest: 'daily' })).statusCode).toBe(200);
    const post = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(post.statusCode, post.body).toBe(200);
    expect(post.json()).toEqual({ digest: 'off', changed: true });
    expect(await audit()).toHaveLength(2);
    const wrongBody = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'something=else',
    });
    expect(wrongBody.statusCode).toBe(400);

    // a link no digest carried: 404 with a sentence; not a link at all: 400
    const unknown = await anon.get(`/api/v1/notifications/digest/unsubscribe?token=${'0'.repeat(64)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toContain('unsubscribe link');
    expect((await anon.get('/api/v1/notifications/digest/unsubscribe?token=nope')).statusCode).toBe(400);
  });

  it('a run that stops half-way sends nobody a second copy; the lost digest is covered by the next period', async () => {
    const people = ['de.expert@demo.eucab.eu', 'pt.expert@demo.eucab.eu', 'fr.analyst@demo.eucab.eu'];
    await t.rt.db.updateTable('users').set({ digest_frequency: 'off' }).execute();
    await t.rt.db
      .updateTable('users')
      .set({ digest_frequency: 'daily', digest_sent_at: null })
      .where('email', 'in', people)
      .execute();
    // the first test's run claimed today's daily digests: start these three afresh
    const ids = await Promise.all(people.map((p) => t.userId(p)));
    await t.rt.db.deleteFrom('digest_claims').where('user_id', 'in', ids).execute();
    await backdateAll();
    await t.rt.db.deleteFrom('notifications').execute();
    await publish(AUTHOR, 'equipment_model', 'Digest crash scanner', { distribution: 'eucab', tlp: 'green' });
    await t.rt.outbox.drain();
    await t.rt.db.deleteFrom('notifications').execute();

    const now = new Date();
    const publicUrl = 'https://platform.example.eu';
    const handedOver: Mail[] = [];
    // the process "dies" while handing the second e-mail to the mail server (after its claim)
    const crashing: Mailer = {
      async send(mail) {
        if (handedOver.length === 1) throw new Error('crash: the process stopped');
        handedOver.push(mail);
      },
    };
    await expect(sendDigests({ db: t.rt.db, mailer: crashing, publicUrl }, now)).rejects.toThrow('crash');
    expect(handedOver).toHaveLength(1);
    const claims = await t.rt.db
      .selectFrom('digest_claims')
      .select('user_id')
      .where('user_id', 'in', ids)
      .execute();
    expect(claims).toHaveLength(2);

    // the restart: the rest go, nobody gets a second copy, the crashed one is not sent this period
    const collect = (into: Mail[]): Mailer => ({ send: async (mail) => void into.push(mail) });
    const restart: Mail[] = [];
    await sendDigests({ db: t.rt.db, mailer: collect(restart), publicUrl }, new Date(now.getTime() + 60_000));
    expect(restart).toHaveLength(1);
    const all = [...handedOver, ...restart].map((x) => x.to);
    expect(new Set(all).size).toBe(2);
    const lost = people.find((p) => !all.includes(p))!;
    const again: Mail[] = [];
    await sendDigests({ db: t.rt.db, mailer: collect(again), publicUrl }, new Date(now.getTime() + 3600_000));
    expect(again).toHaveLength(0);

    // the next day: the lost digest's records come with the next one; the others have nothing new
    const nextDay: Mail[] = [];
    await sendDigests({ db: t.rt.db, mailer: collect(nextDay), publicUrl }, new Date(now.getTime() + DAY));
    expect(nextDay.map((x) => x.to)).toEqual([lost]);
    expect(nextDay[0]!.text).toContain('Digest crash scanner');
  });
});
