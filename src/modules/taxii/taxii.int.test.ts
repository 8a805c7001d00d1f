import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TAXII, TaxiiClient } from './taxii-client.test-helper.ts';

/**
 * The TAXII 2.1 server through a client written to the specification: discovery, API root,
 * collections (read-only), paging with added_after / limit / next, a corrected object's new
 * version, match filters, manifest and versions; a key of another administration sees none of
 * the items not addressed to it (an organisation-only TLP:AMBER item in particular); TLP:RED is
 * never served; 401 / 406 as TAXII error objects.
 */
let t: TestApp;
let nl: TestClient;
let deKey: string;
let atKey: string;
let nlKey: string;
let amberId: string;
let orgOnlyId: string;

const DATA = {
  title: 'Cigarettes in reefer insulation',
  family: 'financial',
  modus_operandi: 'Cigarettes declared as frozen vegetables.',
  goods: [{ cn_code: '24022090' }],
  route: { countries: ['VN', 'NL'] },
  recommended_action: 'Scan the container.',
  valid_from: '2030-01-01',
  urgency: 'high',
};

async function key(c: TestClient, scopes = ['read']) {
  const res = await c.post('/api/v1/account/api-keys', { name: 'taxii', scopes, expiresInDays: 30 });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().key as string;
}

async function create(title: string, marking: Record<string, unknown>) {
  const res = await nl.post('/api/v1/registry/risk_information', {
    data: { ...DATA, title },
    marking,
    publish: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const reportIds = (objects: { type: string; name?: unknown }[]) =>
  objects
    .filter((o) => o.type === 'report')
    .map((o) => o.name as string)
    .sort();

beforeAll(async () => {
  t = await createTestApp();
  nl = await t.as('nl.analyst@demo.eucab.eu');
  const de = await t.as('de.analyst@demo.eucab.eu');
  deKey = await key(de);
  atKey = await key(await t.as('at.analyst@demo.eucab.eu'));
  nlKey = await key(nl);
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
  amberId = await create('To Germany', {
    distribution: 'organisations',
    tlp: 'amber',
    organisationIds: [deOrg.id],
  });
  orgOnlyId = await create('Netherlands only', { distribution: 'organisation', tlp: 'amber' });
  await create('Network green', { distribution: 'network', tlp: 'green' });
  await create('Red to a German analyst', { distribution: 'network', tlp: 'red', recipientIds: [deUser.id] });
}, 240_000);
afterAll(async () => t?.close());

describe('TAXII 2.1', () => {
  it('answers discovery, the API root and read-only collections', async () => {
    const client = new TaxiiClient(t.app, deKey);
    const { root, collections } = await client.collections();
    expect(root).toBe('/taxii2/api/');
    expect(collections).toHaveLength(3);
    for (const c of collections) expect(c).toMatchObject({ can_read: true, can_write: false });
  });

  it('serves each key only what its user may read, never TLP:RED', async () => {
    const seen = async (k: string) => {
      const client = new TaxiiClient(t.app, k);
      const { root, collections } = await client.collections();
      const all = [];
      for (const c of collections) all.push(...(await client.poll(root, c.id)).objects);
      return all;
    };
    const de = await seen(deKey);
    expect(reportIds(de)).toEqual(['Network green', 'To Germany']);
    const at = await seen(atKey);
    expect(reportIds(at)).toEqual(['Network green']);
    const nlObjects = await seen(nlKey);
    expect(reportIds(nlObjects)).toEqual(['Netherlands only', 'Network green', 'To Germany']);
    for (const objects of [de, at, nlObjects]) {
      expect(JSON.stringify(objects)).not.toContain(
        'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
      );
      expect(JSON.stringify(objects)).not.toContain('Red to a German analyst');
    }
    expect(JSON.stringify(at)).not.toContain('Netherlands only');
    expect(JSON.stringify(de)).not.toContain(orgOnlyId); // its platform_id in the extension
  });

  it('pages with limit and next, and shows a corrected object as a new version after added_after', async () => {
    const client = new TaxiiClient(t.app, deKey, 'bearer');
    const { root, collections } = await client.collections();
    const admin = collections.find((c) => c.title.includes('my administration'))!;
    const whole = await client.poll(root, admin.id);
    const paged = await client.poll(root, admin.id, { limit: 2 });
    expect(paged.pages).toBeGreaterThan(1);
    expect(paged.objects.map((o) => o.id)).toEqual(whole.objects.map((o) => o.id));
    const quiet = await client.poll(root, admin.id, { addedAfter: whole.dateAddedLast! });
    expect(quiet.objects).toEqual([]);
    const before = whole.objects.find((o) => o.type === 'report')!;
    const put = await nl.put(`/api/v1/registry/risk_information/${amberId}`, {
      data: { ...DATA, title: 'To Germany', urgency: 'immediate' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const fresh = await client.poll(root, admin.id, { addedAfter: whole.dateAddedLast! });
    const report = fresh.objects.find((o) => o.type === 'report')!;
    expect(report.id).toBe(before.id);
    expect(report.modified! > before.modified!).toBe(true);
    const typed = await client.poll(root, admin.id, { match: { type: 'report' } });
    expect(typed.objects.map((o) => o.type)).toEqual(['report']);
    const manifest = await client.get<{ objects: { id: string; version: string; date_added: string }[] }>(
      `${root}collections/${admin.id}/manifest/?match[id]=${report.id}`,
    );
    expect(manifest.body.objects).toEqual([
      expect.objectContaining({ id: report.id, version: report.modified }),
    ]);
    const versions = await client.get<{ versions: string[] }>(
      `${root}collections/${admin.id}/objects/${report.id}/versions/`,
    );
    expect(versions.body.versions).toEqual([report.modified]);
    const one = await client.get<{ objects: { id: string }[] }>(
      `${root}collections/${admin.id}/objects/${report.id}/`,
    );
    expect(one.body.objects.map((o) => o.id)).toEqual([report.id]);
  });

  it('refuses without a key (401), another Accept (406), an unknown collection (404), as TAXII errors', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/taxii2/', headers: { accept: TAXII } });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['www-authenticate']).toContain('Basic');
    expect(anon.json()).toMatchObject({ http_status: '401' });
    const wrong = await new TaxiiClient(t.app, deKey).raw('/taxii2/', 'application/json');
    expect(wrong.statusCode).toBe(406);
    expect(wrong.headers['content-type']).toContain('application/taxii+json');
    const unknown = await new TaxiiClient(t.app, deKey).raw(
      '/taxii2/api/collections/00000000-0000-4000-8000-000000000000/',
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ http_status: '404', title: 'Collection not found' });
  });
});
