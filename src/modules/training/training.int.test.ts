import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { releaseTrainingSeats } from './release-task.ts';

/**
 * Registration for training events: quotas per administration, nominations by the NCP, the waiting
 * list, the release of unused seats on the release date (round-robin: fewest seats first, then
 * nomination time), names visible to the nominating NCP, the organiser and the trainers only
 * (others see counts), attendance by the organiser, the event in the calendar.
 */
let t: TestApp;
let organiser: TestClient;
let de: TestClient;
let fr: TestClient;
let pl: TestClient;
let eventId: string;
const orgId = async (code: string) =>
  (await t.rt.db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow())
    .id;
/** The scheduled task alone (runDue at a later date would also purge today's sessions). */
const release = (now: Date) =>
  releaseTrainingSeats.run({ db: t.rt.db, now, config: t.config, mailer: { send: async () => {} } });
const reg = (c: TestClient) => c.get(`/api/v1/training/events/${eventId}/registration`);
const nominate = (c: TestClient, nomineeName: string) =>
  c.post(`/api/v1/training/events/${eventId}/nominations`, { nomineeName });

beforeAll(async () => {
  t = await createTestApp();
  organiser = await t.as('nl.expert@demo.eucab.eu');
  // NCPs sign in with TOTP once each (a code is not accepted twice).
  de = await t.as('de.ncp@demo.eucab.eu');
  fr = await t.as('fr.ncp@demo.eucab.eu');
  pl = await t.as('pl.ncp@demo.eucab.eu');
  const post = async (kind: string, data: Record<string, unknown>) => {
    const res = await organiser.post(`/api/v1/registry/${kind}`, { data, publish: true });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const course = await post('training_course', {
    title: 'Container X-ray image analysis',
    competencies: ['nii_detection'],
    level: 'advanced',
    learning_outcomes: 'Read X-ray images of containers and spot anomalies.',
    duration_days: 3,
    languages: ['en'],
    mode: 'classroom',
    max_participants: 4,
  });
  const trainer = await post('trainer', {
    name: 'Bert Beeld (fictitious)',
    competencies: ['nii_detection'],
    languages: ['en', 'nl'],
    consent_date: '2026-01-10',
    person_user: await t.userId('be.expert@demo.eucab.eu'),
  });
  eventId = await post('training_event', {
    title: 'X-ray image analysis, Rotterdam 2027',
    course,
    starts_on: '2027-06-01',
    ends_on: '2027-06-03',
    place: 'Rotterdam',
    trainers: [trainer],
    seats_total: 4,
    release_date: '2027-05-01',
    quotas: [
      { organisation: await orgId('DE'), seats: 1 },
      { organisation: await orgId('FR'), seats: 1 },
    ],
  });
});
afterAll(async () => t?.close());

describe('training event registration', () => {
  it('the ladder: anonymous 401, bad input 400, not an NCP 403 — nothing written', async () => {
    expect((await nominate(t.client(), 'Anna')).statusCode).toBe(401);
    expect(
      (await de.post(`/api/v1/training/events/${eventId}/nominations`, { nomineeName: ' ' })).statusCode,
    ).toBe(400);
    expect((await de.post(`/api/v1/training/events/${eventId}/nominations`, { name: 'x' })).statusCode).toBe(
      400,
    );
    expect((await nominate(await t.as('de.expert@demo.eucab.eu'), 'Anna')).statusCode).toBe(403);
    expect((await nominate(await t.as('observer@demo.eucab.eu'), 'Anna')).statusCode).toBe(403);
    const unknown = await de.post(
      '/api/v1/training/events/00000000-0000-4000-8000-000000000000/nominations',
      {
        nomineeName: 'Anna',
      },
    );
    expect(unknown.statusCode).toBe(404);
    const count = await t.rt.db
      .selectFrom('training_nominations')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('seats within the quota, a waiting list, names for the NCP, organiser and trainers, counts for others; the release gives unused seats round-robin', async () => {
    expect((await nominate(de, 'Anna Adler')).json().state).toBe('seated');
    expect((await nominate(de, 'Bernd Berg')).json().state).toBe('waiting');
    expect((await nominate(fr, 'Chloé Carré')).json().state).toBe('seated');
    // Poland has no quota: its nominees wait for the release.
    expect((await nominate(pl, 'Dorota Dąb')).json().state).toBe('waiting');
    expect((await nominate(pl, 'Ewa Eder')).json().state).toBe('waiting');

    const names = async (c: TestClient) =>
      ((await reg(c)).json().nominations as { nomineeName: string }[]).map((n) => n.nomineeName).sort();
    expect(await names(de)).toEqual(['Anna Adler', 'Bernd Berg']);
    expect(await names(fr)).toEqual(['Chloé Carré']);
    expect(await names(organiser)).toHaveLength(5);
    expect(await names(await t.as('be.expert@demo.eucab.eu'))).toHaveLength(5); // the trainer
    const other = (await reg(await t.as('cz.expert@demo.eucab.eu'))).json();
    expect(other.nominations).toEqual([]);
    expect(other.administrations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'DE', quota: 1, seated: 1, waiting: 1 }),
        expect.objectContaining({ code: 'PL', quota: 0, seated: 0, waiting: 2 }),
      ]),
    );
    expect(other).toMatchObject({ seatsTotal: 4, unassignedSeats: 2, freeSeats: 2, released: null });
    expect(JSON.stringify(other)).not.toContain('Adler');

    // The release date: 2 free seats; Poland holds 0 → first (Dorota), then Germany (Bernd).
    await release(new Date('2027-05-01T06:00:00Z'));
    const after = (await reg(organiser)).json();
    const state = (name: string) =>
      after.nominations.find((n: { nomineeName: string }) => n.nomineeName === name);
    expect(state('Dorota Dąb')).toMatchObject({ state: 'seated', seatSource: 'released' });
    expect(state('Bernd Berg')).toMatchObject({ state: 'seated', seatSource: 'released' });
    expect(state('Ewa Eder')).toMatchObject({ state: 'waiting' });
    expect(after.released).toMatchObject({ awarded: 2, left: 0 });
    // Notified (the nominating NCPs) and audited.
    const notified = await t.rt.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'training_event.seat_released')
      .where('record_id', '=', eventId)
      .execute();
    expect(notified.map((n) => n.user_id).sort()).toEqual(
      [await t.userId('de.ncp@demo.eucab.eu'), await t.userId('pl.ncp@demo.eucab.eu')].sort(),
    );
    const audit = await t.rt.db
      .selectFrom('audit_events')
      .select('changes')
      .where('action', '=', 'training_event.seats_released')
      .where('record_id', '=', eventId)
      .executeTakeFirstOrThrow();
    expect(audit.changes).toMatchObject({ seatsAwarded: 2, byAdministration: { DE: 1, PL: 1 } });
    expect(JSON.stringify(audit.changes)).not.toContain('Dorota');
    // A second run releases nothing twice.
    await release(new Date('2027-05-02T06:00:00Z'));
    expect((await reg(organiser)).json().released).toMatchObject({ awarded: 2 });
  });

  it('the NCP withdraws their nominee, the organiser records attendance; others are refused', async () => {
    const anna = (await reg(de))
      .json()
      .nominations.find((n: { nomineeName: string }) => n.nomineeName === 'Anna Adler');
    expect(anna.abilities).toMatchObject({ read: true, withdraw: true, attendance: false });
    // FR's NCP does not see the German nominee.
    expect((await fr.post(`/api/v1/training/nominations/${anna.id}/withdraw`)).statusCode).toBe(404);
    expect(
      (await de.put(`/api/v1/training/nominations/${anna.id}/attendance`, { attended: true })).statusCode,
    ).toBe(403);
    const att = await organiser.put(`/api/v1/training/nominations/${anna.id}/attendance`, { attended: true });
    expect(att.statusCode, att.body).toBe(200);
    const w = await de.post(`/api/v1/training/nominations/${anna.id}/withdraw`);
    expect(w.statusCode, w.body).toBe(200);
    expect((await de.post(`/api/v1/training/nominations/${anna.id}/withdraw`)).statusCode).toBe(403);
  });

  it('the event as an iCalendar file: whole days (end exclusive), its title under TLP:GREEN, 404 for no reader', async () => {
    const res = await (await t.as('cz.expert@demo.eucab.eu')).get(
      `/api/v1/training/events/${eventId}/ics?lang=fr`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    // No independent iCalendar parser is installed: unfold the lines (RFC 5545 §3.1) and read the event's properties.
    const lines = res.body.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    const event = lines.slice(lines.indexOf('BEGIN:VEVENT'), lines.indexOf('END:VEVENT') + 1);
    const prop = (name: string) => event.find((l) => l.split(/[;:]/)[0] === name)?.replace(/^[^:]*:/, '');
    expect(prop('UID')).toBe(`training:training_event:${eventId}@eucab-platform`);
    expect(prop('SUMMARY')).toBe('X-ray image analysis\\, Rotterdam 2027');
    expect(prop('DTSTART')).toBe('20270601');
    expect(prop('DTEND')).toBe('20270604');
    expect(prop('URL')).toMatch(new RegExp(`/registry/training_event/${eventId}$`));
    expect((await t.client().get(`/api/v1/training/events/${eventId}/ics`)).statusCode).toBe(401);
    expect(
      (await de.get('/api/v1/training/events/00000000-0000-4000-8000-000000000000/ics')).statusCode,
    ).toBe(404);
    expect((await de.get(`/api/v1/training/events/${eventId}/ics?lang=xx`)).statusCode).toBe(400);
  });

  it('the event is in the calendar of its readers', async () => {
    const cal = await (await t.as('cz.expert@demo.eucab.eu')).get(
      '/api/v1/calendar?from=2027-05-01&to=2027-06-30',
    );
    expect(cal.statusCode, cal.body).toBe(200);
    const ids = (cal.json().items as { id: string }[]).map((i) => i.id);
    expect(ids).toContain(`registry:training_event:${eventId}:starts_on`);
    expect(ids).toContain(`registry:training_event:${eventId}:release_date`);
  });
});
