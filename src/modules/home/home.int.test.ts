import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let de: TestClient;
let deColleague: TestClient;
let fr: TestClient;

interface Item {
  id: string;
  module: string;
  area: string;
  count: number;
  link: string | null;
  title: { key: string; params: Record<string, unknown> };
}
const home = async (c: TestClient): Promise<{ tiles: Item[]; tasks: Item[] }> => {
  const res = await c.get('/api/v1/home');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const task = async (c: TestClient, id: string) => (await home(c)).tasks.find((x) => x.id === id);
const tile = async (c: TestClient, id: string) => (await home(c)).tiles.find((x) => x.id === id);

beforeAll(async () => {
  t = await createTestApp();
  de = await t.as('de.ncp@demo.eucab.eu');
  deColleague = await t.as('de.analyst@demo.eucab.eu');
  fr = await t.as('fr.expert@demo.eucab.eu');
});
afterAll(async () => t?.close());

describe('GET /home', () => {
  it('answers 401 to anonymous and 403 to a key without the read scope', async () => {
    expect((await t.client().get('/api/v1/home')).statusCode).toBe(401);
    const key = await de.post('/api/v1/account/api-keys', {
      name: 'writer',
      scopes: ['write'],
      expiresInDays: 1,
    });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/home',
      headers: { authorization: `Bearer ${key.json().key}` },
    });
    expect(res.statusCode).toBe(403);
  });

  it('tells a colleague of the submitter that a record awaits their four-eyes approval, and nobody else', async () => {
    const set = await de.post('/api/v1/registry/requirement_set', {
      data: {
        title: 'Home requirements',
        category: 'nii',
        version_label: 'home-1',
        requirements: [{ req_id: 'R1', text: 'Works', kind: 'performance' }],
      },
    });
    expect(set.statusCode, set.body).toBe(201);
    const id = set.json().id;
    expect((await de.post(`/api/v1/registry/requirement_set/${id}/submit`)).statusCode).toBe(200);
    expect(await task(deColleague, 'registry.requirement_set.approve')).toEqual({
      id: 'registry.requirement_set.approve',
      module: 'registry',
      area: 'procurement',
      title: {
        key: 'registry.dashboard.toApprove',
        params: { kind: { labels: expect.objectContaining({ en: 'Requirement set' }) } },
      },
      count: 1,
      link: '/registry/requirement_set?status=submitted',
    });
    expect(await task(de, 'registry.requirement_set.approve')).toBeUndefined(); // the submitter
    expect(await task(fr, 'registry.requirement_set.approve')).toBeUndefined(); // another administration
    const observer = await t.as('observer@demo.eucab.eu');
    expect((await home(observer)).tasks.filter((x) => x.module === 'registry')).toEqual([]);
    expect((await deColleague.post(`/api/v1/registry/requirement_set/${id}/publish`)).statusCode).toBe(200);
    expect(await task(deColleague, 'registry.requirement_set.approve')).toBeUndefined();
  });

  it("counts the caller's own drafts", async () => {
    const draft = await de.post('/api/v1/registry/tender', {
      data: {
        reference: 'HOME-DRAFT',
        title: 'Draft tender',
        cpv_codes: ['38582000-7'],
        category: 'nii',
        procedure_type: 'open',
        status: 'planned',
      },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(await task(de, 'registry.tender.drafts')).toMatchObject({
      count: 1,
      link: '/registry/tender?status=draft',
    });
    expect(await task(deColleague, 'registry.tender.drafts')).toBeUndefined();
  });

  it('counts the published records each reader may read, by kind and area', async () => {
    const before = {
      de: (await tile(de, 'registry.tender'))!.count,
      fr: (await tile(fr, 'registry.tender'))!.count,
    };
    const own = await de.post('/api/v1/registry/tender', {
      data: {
        reference: 'HOME-ORG',
        title: 'Organisation-only tender',
        cpv_codes: ['38582000-7'],
        category: 'nii',
        procedure_type: 'open',
        status: 'planned',
      },
      marking: { distribution: 'organisation', tlp: 'amber' },
      publish: true,
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(await tile(de, 'registry.tender')).toMatchObject({
      count: before.de + 1,
      area: 'procurement',
      link: '/registry/tender',
      title: { key: 'registry.dashboard.published' },
    });
    expect((await tile(fr, 'registry.tender'))!.count).toBe(before.fr);
    expect(await tile(fr, 'announcements.recent')).toMatchObject({
      area: 'platform',
      link: '/registry/announcement',
    });
  });

  it('shows memberships to endorse to the NCP and memberships to approve to the coordinator', async () => {
    const networks = (await fr.get('/api/v1/networks')).json().items as { id: string; code: string }[];
    const procurement = networks.find((n) => n.code === 'procurement')!;
    const atExpert = await t.as('at.expert@demo.eucab.eu');
    const ask = await atExpert.post(`/api/v1/networks/${procurement.id}/memberships`, { role: 'expert' });
    expect(ask.statusCode, ask.body).toBe(201);
    const atNcp = await t.as('at.ncp@demo.eucab.eu');
    expect(await task(atNcp, 'networks.endorse')).toMatchObject({ count: 1, link: '/memberships' });
    expect(await task(fr, 'networks.endorse')).toBeUndefined();
    // The demo's BE nomination to innovation waits for the innovation coordinator (EE) or an administrator.
    expect(await task(await t.as('ee.expert@demo.eucab.eu'), 'networks.approve')).toMatchObject({ count: 1 });
    expect((await task(await t.as('admin@demo.eucab.eu'), 'networks.approve'))!.count).toBeGreaterThanOrEqual(
      1,
    );
    expect(await task(fr, 'networks.approve')).toBeUndefined();
  });

  it("shows the caller's failed jobs to them alone, and failed scheduled tasks to administrators", async () => {
    const de1 = await t.userId('de.ncp@demo.eucab.eu');
    const org = await t.rt.db
      .selectFrom('users')
      .select('organisation_id')
      .where('id', '=', de1)
      .executeTakeFirstOrThrow();
    await t.rt.db
      .insertInto('jobs')
      .values({
        kind: 'users.import',
        organisation_id: org.organisation_id,
        created_by: de1,
        data: JSON.stringify({}),
        state: 'failed',
        error: 'line 2: no e-mail',
        finished_at: new Date(),
      } as never)
      .execute();
    expect(await task(de, 'jobs.failed')).toMatchObject({ count: 1, link: '/jobs', module: 'jobs' });
    expect(await task(deColleague, 'jobs.failed')).toBeUndefined();

    await t.rt.scheduler.runDue(new Date());
    await t.rt.db
      .updateTable('scheduled_task_runs')
      .set({ last_status: 'failed', last_message: 'the database was away' })
      .where('name', '=', 'auth.purge-expired')
      .execute();
    const admin = await t.as('admin@demo.eucab.eu');
    expect(await task(admin, 'scheduler.failed')).toMatchObject({ count: 1, link: '/scheduled-tasks' });
    expect(await task(de, 'scheduler.failed')).toBeUndefined();
  });
});
