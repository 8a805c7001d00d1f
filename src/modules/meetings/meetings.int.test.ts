import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icalendarMissing, parseIcs } from '../../testing/ical-parser.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { actionPointReminders } from './action-point-reminders.ts';

/**
 * Meetings: answers to invitations (RSVP), action-point reminders, meetings and action points in
 * the calendar and on the home page, and the ICS subscription feed (parsed by python3-icalendar).
 */
let t: TestApp;
let nl: TestClient; // author: expert of NL, coordinator of the risk-management network
let de: TestClient; // DE analyst: a member of the risk-management network
let fr: TestClient; // FR expert: not a member of the risk-management network
const ids: Record<string, string> = {};

/** A day from today (UTC) as YYYY-MM-DD: the feed reaches a month back and eleven months ahead. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offset: number, time: string) => `${day(offset)}T${time}:00Z`;
/** The local date-time of an instant in a zone, as iCalendar writes it (20310310T093000). */
const local = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' })
    .format(new Date(instant))
    .replace(/[-:]/g, '')
    .replace(' ', 'T');
const range = `/api/v1/calendar?from=${day(0)}&to=${day(60)}`;

const meeting = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  body: 'network_risk_management',
  starts_at: at(20, '08:30'),
  ends_at: at(20, '12:00'),
  time_zone: 'Europe/Brussels',
  location: 'Brussels',
  agenda: '1. Risk profiles',
  ...extra,
});

async function created(res: Awaited<ReturnType<TestClient['post']>>): Promise<string> {
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  nl = await t.as('nl.expert@demo.eucab.eu');
  de = await t.as('de.analyst@demo.eucab.eu');
  fr = await t.as('fr.expert@demo.eucab.eu');
  const risk = await t.rt.db
    .selectFrom('networks')
    .select('id')
    .where('code', '=', 'risk-management')
    .executeTakeFirstOrThrow();
  ids.network = await created(
    await nl.post('/api/v1/registry/meeting', {
      data: meeting('Risk network plenary', { participants: [await t.userId('de.analyst@demo.eucab.eu')] }),
      marking: { distribution: 'network', distributionNetworkId: risk.id, tlp: 'green' },
      publish: true,
    }),
  );
  ids.amber = await created(
    await nl.post('/api/v1/registry/meeting', {
      data: meeting('Targeting centre staffing', {
        body: 'management_board',
        starts_at: at(22, '13:00'),
        ends_at: at(22, '15:00'),
        time_zone: 'Europe/Lisbon',
      }),
      marking: { distribution: 'eucab', tlp: 'amber' },
      publish: true,
    }),
  );
  ids.green = await created(
    await nl.post('/api/v1/registry/meeting', {
      data: meeting('Management Board, March', {
        body: 'management_board',
        starts_at: at(30, '09:00'),
        ends_at: at(30, '16:00'),
      }),
      marking: { distribution: 'eucab', tlp: 'green' },
      publish: true,
    }),
  );
  ids.orgOnly = await created(
    await nl.post('/api/v1/registry/meeting', {
      data: meeting('NL internal preparation', { body: 'management_board' }),
      marking: { distribution: 'organisation', tlp: 'amber' },
      publish: true,
    }),
  );
});
afterAll(async () => t?.close());

describe('the meeting and action point kinds', () => {
  it('refuses a bad moment, an unknown time zone, an end before the start and an unknown person', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ starts_at: `${day(20)} 08:30` }, /Starts: a moment in UTC/],
      [{ starts_at: `${day(20)}T09:30:00+01:00` }, /Starts: a moment in UTC/],
      [{ time_zone: 'Mars/Olympus_Mons' }, /time zone name such as Europe\/Brussels/],
      [{ ends_at: at(20, '08:00') }, /Ends: on or after the starts/],
      [{ participants: ['00000000-0000-4000-8000-000000000009'] }, /No active user/],
    ];
    for (const [extra, message] of cases) {
      const res = await nl.post('/api/v1/registry/meeting', { data: meeting('Bad', extra) });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(JSON.stringify(res.json()), JSON.stringify(extra)).toMatch(message);
    }
    const before = await t.rt.db
      .selectFrom('registry_records')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', 'meeting')
      .executeTakeFirstOrThrow();
    expect(Number(before.n)).toBe(4);
  });

  it('lists action points by meeting, person responsible and status', async () => {
    const owner = await t.userId('de.analyst@demo.eucab.eu');
    const ap = await created(
      await nl.post('/api/v1/registry/action_point', {
        data: {
          meeting: ids.green,
          what: 'Draft the risk profile',
          responsible: owner,
          due_date: day(25),
          state: 'open',
        },
        publish: true,
      }),
    );
    const list = await de.get(`/api/v1/registry/action_point?responsible=${owner}&state=open`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(ap);
    const none = await de.get('/api/v1/registry/action_point?state=done');
    expect(none.json().items.map((i: { id: string }) => i.id)).not.toContain(ap);
  });
});

