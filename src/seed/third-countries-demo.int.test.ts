import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { seedThirdCountriesDemo } from './third-countries-demo.ts';

/**
 * The third-countries demo: projects of many administrations in four partner regions, marked as
 * demo, so that the world map, the overlap finder and the unanswered needs show something.
 */
let t: TestApp;
let pt: TestClient;
let seeded: Awaited<ReturnType<typeof seedThirdCountriesDemo>>;

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedThirdCountriesDemo(t.rt);
  pt = await t.as('pt.expert@demo.eucab.eu');
}, 300_000);
afterAll(async () => t?.close());

describe('third-countries demo data', () => {
  it('projects of many administrations, marked as demo, on the map and in the overlap finder', async () => {
    expect(seeded).toEqual({ partners: 11, projects: 15, needs: 7 });
    const rows = await t.rt.db
      .selectFrom('registry_records as r')
      .innerJoin('organisations as o', 'o.id', 'r.owner_org_id')
      .select(['o.code', 'r.is_demo', 'r.title'])
      .where('r.kind', '=', 'cooperation_project')
      .execute();
    expect(new Set(rows.map((r) => r.code)).size).toBeGreaterThanOrEqual(12);
    expect(rows.every((r) => r.is_demo && r.title.startsWith('[Demo]'))).toBe(true);

    const map = (await pt.get('/api/v1/third-countries/map')).json();
    expect(map.projects).toBe(15);
    expect(map.countries.map((c: { country: string }) => c.country)).toEqual(
      expect.arrayContaining(['RS', 'AL', 'MD', 'UA', 'GE', 'MA', 'TN', 'KZ', 'UZ']),
    );
    const found = (await pt.get('/api/v1/third-countries/overlaps')).json();
    const pairs = found.overlaps.map(
      (o: { country: string; projects: { owner: string }[] }) =>
        `${o.country}:${o.projects
          .map((p) => p.owner)
          .sort()
          .join('+')}`,
    );
    expect(pairs).toEqual(expect.arrayContaining(['RS:AT+DE', 'MA:ES+FR', 'MD:LV+RO']));
    expect(found.unmetNeeds.map((n: { country: string }) => n.country).sort()).toEqual(['BA', 'TN', 'UZ']);
  });
});
