import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

/**
 * Joining a common initiative: a person of another administration asks, the lead decides; an
 * approved person co-edits the record (adds a milestone) and their administration becomes a
 * participant. The ladder, refusals that change nothing, who reads which requests.
 */
const COMMON = '/api/v1/registry/common_initiative';
let t: TestApp;
let de: TestClient;
let deExpert: TestClient;
let fr: TestClient;
let nl: TestClient;
let id: string;

const data = {
  title: 'Gemeinsame KI für Containerröntgenbilder',
  objective: 'Annotierte Röntgenbilder teilen und Modelle vergleichen.',
  domain: 'ai_image_recognition',
  participants: [{ country: 'IT', role: 'partner' }],
  milestones: [{ title: 'Annotationsleitfaden', due_date: '2027-03-31', status: 'planned' }],
};

async function requests(): Promise<number> {
  const r = await t.rt.db
    .selectFrom('common_initiative_join_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

beforeAll(async () => {
  t = await createTestApp();
  de = await t.as('de.ncp@demo.eucab.eu');
  deExpert = await t.as('de.expert@demo.eucab.eu');
  fr = await t.as('fr.expert@demo.eucab.eu');
  nl = await t.as('nl.expert@demo.eucab.eu');
  const created = await de.post(COMMON, { data, language: 'de', publish: true });
  expect(created.statusCode, created.body).toBe(201);
  id = created.json().id;
}, 120_000);
afterAll(async () => t?.close());

describe('requests to join a common initiative', () => {
  it('the ladder: 401, 400 (nothing written), 403 for the lead and the observer, 201, 409 when asked twice', async () => {
    const url = `/api/v1/innovation/common/${id}/join-requests`;
    expect((await t.client().post(url, { role: 'partner' })).statusCode).toBe(401);
    expect((await fr.post(url, { role: 'sponsor' })).statusCode).toBe(400);
    expect((await fr.post(url, { role: 'partner', extra: 1 })).statusCode).toBe(400);
    const own = await de.post(url, { role: 'partner' });
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toMatch(/leads this initiative/);
    const observer = await t.as('observer@demo.eucab.eu');
    expect((await observer.post(url, { role: 'observer' })).statusCode).toBe(403);
    expect(
      (
        await fr.post('/api/v1/innovation/common/00000000-0000-4000-8000-000000000000/join-requests', {
          role: 'partner',
        })
      ).statusCode,
    ).toBe(404);
    expect(await requests()).toBe(0);

    expect((await fr.get(url)).json().abilities.request).toBe(true);
    const asked = await fr.post(url, { role: 'pilot_site', message: 'Nous avons 2 000 images annotées.' });
    expect(asked.statusCode, asked.body).toBe(201);
    expect((await fr.post(url, { role: 'partner' })).statusCode).toBe(409);
    expect(await requests()).toBe(1);
    expect((await fr.get(url)).json().abilities).toMatchObject({ request: false });
  });

  it('the requester and the lead administration read the request; others do not; only the lead’s NCP or author decides', async () => {
    const url = `/api/v1/innovation/common/${id}/join-requests`;
    const lead = (await de.get(url)).json();
    expect(lead.items).toHaveLength(1);
    expect(lead.items[0]).toMatchObject({
      organisation: 'FR',
      role: 'pilot_site',
      status: 'pending',
      abilities: { decide: true },
    });
    expect((await deExpert.get(url)).json().items[0].abilities.decide).toBe(false);
    expect((await fr.get(url)).json().items[0].abilities.decide).toBe(false);
    expect((await nl.get(url)).json().items).toEqual([]);

    const requestId = lead.items[0].id as string;
    const decide = `/api/v1/innovation/join-requests/${requestId}/decision`;
    expect((await nl.post(decide, { decision: 'approve' })).statusCode).toBe(404);
    expect((await fr.post(decide, { decision: 'approve' })).statusCode).toBe(403);
    expect((await deExpert.post(decide, { decision: 'approve' })).statusCode).toBe(403);
    expect((await de.post(decide, { decision: 'maybe' })).statusCode).toBe(400);
    // Not yet a participant: the French expert may not add a milestone.
    const withMilestone = {
      ...data,
      milestones: [
        ...data.milestones,
        { title: 'Premier jeu d’images partagé', due_date: '2027-06-30', status: 'in_progress' },
      ],
    };
    expect((await fr.put(`${COMMON}/${id}`, { data: withMilestone })).statusCode).toBe(403);

    const approved = await de.post(decide, { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await de.post(decide, { decision: 'decline' })).statusCode).toBe(409);
    const record = (await de.get(`${COMMON}/${id}`)).json();
    expect(record.data.participants).toEqual([
      { country: 'IT', role: 'partner' },
      { country: 'FR', role: 'pilot_site' },
    ]);
    const editors = (await de.get(`${COMMON}/${id}/editors`)).json().items as { organisation_code: string }[];
    expect(editors.map((e) => e.organisation_code)).toEqual(['FR']);

    // A participant adds a milestone (co-editor), keeping the participants as they are.
    const res = await fr.put(`${COMMON}/${id}`, {
      data: { ...withMilestone, participants: record.data.participants },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await de.get(`${COMMON}/${id}`)).json().data.milestones).toHaveLength(2);
    // Only the lead changes who takes part: a participant adding itself another role is refused,
    // and leaving the participants out keeps them.
    const self = await fr.put(`${COMMON}/${id}`, {
      data: { ...withMilestone, participants: [{ country: 'FR', role: 'partner' }] },
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toMatch(/Only the owning administration changes participants/);
    const { participants: _left, ...withoutParticipants } = withMilestone;
    const kept = await fr.put(`${COMMON}/${id}`, {
      data: { ...withoutParticipants, end_date: '2028-12-31' },
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect((await de.get(`${COMMON}/${id}`)).json().data.participants).toEqual(record.data.participants);

    const audit = await t.rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_id', '=', id)
      .where('action', 'like', 'common_initiative.join_%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'common_initiative.join_requested',
      'common_initiative.join_approved',
    ]);
  });

  it('a declined request keeps the reason and adds no one', async () => {
    const nlAsk = await nl.post(`/api/v1/innovation/common/${id}/join-requests`, { role: 'observer' });
    expect(nlAsk.statusCode).toBe(201);
    const declined = await de.post(`/api/v1/innovation/join-requests/${nlAsk.json().id}/decision`, {
      decision: 'decline',
      note: 'Only administrations with annotated images for now.',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const mine = (await nl.get(`/api/v1/innovation/common/${id}/join-requests`)).json().items;
    expect(mine).toMatchObject([
      { status: 'declined', decision_note: 'Only administrations with annotated images for now.' },
    ]);
    expect((await de.get(`${COMMON}/${id}`)).json().data.participants).toHaveLength(2);
    expect((await nl.put(`${COMMON}/${id}`, { data })).statusCode).toBe(403);
  });
});