describe('RSVP', () => {
  it('follows the ladder: 401, 400, 404 for a meeting the caller may not read, then 200', async () => {
    const url = `/api/v1/meetings/${ids.orgOnly}/rsvp`;
    expect((await t.client().put(url, { answer: 'yes' })).statusCode).toBe(401);
    expect((await nl.put(url, { answer: 'perhaps' })).json().detail).toMatch(/yes, no, maybe/);
    expect((await nl.put(url, { answer: 'yes', extra: 1 })).statusCode).toBe(400);
    expect((await fr.put(url, { answer: 'yes' })).statusCode).toBe(404);
    expect((await fr.get(url)).statusCode).toBe(404);
    const rows = await t.rt.db
      .selectFrom('meeting_rsvps')
      .selectAll()
      .where('meeting_id', '=', ids.orgOnly!)
      .execute();
    expect(rows).toEqual([]);
    const ok = await nl.put(url, { answer: 'yes' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      mine: 'yes',
      counts: { yes: 1, no: 0, maybe: 0 },
      abilities: { rsvp: true },
    });
  });

  it('counts each person once, shows who answered, and audits each change (a repeat writes nothing)', async () => {
    const url = `/api/v1/meetings/${ids.green}/rsvp`;
    const audits = async () =>
      Number(
        (
          await t.rt.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('action', '=', 'meeting.rsvp')
            .where('record_id', '=', ids.green!)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect((await de.put(url, { answer: 'maybe' })).statusCode).toBe(200);
    expect((await de.put(url, { answer: 'yes' })).statusCode).toBe(200);
    expect((await de.put(url, { answer: 'yes' })).statusCode).toBe(200);
    expect((await fr.put(url, { answer: 'no' })).statusCode).toBe(200);
    const observer = await t.as('observer@demo.eucab.eu');
    expect((await observer.put(url, { answer: 'maybe' })).statusCode).toBe(200);
    expect(await audits()).toBe(4);
    const res = (await nl.get(url)).json();
    expect(res.counts).toEqual({ yes: 1, no: 1, maybe: 1 });
    expect(res.mine).toBeNull();
    expect(
      res.people.map((p: { organisation: string; answer: string }) => `${p.organisation}:${p.answer}`),
    ).toEqual(['DE:yes', 'EC-TAXUD:maybe', 'FR:no']);
    const events = (await de.get('/api/v1/audit?action=meeting.rsvp')).json();
    expect(JSON.stringify(events)).not.toMatch(/password|token/i);
  });

  it('shows meetings in the calendar as moments in the organiser’s zone, with the answers', async () => {
    const res = await de.get(range);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; title: string }[];
    const green = items.find((i) => i.id === `meetings:meeting:${ids.green}`);
    expect(green).toMatchObject({
      module: 'meetings',
      kind: 'meeting',
      title: 'Management Board, March',
      start: `${day(30)}T09:00:00.000Z`,
      end: `${day(30)}T16:00:00.000Z`,
      allDay: false,
      timeZone: 'Europe/Brussels',
      marking: 'green',
      link: `/registry/meeting/${ids.green}`,
      rsvp: { yes: 1, no: 1, maybe: 1, mine: 'yes' },
    });
    expect(items.some((i) => i.id.includes(ids.network!))).toBe(true);
    expect(items.some((i) => i.id.includes(ids.orgOnly!))).toBe(false);
    const frItems = (await fr.get(range)).json().items as {
      id: string;
    }[];
    expect(frItems.some((i) => i.id.includes(ids.network!))).toBe(false);
    expect(frItems.some((i) => i.id.includes(ids.amber!))).toBe(true);
  });
});

describe('action-point reminders', () => {
  it('notifies the owner on the due day and once when overdue, once across runs, and lists their tasks', async () => {
    const owner = await t.userId('de.analyst@demo.eucab.eu');
    const ap = await created(
      await nl.post('/api/v1/registry/action_point', {
        data: {
          meeting: ids.green,
          what: 'Circulate the minutes',
          responsible: owner,
          due_date: '2031-04-02',
          state: 'open',
        },
        publish: true,
      }),
    );
    const red = await created(
      await nl.post('/api/v1/registry/action_point', {
        data: {
          meeting: ids.green,
          what: 'Secret follow-up',
          responsible: owner,
          due_date: '2031-04-02',
          state: 'open',
        },
        marking: { distribution: 'eucab', tlp: 'red', recipientIds: [owner] },
        publish: true,
      }),
    );
    const done = await created(
      await nl.post('/api/v1/registry/action_point', {
        data: {
          meeting: ids.green,
          what: 'Already done',
          responsible: owner,
          due_date: '2031-04-01',
          state: 'done',
        },
        publish: true,
      }),
    );
    const notes = async (id: string) =>
      t.rt.db
        .selectFrom('notifications')
        .select(['kind', 'summary', 'user_id'])
        .where('record_id', '=', id)
        .where('kind', 'in', ['action_point.due', 'action_point.overdue'])
        .orderBy('created_at')
        .execute();
    const run = (at: string) =>
      actionPointReminders.run({ db: t.rt.db, now: new Date(at), config: t.rt.config, mailer: t.rt.mailer });
    await run('2031-04-01T08:00:00Z');
    expect(await notes(ap)).toEqual([]);
    await run('2031-04-02T08:00:00Z');
    await run('2031-04-02T09:00:00Z');
    expect(await notes(ap)).toEqual([
      { kind: 'action_point.due', summary: 'Circulate the minutes', user_id: owner },
    ]);
    expect(await notes(red)).toEqual([{ kind: 'action_point.due', summary: '', user_id: owner }]);
    await run('2031-04-03T08:00:00Z');
    await run('2031-04-05T08:00:00Z');
    expect((await notes(ap)).map((n) => n.kind)).toEqual(['action_point.due', 'action_point.overdue']);
    expect(await notes(done)).toEqual([]);
    // In the owner's notifications, with the sentence of the module.
    const list = (await de.get('/api/v1/notifications')).json();
    expect(JSON.stringify(list)).toMatch(/meetings\.notify\.action_point_overdue/);
    // A closed one is no longer reminded; the home page counts the open ones, overdue among them.
    expect(
      (
        await nl.put(`/api/v1/registry/action_point/${red}`, {
          data: {
            meeting: ids.green,
            what: 'Secret follow-up',
            responsible: owner,
            due_date: '2031-04-02',
            state: 'done',
          },
        })
      ).statusCode,
    ).toBe(200);
    const home = (await de.get('/api/v1/home')).json();
    const tasks = home.tasks.filter((x: { id: string }) => x.id.startsWith('meetings.'));
    expect(tasks.find((x: { id: string }) => x.id === 'meetings.action-points.open')).toMatchObject({
      link: `/registry/action_point?responsible=${owner}&state=open`,
    });
    expect(
      tasks.find((x: { id: string }) => x.id === 'meetings.action-points.open').count,
    ).toBeGreaterThanOrEqual(2);
    expect(t.rt.scheduler.tasks.map((x) => x.name)).toContain('meetings.action-point-reminders');
  });

  it('shows due dates of action points in the calendar', async () => {
    const items = (await de.get('/api/v1/calendar?from=2031-04-01&to=2031-04-30')).json().items as {
      kind: string;
    }[];
    expect(items.some((i) => i.kind === 'action_point.due_date')).toBe(true);
  });
});

const missing = icalendarMissing();
if (missing && process.env.CI) throw new Error(`The ICS feed test needs python3-icalendar in CI: ${missing}`);

describe('the ICS subscription feed', () => {
  const path = (url: string) => new URL(url).pathname;

  it('follows the ladder for the link: 401 anonymous, then 201 with a link shown once; the status shows no secret', async () => {
    expect((await t.client().post('/api/v1/account/calendar-feed')).statusCode).toBe(401);
    expect((await fr.get('/api/v1/account/calendar-feed')).json()).toMatchObject({ active: false });
    expect((await fr.delete('/api/v1/account/calendar-feed')).statusCode).toBe(404);
    const res = await fr.post('/api/v1/account/calendar-feed');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().url).toMatch(/\/api\/v1\/calendar\/feed\/[a-z2-7]{52}\.ics$/);
    const status = await fr.get('/api/v1/account/calendar-feed');
    expect(status.json()).toMatchObject({ active: true });
    expect(status.body).not.toContain(path(res.json().url).split('/').at(-1)!.slice(0, -4));
    const row = await t.rt.db.selectFrom('calendar_feeds').selectAll().executeTakeFirstOrThrow();
    expect(res.body).not.toContain(row.token_hash);
    const audit = await t.rt.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('action', 'like', 'calendar_feed.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['calendar_feed.created']);
    expect(JSON.stringify(audit)).not.toContain(row.token_hash);
  });

  it.skipIf(!!missing)(
    `carries what the owner may read, titles only where the marking allows, times with their TZID${missing ? ` (skipped: ${missing})` : ''}`,
    async () => {
      const member = await de.post('/api/v1/account/calendar-feed');
      const other = await fr.post('/api/v1/account/calendar-feed');
      const anon = t.client();
      const memberFeed = await anon.get(path(member.json().url));
      expect(memberFeed.statusCode, memberFeed.body).toBe(200);
      expect(memberFeed.headers['content-type']).toMatch(/^text\/calendar/);
      const mine = parseIcs(memberFeed.body);
      const byUid = (id: string) =>
        mine.events.find((e) => e.uid === `meetings:meeting:${id}@eucab-platform`);
      // A network meeting, TLP:GREEN: its member reads the title, written in Brussels time.
      expect(byUid(ids.network!)).toMatchObject({
        summary: 'Risk network plenary',
        tzid: 'Europe/Brussels',
        start: local(at(20, '08:30'), 'Europe/Brussels'),
        startUtc: `${day(20)}T08:30:00+00:00`,
        url: `${t.rt.config.publicUrl}/registry/meeting/${ids.network}`,
      });
      expect(mine.timezones).toEqual(expect.arrayContaining(['Europe/Brussels', 'Europe/Lisbon']));
      // TLP:AMBER may not be quoted outside the platform: "Restricted item" and the link.
      const amber = byUid(ids.amber!)!;
      expect(amber.summary).toBe('Restricted item');
      expect(amber.description).toContain(`/registry/meeting/${ids.amber}`);
      expect(memberFeed.body).not.toContain('Targeting centre');
      expect(amber).toMatchObject({ tzid: 'Europe/Lisbon', start: local(at(22, '13:00'), 'Europe/Lisbon') });
      // A whole-day date (an action point's due date) is a date.
      expect(mine.events.find((e) => e.uid.includes(':action_point:'))?.start).toMatch(/^\d{8}$/);
      // Outside the network: nothing of the network meeting, nothing of the organisation's own.
      const others = parseIcs((await anon.get(path(other.json().url))).body);
      expect(others.events.some((e) => e.uid.includes(ids.network!))).toBe(false);
      expect(others.events.some((e) => e.uid.includes(ids.orgOnly!))).toBe(false);
      expect(others.events.find((e) => e.uid.includes(ids.green!))?.summary).toBe('Management Board, March');
      // In the owner's language.
      await t.rt.db
        .updateTable('users')
        .set({ locale: 'fr' })
        .where('email', '=', 'fr.expert@demo.eucab.eu')
        .execute();
      const inFrench = parseIcs((await anon.get(path(other.json().url))).body);
      expect(inFrench.events.find((e) => e.uid.includes(ids.amber!))?.summary).toBe('Élément restreint');
    },
  );

  it('stops a replaced or revoked link at once, and the link of a disabled user', async () => {
    const anon = t.client();
    const first = path((await nl.post('/api/v1/account/calendar-feed')).json().url);
    expect((await anon.get(first)).statusCode).toBe(200);
    const second = path((await nl.post('/api/v1/account/calendar-feed')).json().url);
    expect((await anon.get(first)).statusCode).toBe(404);
    expect((await anon.get(second)).statusCode).toBe(200);
    expect((await nl.delete('/api/v1/account/calendar-feed')).statusCode).toBe(204);
    expect((await anon.get(second)).statusCode).toBe(404);
    expect((await anon.get('/api/v1/calendar/feed/not-a-token.ics')).statusCode).toBe(400);
    const de2 = path((await de.post('/api/v1/account/calendar-feed')).json().url);
    expect((await anon.get(de2)).statusCode).toBe(200);
    await t.rt.db
      .updateTable('users')
      .set({ status: 'disabled' })
      .where('email', '=', 'de.analyst@demo.eucab.eu')
      .execute();
    expect((await anon.get(de2)).statusCode).toBe(404);
    await t.rt.db
      .updateTable('users')
      .set({ status: 'active' })
      .where('email', '=', 'de.analyst@demo.eucab.eu')
      .execute();
    const actions = await t.rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'calendar_feed.%')
      .where('actor_id', '=', await t.userId('nl.expert@demo.eucab.eu'))
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'calendar_feed.created',
      'calendar_feed.created',
      'calendar_feed.revoked',
    ]);
  });
});
