import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app.ts';

/**
 * Innovation initiatives and common initiatives through the API: the ladder, the Horizon Europe
 * readiness levels in three languages, the filters and the domain matrix, and a common initiative
 * whose participants (co-editors named by the lead) add milestones while others may not.
 * Everything else (access matrix, write matrix, import, search, audit) comes from the definitions.
 */
const URL = '/api/v1/registry/innovation_initiative';
const COMMON = '/api/v1/registry/common_initiative';
let t: TestApp;
let de: TestClient;
let fr: TestClient;
let nl: TestClient;

const initiative = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  summary: 'Automatische Erkennung von Zigaretten in Röntgenbildern von Containern.',
  domain: 'ai_image_recognition',
  trl: 'trl_6',
  technologies: ['xray', 'machine_learning'],
  stage: 'pilot',
  budget: { amount: 300_000, currency: 'EUR' },
  funding_source: 'ccei',
  ...extra,
});

async function stored(kind: string): Promise<number> {
  const row = await t.rt.db
    .selectFrom('registry_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestApp();
  de = await t.as('de.ncp@demo.eucab.eu');
  fr = await t.as('fr.expert@demo.eucab.eu');
  nl = await t.as('nl.expert@demo.eucab.eu');
}, 120_000);
afterAll(async () => t?.close());

describe('innovation initiatives', () => {
  it('the ladder: 401 anonymous, 400 bad input (nothing written), 403 read-only, 201 for a writer', async () => {
    const before = await stored('innovation_initiative');
    expect((await t.client().post(URL, { data: initiative('KI-Röntgen'), publish: true })).statusCode).toBe(
      401,
    );
    const bad = await de.post(URL, { data: initiative('KI-Röntgen', { trl: 'trl_10' }), publish: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'data.trl' });
    const observer = await t.as('observer@demo.eucab.eu');
    expect((await observer.post(URL, { data: initiative('KI-Röntgen'), publish: true })).statusCode).toBe(
      403,
    );
    expect(await stored('innovation_initiative')).toBe(before);

    const created = await de.post(URL, { data: initiative('KI-Röntgen'), language: 'de', publish: true });
    expect(created.statusCode, created.body).toBe(201);
    const record = (await fr.get(`${URL}/${created.json().id}`)).json();
    expect(record).toMatchObject({ status: 'published', distribution: 'eucab', tlp: 'green' });
    expect(record.data.country).toBe('DE');
    expect(
      (
        (await fr.get(`${URL}?trl=trl_6&domain=ai_image_recognition&country=DE`)).json().items as {
          title: string;
        }[]
      ).map((r) => r.title),
    ).toContain('KI-Röntgen');
  });

  it('names the nine readiness levels with the Horizon Europe definitions in English, French and German', async () => {
    const codes = (await fr.get('/api/v1/code-lists/technology_readiness_level')).json().codes as {
      code: string;
      labels: Record<string, string>;
      meta: { level: number; band: string };
    }[];
    expect(codes.map((c) => c.meta.level).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(codes.find((c) => c.code === 'trl_4')?.labels).toEqual({
      en: 'TRL 4 – technology validated in lab',
      fr: 'NMT 4 – validation de la technologie en laboratoire',
      de: 'TRL 4 – Validierung der Technologie im Labor',
    });
    expect(codes.find((c) => c.code === 'trl_9')?.meta.band).toBe('deployment');
  });
});

describe('common initiatives: the lead names participants, who add milestones', () => {
  it('a participant (co-editor) adds a milestone; another administration may not; only the lead names participants', async () => {
    const data = {
      title: 'Gemeinsamer Röntgenbild-Datensatz',
      objective: 'Annotierte Röntgenbilder von Containern zwischen Verwaltungen teilen.',
      domain: 'ai_image_recognition',
      participants: [{ country: 'FR', role: 'partner' }],
      milestones: [{ title: 'Annotationsleitfaden', due_date: '2027-03-31', status: 'planned' }],
    };
    const created = await de.post(COMMON, { data, language: 'de', publish: true });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const withMilestone = {
      ...data,
      milestones: [
        ...data.milestones,
        { title: 'Premier jeu de 5 000 images', due_date: '2027-06-30', status: 'in_progress' },
      ],
    };

    // Not yet a participant: fr reads (EUCAB, TLP:GREEN) but may not change it.
    expect((await fr.put(`${COMMON}/${id}`, { data: withMilestone })).statusCode).toBe(403);
    const frId = await t.userId('fr.expert@demo.eucab.eu');
    expect((await fr.put(`${COMMON}/${id}/editors`, { userIds: [frId] })).statusCode).toBe(403);
    const named = await de.put(`${COMMON}/${id}/editors`, { userIds: [frId] });
    expect(named.statusCode, named.body).toBe(200);

    const added = await fr.put(`${COMMON}/${id}`, { data: withMilestone });
    expect(added.statusCode, added.body).toBe(200);
    const after = (await de.get(`${COMMON}/${id}`)).json();
    expect(after.data.milestones).toHaveLength(2);
    expect(after.data.lead_country).toBe('DE');
    expect((await nl.put(`${COMMON}/${id}`, { data })).statusCode).toBe(403);
    expect((await de.get(`${COMMON}/${id}`)).json().data.milestones).toHaveLength(2);

    // The discussion is the record's thread: a participant posts.
    const post = await fr.post(`${COMMON}/${id}/comments`, { body: 'Nous apportons 2 000 images annotées.' });
    expect(post.statusCode, post.body).toBe(201);
  });
});
