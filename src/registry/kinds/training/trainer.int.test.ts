import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app.ts';

/**
 * Trainers are personal data (src/access/personal-data-policy.ts): read by signed-in users of the
 * administrations and EUCAB bodies; never public, never by the Commission's observer; not in
 * exports, e-mail quotes or API-key reads unless the trainer opted in; the trainer reads the
 * record and withdraws their consent (retract), after which only the owner and the trainer read it.
 */
const URL = '/api/v1/registry/trainer';
let t: TestApp;
let nl: TestClient;
let fr: TestClient;
let frKey: string;

const trainerData = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  competencies: ['risk_analysis'],
  languages: ['nl', 'en'],
  ttt_certified: false,
  consent_date: '2026-02-01',
  ...extra,
});

async function create(data: Record<string, unknown>, marking = { distribution: 'eucab', tlp: 'green' }) {
  const res = await nl.post(URL, { data, marking, publish: true });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const withKey = (url: string) =>
  t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${frKey}` } });

beforeAll(async () => {
  t = await createTestApp();
  nl = await t.as('nl.expert@demo.eucab.eu');
  fr = await t.as('fr.expert@demo.eucab.eu');
  frKey = (
    await fr.post('/api/v1/account/api-keys', { name: 'trainers', scopes: ['read'], expiresInDays: 1 })
  ).json().key;
});
afterAll(async () => t?.close());

describe('trainers are personal data', () => {
  it('signed-in users of administrations and EUCAB bodies read them; the observer and anonymous visitors never, even when shared publicly', async () => {
    const id = await create(trainerData('Anna Trainerova (fictitious)'));
    expect((await fr.get(`${URL}/${id}`)).statusCode).toBe(200);
    const secretariat = await t.as('secretariat@demo.eucab.eu');
    expect((await secretariat.get(`${URL}/${id}`)).statusCode).toBe(200);
    const observer = await t.as('observer@demo.eucab.eu');
    expect((await observer.get(`${URL}/${id}`)).statusCode).toBe(404);
    expect((await observer.get(URL)).json().items).toEqual([]);
    const open = await create(trainerData('Public Pieter (fictitious)'), {
      distribution: 'public',
      tlp: 'clear',
    });
    expect((await t.client().get(`${URL}/${open}`)).statusCode).toBe(404);
    expect((await t.client().get(`${URL}?limit=100`)).json().items).toEqual([]);
    expect((await t.client().get('/api/v1/search?q=Pieter')).json().items).toEqual([]);
  });

  it('exports, e-mail quotes and API-key reads only with the trainer’s opt-in', async () => {
    const closed = await create(trainerData('Closed Claes (fictitious)'));
    const opted = await create(trainerData('Open Olga (fictitious)', { open_consent: true }));
    const detail = (await fr.get(`${URL}/${closed}`)).json();
    expect(detail.abilities).toMatchObject({ read: true, export: false, quote: false });
    expect((await fr.get(`${URL}/${opted}`)).json().abilities).toMatchObject({ export: true, quote: true });
    const exported = (await fr.get(`${URL}/export?format=json`))
      .json()
      .items.map((r: { id: string }) => r.id);
    expect(exported).toContain(opted);
    expect(exported).not.toContain(closed);
    const csv = (await fr.get(`${URL}/export?format=csv`)).body;
    expect(csv).toContain('Open Olga');
    expect(csv).not.toContain('Closed Claes');
    expect((await withKey(`${URL}/${closed}`)).statusCode).toBe(404);
    expect((await withKey(`${URL}/${opted}`)).statusCode).toBe(200);
    const listed = (await withKey(`${URL}?limit=100`)).json().items.map((r: { id: string }) => r.id);
    expect(listed).toContain(opted);
    expect(listed).not.toContain(closed);
  });

  it('notifications (and so digests) never quote a trainer’s name without the opt-in', async () => {
    expect((await fr.post('/api/v1/registry/subscriptions', { kind: 'trainer' })).statusCode).toBe(201);
    const closed = await create(trainerData('Quiet Quentin (fictitious)'));
    const opted = await create(trainerData('Loud Lotte (fictitious)', { open_consent: true }));
    await t.rt.outbox.drain();
    const frId = await t.userId('fr.expert@demo.eucab.eu');
    const summaries = await t.rt.db
      .selectFrom('notifications')
      .select(['record_id', 'summary'])
      .where('user_id', '=', frId)
      .where('record_id', 'in', [closed, opted])
      .execute();
    expect(summaries.find((n) => n.record_id === closed)?.summary).toBe('');
    expect(summaries.find((n) => n.record_id === opted)?.summary).toBe('Loud Lotte (fictitious)');
  });

  it('the trainer reads the record kept in the owning administration and withdraws their consent; then only the owner and the trainer read it', async () => {
    const trainerUser = await t.as('de.expert@demo.eucab.eu');
    const deExpert = await t.userId('de.expert@demo.eucab.eu');
    const inOrg = await create(trainerData('Dirk Deutsch (fictitious)', { person_user: deExpert }), {
      distribution: 'organisation',
      tlp: 'amber',
    });
    const mine = await trainerUser.get(`${URL}/${inOrg}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().abilities).toMatchObject({ read: true, update: false, share: false, retract: true });
    expect(
      (await trainerUser.get(`${URL}?limit=100`)).json().items.map((r: { id: string }) => r.id),
    ).toContain(inOrg);
    // Another person cannot withdraw it; the refused call changes nothing.
    expect((await fr.post(`${URL}/${inOrg}/retract`, { note: 'not mine' })).statusCode).toBe(404);
    const shared = await create(trainerData('Dirk Deutsch (fictitious), shared', { person_user: deExpert }));
    expect((await fr.post(`${URL}/${shared}/retract`, { note: 'not mine' })).statusCode).toBe(403);
    const withdrawn = await trainerUser.post(`${URL}/${shared}/retract`, { note: 'I withdraw my consent.' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await fr.get(`${URL}/${shared}`)).statusCode).toBe(404);
    expect((await nl.get(`${URL}/${shared}`)).json()).toMatchObject({
      status: 'retracted',
      status_note: 'I withdraw my consent.',
    });
    expect((await trainerUser.get(`${URL}/${shared}`)).statusCode).toBe(200);
    const audit = await t.rt.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('record_id', '=', shared)
      .where('action', '=', 'trainer.retracted')
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(deExpert);
  });
});
