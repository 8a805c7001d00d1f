import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

/**
 * The directory through the API: who reads it (every signed-in user, the Commission's observers
 * and read-scope keys included; never anonymous visitors), what it shows of a person (name,
 * organisation, roles, and only the details they chose), the filters per administration, network
 * and role, the export, and each person editing their own entry (audited, bad input changing
 * nothing).
 */
let t: TestApp;
let fr: TestClient;
let nl: TestClient;
let observer: TestClient;
let frId: string;

type Person = {
  userId: string;
  name: string;
  organisation: { code: string };
  orgRoles: string[];
  networks: { code: string; role: string }[];
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  languages: string[] | null;
};

async function people(c: TestClient, query = ''): Promise<Person[]> {
  const res = await c.get(`/api/v1/directory?limit=500${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

const auditCount = async () =>
  Number(
    (
      await t.rt.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'directory.entry_changed')
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  fr = await t.as('fr.expert@demo.eucab.eu');
  nl = await t.as('nl.analyst@demo.eucab.eu');
  observer = await t.as('observer@demo.eucab.eu');
  frId = (
    await t.rt.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'fr.expert@demo.eucab.eu')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => t?.close());

describe('directory', () => {
  it('reads: signed-in users and read-scope keys only (anonymous 401)', async () => {
    const anonymous = t.client();
    for (const url of ['/api/v1/directory', '/api/v1/directory/export', '/api/v1/directory/me'])
      expect((await anonymous.get(url)).statusCode, url).toBe(401);
    expect(
      (await anonymous.request({ method: 'PUT', url: '/api/v1/directory/me', payload: {} })).statusCode,
    ).toBe(401);
    const list = await observer.get('/api/v1/directory?limit=5');
    expect(list.statusCode).toBe(200);
    expect(list.json().abilities).toEqual({ read: true, export: true, editOwn: true });
    expect(list.json().total).toBeGreaterThan(27);

    const key = (
      await nl.post('/api/v1/account/api-keys', { name: 'dir', scopes: ['read'], expiresInDays: 1 })
    ).json().key;
    const viaKey = await t.app.inject({
      method: 'GET',
      url: '/api/v1/directory?limit=1',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(viaKey.statusCode).toBe(200);
    expect(viaKey.json().abilities.editOwn).toBe(false);
  });

  it('lists names, organisations and roles, and hides every contact detail until shown', async () => {
    const all = await people(nl, '&organisation=FR');
    const ncp = all.find((p) => p.orgRoles.includes('ncp'))!;
    expect(ncp.organisation.code).toBe('FR');
    const frExpert = all.find((p) => p.userId === frId)!;
    expect(frExpert.networks.find((n) => n.code === 'training')?.role).toBe('coordinator');
    expect(frExpert).toMatchObject({ email: null, phone: null, jobTitle: null, languages: null });
    // Filters: per network and role.
    const coordinators = await people(nl, '&role=coordinator');
    expect(coordinators.map((p) => p.organisation.code).sort()).toEqual([
      'DE',
      'EE',
      'FR',
      'IT',
      'NL',
      'PL',
      'PT',
    ]);
    const training = await people(nl, '&network=training&role=coordinator');
    expect(training.map((p) => p.userId)).toEqual([frId]);
    expect((await people(nl, '&role=ncp')).every((p) => p.orgRoles.includes('ncp'))).toBe(true);
    expect((await nl.get('/api/v1/directory?role=boss')).statusCode).toBe(400);
  });

  it('each person edits what is shown about them; others see only that', async () => {
    const before = await auditCount();
    const bad = [
      { phone: 'call me' },
      { shown: ['address'] },
      { languages: ['xx'] },
      { jobTitle: 'x'.repeat(201) },
      { unknown: true },
    ];
    for (const body of bad)
      expect(
        (await fr.request({ method: 'PUT', url: '/api/v1/directory/me', payload: body })).statusCode,
      ).toBe(400);
    expect(await auditCount()).toBe(before);

    const entry = {
      jobTitle: 'Head of training coordination',
      phone: '+33 1 23 45 67 89',
      languages: ['fr', 'en', 'de'],
      shown: ['phone', 'job_title'],
    };
    const put = await fr.request({ method: 'PUT', url: '/api/v1/directory/me', payload: entry });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      ...entry,
      shown: ['job_title', 'phone'],
      email: 'fr.expert@demo.eucab.eu',
    });
    expect(await auditCount()).toBe(before + 1);
    // A repeat changes nothing and writes nothing.
    await fr.request({ method: 'PUT', url: '/api/v1/directory/me', payload: entry });
    expect(await auditCount()).toBe(before + 1);

    for (const reader of [nl, observer, fr]) {
      const p = (await people(reader, '&organisation=FR')).find((x) => x.userId === frId)!;
      expect(p).toMatchObject({
        phone: '+33 1 23 45 67 89',
        jobTitle: 'Head of training coordination',
        email: null,
        languages: null,
      });
    }
    // The search sees shown details only.
    expect((await people(nl, '&q=training%20coordination')).map((p) => p.userId)).toEqual([frId]);
    expect(await people(nl, '&q=fr.expert%40demo')).toEqual([]);

    const csv = await nl.get('/api/v1/directory/export?organisation=FR');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toMatch(/^# EUCAB directory/);
    expect(csv.body).toContain('+33 1 23 45 67 89');
    expect(csv.body).not.toContain('fr.expert@demo.eucab.eu');

    // Showing the e-mail and the languages; the Commission observer edits their own entry too.
    await fr.request({
      method: 'PUT',
      url: '/api/v1/directory/me',
      payload: { ...entry, shown: ['email', 'languages'] },
    });
    const after = (await people(nl, '&organisation=FR')).find((x) => x.userId === frId)!;
    expect(after).toMatchObject({
      email: 'fr.expert@demo.eucab.eu',
      languages: ['fr', 'en', 'de'],
      phone: null,
      jobTitle: null,
    });
    const own = await observer.request({
      method: 'PUT',
      url: '/api/v1/directory/me',
      payload: { jobTitle: 'Policy officer', shown: ['job_title'] },
    });
    expect(own.statusCode).toBe(200);
    const mine = await t.rt.db
      .selectFrom('audit_events')
      .select(['record_kind', 'record_id', 'changes'])
      .where('action', '=', 'directory.entry_changed')
      .where('record_id', '=', frId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(mine.record_kind).toBe('user');
    expect(Object.keys(mine.changes as object).sort()).toEqual(['shown']);
  });
});
