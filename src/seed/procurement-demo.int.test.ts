import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { seedProcurementDemo } from './procurement-demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

it('the procurement demo data loads through the registry engine and is labelled as demo', async () => {
  const n = await seedProcurementDemo(t.rt.db);
  expect(n).toBeGreaterThan(20);
  const rows = await t.rt.db.selectFrom('registry_records').select(['title', 'is_demo', 'status']).execute();
  expect(rows.every((r) => r.is_demo || r.title.includes('[Demo]'))).toBe(true);
  const fr = await t.as('fr.expert@demo.eucab.eu');
  const stats = (
    await fr.get('/api/v1/registry/equipment_item/stats?groupBy=country&sumField=quantity')
  ).json();
  expect(new Set(stats.cells.map((c: { organisation: string }) => c.organisation)).size).toBe(12);
  const set = (await fr.get('/api/v1/registry/requirement_set')).json().items[0];
  expect(set.status).toBe('published');
  const compliance = (await fr.get(`/api/v1/registry/requirement_set/${set.id}/compliance`)).json();
  expect(compliance.subjects.length).toBeGreaterThanOrEqual(4);
});
