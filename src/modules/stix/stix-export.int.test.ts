import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleErrors } from '../../engines/stix/stix-schemas.test-helper.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

/**
 * STIX 2.1 export of risk information through the API: a TLP:AMBER record of the Netherlands named
 * to Germany (with Germany's feedback), a TLP:RED one to a named German analyst. Bundles validate
 * against the OASIS schemas; only readers export; TLP:RED never leaves; a correction keeps the ids.
 */
let t: TestApp;
let nl: TestClient;
let de: TestClient;
let at: TestClient;
let amberId: string;
let redId: string;
const URL = '/api/v1/stix/risk-information';

const DATA = {
  title: 'Cigarettes in reefer insulation',
  family: 'financial',
  modus_operandi: 'Cigarettes declared as frozen vegetables.',
  goods: [{ cn_code: '24022090', description: 'Cigarettes' }],
  route: { countries: ['VN', 'NL', 'DE'], transport_mode: 'sea' },
  parties: [{ name: 'Example Trading BV', party_type: 'organisation', identifiers: { eori: 'NL812345678' } }],
  recommended_action: 'Scan the container.',
  valid_from: '2030-01-01',
  urgency: 'high',
  crms_reference: 'CRMS-2030-7',
};

type Obj = { type: string; id: string; modified?: string; revoked?: boolean; object_marking_refs?: string[] };

beforeAll(async () => {
  t = await createTestApp();
  nl = await t.as('nl.analyst@demo.eucab.eu');
  de = await t.as('de.analyst@demo.eucab.eu');
  at = await t.as('at.analyst@demo.eucab.eu');
  const deOrg = await t.rt.db
    .selectFrom('organisations')
    .select('id')
    .where('code', '=', 'DE')
    .executeTakeFirstOrThrow();
  const deUser = await t.rt.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'de.analyst@demo.eucab.eu')
    .executeTakeFirstOrThrow();
  const amber = await nl.post('/api/v1/registry/risk_information', {
    data: DATA,
    marking: { distribution: 'organisations', tlp: 'amber', organisationIds: [deOrg.id] },
    publish: true,
  });
  expect(amber.statusCode, amber.body).toBe(201);
  amberId = amber.json().id;
  const red = await nl.post('/api/v1/registry/risk_information', {
    data: { ...DATA, title: 'Red operation' },
    marking: { distribution: 'network', tlp: 'red', recipientIds: [deUser.id] },
    publish: true,
  });
  expect(red.statusCode, red.body).toBe(201);
  redId = red.json().id;
  const fb = await de.put(`/api/v1/risk-information/${amberId}/feedback`, {
    controlPerformed: true,
    result: 'seizure',
    usefulness: 'very_useful',
    comment: 'Two containers.',
  });
  expect(fb.statusCode, fb.body).toBe(200);
}, 240_000);
afterAll(async () => t?.close());

describe('STIX export of risk information', () => {
  it('gives a reader a bundle that validates, with the feedback as opinion and sighting', async () => {
    const res = await de.get(`${URL}/${amberId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/stix+json');
    const bundle = res.json();
    expect(bundleErrors(bundle)).toEqual([]);
    const types = (bundle.objects as Obj[]).map((o) => o.type);
    for (const type of [
      'report',
      'indicator',
      'location',
      'identity',
      'opinion',
      'sighting',
      'marking-definition',
      'extension-definition',
    ])
      expect(types).toContain(type);
  });

  it('refuses the anonymous (401), those who may not read it (404) and TLP:RED (403)', async () => {
    expect((await t.client().get(`${URL}/${amberId}`)).statusCode).toBe(401);
    expect((await at.get(`${URL}/${amberId}`)).statusCode).toBe(404);
    const red = await de.get(`${URL}/${redId}`);
    expect(red.statusCode).toBe(403);
    expect(red.body).toContain('TLP:RED');
    expect((await de.get(`${URL}?ids=nope`)).statusCode).toBe(400);
  });

  it('exports a selection of what the caller reads, never TLP:RED', async () => {
    const mine = (await de.get(URL)).json();
    const reports = (mine.objects as Obj[]).filter((o) => o.type === 'report');
    expect(reports).toHaveLength(1);
    expect(JSON.stringify(mine)).not.toContain('marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1');
    const others = (await at.get(`${URL}?ids=${amberId},${redId}`)).json();
    expect((others.objects as Obj[]).filter((o) => o.type === 'report')).toEqual([]);
  });

  it('gives a correction the same ids with a later modified, a retraction revoked', async () => {
    const before = ((await de.get(`${URL}/${amberId}`)).json().objects as Obj[]).find(
      (o) => o.type === 'report',
    )!;
    const put = await nl.put(`/api/v1/registry/risk_information/${amberId}`, {
      data: { ...DATA, urgency: 'immediate' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = ((await de.get(`${URL}/${amberId}`)).json().objects as Obj[]).find(
      (o) => o.type === 'report',
    )!;
    expect(after.id).toBe(before.id);
    expect(after.modified! > before.modified!).toBe(true);
    expect(
      (await nl.post(`/api/v1/registry/risk_information/${amberId}/retract`, { note: 'Closed' })).statusCode,
    ).toBe(200);
    const gone = ((await de.get(`${URL}/${amberId}`)).json().objects as Obj[]).find(
      (o) => o.type === 'report',
    )!;
    expect(gone.revoked).toBe(true);
  });
});
