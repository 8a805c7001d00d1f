import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedInnovationDemo } from '../../seed/innovation-demo.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

/**
 * The innovation area through the API over the demo data: "who else works on this" finds a
 * French initiative of another administration for one registered in German (no shared word),
 * never the caller's own administration's and never one the caller may not read; the overview
 * counts what the caller may read; the ladder.
 */
const KIND = '/api/v1/registry/innovation_initiative';
let t: TestApp;
let de: TestClient;
let nl: TestClient;
let germanId: string;

const german = {
  title: 'KI-gestützte Erkennung von Zigaretten in Röntgenbildern von Seecontainern',
  summary:
    'Ein neuronales Netz markiert in den Röntgenbildern von Containern im Hafen Bereiche, in denen geschmuggelte Zigaretten versteckt sein können.',
  domain: 'ai_image_recognition',
  trl: 'trl_5',
  technologies: ['xray', 'machine_learning'],
  stage: 'ongoing',
};

beforeAll(async () => {
  t = await createTestApp();
  await seedInnovationDemo(t.rt.db);
  de = await t.as('de.ncp@demo.eucab.eu');
  nl = await t.as('nl.expert@demo.eucab.eu');
  const created = await de.post(KIND, { data: german, language: 'de', publish: true });
  expect(created.statusCode, created.body).toBe(201);
  germanId = created.json().id;
}, 180_000);
afterAll(async () => t?.close());

describe('who else works on this', () => {
  it('the ladder: 401 anonymous, 400 bad id or limit, 404 unknown or unreadable, 200 with reasons', async () => {
    const url = `/api/v1/innovation/initiatives/${germanId}/similar`;
    expect((await t.client().get(url)).statusCode).toBe(401);
    expect((await de.get('/api/v1/innovation/initiatives/not-an-id/similar')).statusCode).toBe(400);
    expect((await de.get(`${url}?limit=500`)).statusCode).toBe(400);
    expect(
      (await de.get('/api/v1/innovation/initiatives/00000000-0000-4000-8000-000000000000/similar'))
        .statusCode,
    ).toBe(404);
    // A draft of the German administration: the Dutch expert may not read it, so 404.
    const draft = await de.post(KIND, {
      data: { ...german, title: 'Entwurf' },
      language: 'de',
      publish: false,
    });
    expect((await nl.get(`/api/v1/innovation/initiatives/${draft.json().id}/similar`)).statusCode).toBe(404);

    const res = await de.get(url);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      title: string;
      owner: string;
      language: string;
      reasons: { type: string }[];
    }[];
    expect(items.length).toBeGreaterThan(0);
    const french = items.slice(0, 3).find((i) => i.owner === 'FR');
    expect(french?.title).toBe(
      '[Demo] Détection automatique de cigarettes dans les images radioscopiques des conteneurs',
    );
    expect(french?.language).toBe('fr');
    expect(french?.reasons.map((r) => r.type)).toEqual(expect.arrayContaining(['domain', 'concepts']));
    expect(items.some((i) => i.owner === 'DE')).toBe(false);
  });

  it('offers only initiatives the caller may read', async () => {
    // Italy keeps a similar initiative inside its administration: Germany is not offered it.
    const it_ = await t.as('it.expert@demo.eucab.eu');
    const hidden = await it_.post(KIND, {
      data: {
        ...german,
        title: 'Riconoscimento di sigarette nelle immagini radiogene dei container',
        summary: 'Rete neurale per immagini a raggi X dei container e sigarette di contrabbando.',
      },
      language: 'it',
      publish: true,
      marking: { distribution: 'organisation', tlp: 'amber' },
    });
    expect(hidden.statusCode, hidden.body).toBe(201);
    const items = (await de.get(`/api/v1/innovation/initiatives/${germanId}/similar?limit=20`)).json()
      .items as { id: string }[];
    expect(items.some((i) => i.id === hidden.json().id)).toBe(false);
  });
});

describe('the innovation overview', () => {
  it('counts initiatives by domain × readiness level and by administration, and lists the common initiative', async () => {
    expect((await t.client().get('/api/v1/innovation/overview')).statusCode).toBe(401);
    const o = (await nl.get('/api/v1/innovation/overview')).json();
    expect(o.levels).toHaveLength(9);
    const ai = o.matrix.find((r: { domain: string }) => r.domain === 'ai_image_recognition');
    expect(ai.counts.reduce((s: number, x: number) => s + x, 0)).toBe(10); // 9 of the demo + the German one; Italy's own-administration one is not the Dutch expert's to count
    expect(o.total).toBe(49);
    expect(o.byAdministration.find((x: { code: string }) => x.code === 'DE').count).toBe(5); // the draft is not counted
    expect(o.common).toHaveLength(1);
    expect(o.common[0]).toMatchObject({ lead: 'FR', participants: ['IT', 'RO'] });
    expect(o.common[0].nextMilestone.status).toBe('in_progress');
  });
});
