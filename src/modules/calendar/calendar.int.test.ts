import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let de: TestClient;
let fr: TestClient;
let nl: TestClient;
const ids: Record<string, string> = {};

const tender = (ref: string, deadline: string) => ({
  reference: ref,
  title: `Tender ${ref}`,
  cpv_codes: ['38582000-7'],
  category: 'nii',
  procedure_type: 'open',
  status: 'planned',
  submission_deadline: deadline,
});

async function created(res: Awaited<ReturnType<TestClient['post']>>): Promise<string> {
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  de = await t.as('de.ncp@demo.eucab.eu');
  fr = await t.as('fr.expert@demo.eucab.eu');
  nl = await t.as('nl.expert@demo.eucab.eu');
  const frId = await t.userId('fr.expert@demo.eucab.eu');
  ids.everyone = await created(
    await de.post('/api/v1/registry/tender', { data: tender('CAL-EU', '2031-03-20'), publish: true }),
  );
  ids.ownOrg = await created(
    await de.post('/api/v1/registry/tender', {
      data: tender('CAL-ORG', '2031-03-15'),
      marking: { distribution: 'organisation', tlp: 'amber' },
      publish: true,
    }),
  );
  ids.red = await created(
    await de.post('/api/v1/registry/tender', {
      data: tender('CAL-RED', '2031-03-16'),
      marking: { distribution: 'eucab', tlp: 'red', recipientIds: [frId] },
      publish: true,
    }),
  );
  ids.draft = await created(
    await de.post('/api/v1/registry/tender', { data: tender('CAL-DRAFT', '2031-03-10') }),
  );
  const model = await created(
    await de.post('/api/v1/registry/equipment_model', {
      data: { manufacturer: 'Calendar Systems', model: 'CAL-1', category: 'nii', technology: 'xray_high' },
      publish: true,
    }),
  );
  ids.fieldTest = await created(
    await de.post('/api/v1/registry/field_test', {
      data: {
        reference: 'CAL-FT',
        title: 'Port scanner trial',
        model,
        category: 'nii',
        start_date: '2031-03-30',
        end_date: '2031-04-02',
        outcome: 'passed',
      },
      publish: true,
    }),
  );
});
afterAll(async () => t?.close());

const march = '/api/v1/calendar?from=2031-03-01&to=2031-03-31';
const idsOf = async (c: TestClient, url = march): Promise<string[]> => {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((i: { id: string }) => i.id);
};
const has = (items: string[], id: string) => items.some((x) => x.includes(id));

