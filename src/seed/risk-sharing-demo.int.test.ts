import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { seedRiskSharingDemo } from './risk-sharing-demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

it('the risk sharing demo: published factors and a recommendation whose author sees the responses per administration', async () => {
  const seeded = await seedRiskSharingDemo(t.rt.db);
  expect(seeded.factors).toHaveLength(2);
  const author = await t.as('nl.analyst@demo.eucab.eu');
  const rec = (await author.get(`/api/v1/registry/profile_recommendation/${seeded.recommendation}`)).json();
  expect(rec.status).toBe('published');
  expect(rec.data.backtest.hit_rate).toBe(31.25);
  const url = `/api/v1/risk-sharing/recommendations/${seeded.recommendation}/responses`;
  const evidence = (await author.get(url)).json();
  expect(evidence.aggregate).toEqual([
    expect.objectContaining({ organisation_code: 'BE', adoption: 'adapted', reports: 0 }),
    expect.objectContaining({
      organisation_code: 'DE',
      adoption: 'adopted',
      reports: 2,
      controls: 80,
      irregularities: 20,
    }),
    expect.objectContaining({ organisation_code: 'FR', adoption: 'not_adopted' }),
  ]);
  const de = await t.as('de.analyst@demo.eucab.eu');
  const mine = (await de.get(url)).json();
  expect(mine.aggregate).toBeNull();
  expect(mine.items.every((i: { organisation_code: string }) => i.organisation_code === 'DE')).toBe(true);
  const factors = (await de.get('/api/v1/registry/risk_factor')).json().items;
  expect(factors.map((f: { id: string }) => f.id).sort()).toEqual([...seeded.factors].sort());
});
