import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app.ts';

/**
 * Cooperation projects, external organisations and support needs through the API: the ladder,
 * recipient percentages adding up to 100, a participant that is an administration or an external
 * organisation, IATI code lists, and a need linked to the project that answers it. Everything
 * else (access and write matrices, import, search, audit) comes from the definitions.
 */
const BASE = '/api/v1/registry';
let t: TestApp;
let nl: TestClient;
let de: TestClient;

const project = (extra: Record<string, unknown> = {}) => ({
  title: { en: 'Risk-based controls at the Serbian border', fr: 'Contrôles fondés sur les risques' },
  description: { en: 'Twinning with the Customs Administration of Serbia.' },
  seed_status: 'existing',
  recipients: [
    { country: 'RS', percentage: 70 },
    { region: '89', percentage: 30 },
  ],
  sectors: ['33120'],
  themes: ['risk'],
  planned_start: '2025-01-01',
  planned_end: '2026-12-31',
  budget: { amount: 500_000, currency: 'EUR' },
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
  nl = await t.as('nl.expert@demo.eucab.eu');
  de = await t.as('de.expert@demo.eucab.eu');
});
afterAll(async () => t?.close());

describe('cooperation with third countries', () => {
  it('the ladder; recipients add up to 100; participants name an administration or an external organisation', async () => {
    const url = `${BASE}/cooperation_project`;
    expect((await t.client().post(url, { data: project(), publish: true })).statusCode).toBe(401);
    const before = await stored('cooperation_project');
    const bad = async (data: Record<string, unknown>) => {
      const res = await nl.post(url, { data, publish: true });
      expect(res.statusCode, res.body).toBe(400);
      return res.json().errors as { field: string; message: string }[];
    };
    expect(
      await bad(
        project({
          recipients: [
            { country: 'RS', percentage: 70 },
            { country: 'ME', percentage: 20 },
          ],
        }),
      ),
    ).toEqual([
      {
        field: 'data.recipients',
        message: 'Recipient countries and regions: the percentage values add up to 90, not 100',
      },
    ]);
    expect((await bad(project({ recipients: [{ percentage: 100 }] })))[0]?.message).toMatch(
      /Country: required when no region is given/,
    );
    expect(await bad(project({ sectors: ['99999'] }))).toEqual([
      { field: 'data.sectors.0', message: '"99999" is not a code of the list iati_sector.' },
    ]);
    expect(await bad(project({ participants: [{ role: '4' }] }))).toHaveLength(2);
    expect(await stored('cooperation_project')).toBe(before);

    const observer = await t.as('observer@demo.eucab.eu');
    expect((await observer.post(url, { data: project(), publish: true })).statusCode).toBe(403);

    const partner = await nl.post(`${BASE}/external_organisation`, {
      data: {
        name: 'Customs Administration of Serbia',
        org_identifier: 'RS-MB-17862146',
        org_type: '10',
        country: 'RS',
      },
      publish: true,
    });
    expect(partner.statusCode, partner.body).toBe(201);
    const me = (await nl.get('/api/v1/auth/me')).json();
    const created = await nl.post(url, {
      data: project({
        participants: [
          { role: '1', organisation: me.organisation.id },
          { role: '4', external: partner.json().id },
        ],
      }),
      publish: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const record = (await de.get(`${url}/${created.json().id}`)).json();
    expect(record).toMatchObject({ status: 'published', distribution: 'eucab', tlp: 'green' });
    expect(record.title).toBe('Risk-based controls at the Serbian border');

    const listed = (await de.get(`${url}?sectors=33120`)).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(created.json().id);

    const need = await de.post(`${BASE}/support_need`, {
      data: {
        title: 'Post-clearance audit in Serbia',
        country: 'RS',
        themes: ['risk'],
        description: 'Auditors trained in risk-based selection.',
        priority: 'high',
        raised_by: partner.json().id,
        need_status: 'being_addressed',
        projects: [created.json().id],
      },
      publish: true,
    });
    expect(need.statusCode, need.body).toBe(201);
  });
});