describe('GET /calendar', () => {
  it('answers 401 to anonymous, 400 to a bad range, 403 to a key without the read scope', async () => {
    expect((await t.client().get(march)).statusCode).toBe(401);
    for (const q of [
      '',
      '?from=2031-03-01',
      '?from=2031-3-1&to=2031-03-31',
      '?from=2031-03-31&to=2031-03-01',
      '?from=2031-01-01&to=2032-01-02',
      `?from=2031-03-01&to=2031-03-31&kind=tender`,
    ]) {
      const res = await de.get(`/api/v1/calendar${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().detail, q).toMatch(/from|to|kind/);
    }
    expect((await de.get('/api/v1/calendar?from=2031-03-31&to=2031-03-01')).json().detail).toMatch(
      /same day as "from" or later/,
    );
    expect((await de.get('/api/v1/calendar?from=2031-01-01&to=2032-01-02')).json().detail).toMatch(
      /366 days/,
    );
    const key = await de.post('/api/v1/account/api-keys', {
      name: 'writer',
      scopes: ['write'],
      expiresInDays: 1,
    });
    const res = await t.app.inject({
      method: 'GET',
      url: march,
      headers: { authorization: `Bearer ${key.json().key}` },
    });
    expect(res.statusCode).toBe(403);
  });

  it('shows each reader the dated records they may read, and nothing else', async () => {
    const mine = await idsOf(de);
    for (const id of Object.values(ids)) expect(has(mine, id), id).toBe(true);
    const named = await idsOf(fr);
    expect(has(named, ids.everyone!)).toBe(true);
    expect(has(named, ids.red!)).toBe(true); // a named recipient of the TLP:RED tender
    expect(has(named, ids.fieldTest!)).toBe(true);
    expect(has(named, ids.ownOrg!)).toBe(false);
    expect(has(named, ids.draft!)).toBe(false);
    const other = await idsOf(nl);
    expect(has(other, ids.everyone!)).toBe(true);
    for (const id of [ids.ownOrg!, ids.red!, ids.draft!]) expect(has(other, id)).toBe(false);
    // A read-scope key of the reader sees what the reader sees.
    const key = await nl.post('/api/v1/account/api-keys', {
      name: 'reader',
      scopes: ['read'],
      expiresInDays: 1,
    });
    const viaKey = await t.app.inject({
      method: 'GET',
      url: march,
      headers: { authorization: `Bearer ${key.json().key}` },
    });
    expect(viaKey.json().items.map((i: { id: string }) => i.id)).toEqual(other);
  });

  it('describes each item: what the date is, the record, its owner and marking, in order of date', async () => {
    const res = (await de.get(march)).json();
    expect(res).toMatchObject({ from: '2031-03-01', to: '2031-03-31', truncated: false });
    const items = res.items.filter(
      (i: { id: string }) => i.id.includes(':tender:') || i.id.includes(':field_test:'),
    );
    expect(items.map((i: { start: string }) => i.start)).toEqual([
      '2031-03-10',
      '2031-03-15',
      '2031-03-16',
      '2031-03-20',
      '2031-03-30',
    ]);
    expect(items.find((i: { id: string }) => i.id.includes(ids.red!))).toMatchObject({
      module: 'registry',
      kind: 'tender.submission_deadline',
      what: {
        key: 'registry.calendarWhat',
        params: { what: { labels: expect.objectContaining({ en: 'Submission deadline' }) } },
      },
      title: 'Tender CAL-RED',
      allDay: true,
      end: null,
      link: `/registry/tender/${ids.red}`,
      area: 'procurement',
      organisation: { code: 'DE' },
      marking: 'red',
    });
    expect(items.at(-1)).toMatchObject({
      kind: 'field_test.start_date',
      start: '2031-03-30',
      end: '2031-04-02',
    });
  });

  it('includes a span that reaches into the range, and leaves out what lies outside it', async () => {
    const april = await idsOf(fr, '/api/v1/calendar?from=2031-04-01&to=2031-04-30');
    expect(has(april, ids.fieldTest!)).toBe(true);
    expect(has(april, ids.everyone!)).toBe(false);
    expect(await idsOf(fr, '/api/v1/calendar?from=2031-05-01&to=2031-05-01')).toEqual([]);
  });

  it('shows the next run of the scheduled tasks to platform administrators only', async () => {
    await t.rt.scheduler.runDue(new Date());
    const today = new Date().toISOString().slice(0, 10);
    const later = new Date(Date.now() + 2 * 24 * 3600_000).toISOString().slice(0, 10);
    const url = `/api/v1/calendar?from=${today}&to=${later}`;
    const admin = (await (await t.as('admin@demo.eucab.eu')).get(url)).json().items;
    expect(admin).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'scheduler:auth.purge-expired', module: 'scheduler', allDay: false }),
      ]),
    );
    expect(
      (await de.get(url)).json().items.filter((i: { module: string }) => i.module === 'scheduler'),
    ).toEqual([]);
  });

  it('shows sanctions list versions to screening reviewers, not to every user', async () => {
    const versions = await t.rt.db.selectFrom('screening_list_versions').select('loaded_at').execute();
    const from = new Date(Date.now() - 2 * 24 * 3600_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 2 * 24 * 3600_000).toISOString().slice(0, 10);
    const url = `/api/v1/calendar?from=${from}&to=${to}`;
    const recent = versions.filter((v) => new Date(v.loaded_at).toISOString().slice(0, 10) >= from);
    expect(recent.length).toBeGreaterThan(0); // the demo list, loaded at start
    const reviewer = (await (await t.as('de.analyst@demo.eucab.eu')).get(url)).json().items;
    const lists = (items: { kind: string }[]) => items.filter((i) => i.kind === 'screening.list-version');
    expect(lists(reviewer)).toHaveLength(recent.length);
    expect(lists((await de.get(url)).json().items)).toEqual([]);
  });
});
