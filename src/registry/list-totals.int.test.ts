import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';

// Registry list totals (issue 20, "Load"): exact up to REGISTRY_EXACT_TOTAL_LIMIT readable
// records, beyond it computed once per caller, filters and data version and then served as
// "about N" (totalIsEstimate) — and never counting a record the caller may not read.
let t: TestApp;
let de: TestClient;
let fr: TestClient;

const model = (n: number) => ({
  manufacturer: 'Totals Scanners',
  model: `TS-${n}`,
  category: n % 2 ? 'nii' : 'radiation',
  technology: 'xray_high',
  deployment: 'relocatable',
});

/** Every record the caller can page through (the total must equal this). */
async function readable(c: TestClient, query = '') {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const res = await c.get(`/api/v1/registry/equipment_model?limit=100&offset=${offset}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string }[];
    ids.push(...items.map((x) => x.id));
    if (items.length < 100) return ids;
  }
}

beforeAll(async () => {
  t = await createTestApp({ env: { REGISTRY_EXACT_TOTAL_LIMIT: '3' } });
  de = await t.as('de.expert@demo.eucab.eu');
  fr = await t.as('fr.expert@demo.eucab.eu');
  for (let n = 1; n <= 4; n++) {
    const res = await de.post('/api/v1/registry/equipment_model', { data: model(n), publish: true });
    expect(res.statusCode, res.body).toBe(201);
  }
  // Three records only Germany may read.
  for (let n = 5; n <= 7; n++) {
    const res = await de.post('/api/v1/registry/equipment_model', {
      data: model(n),
      marking: { distribution: 'organisation', tlp: 'amber' },
      publish: true,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => t?.close());

describe('registry list totals', () => {
  it('beyond the limit: exact when computed, then "about N" from the cache; never a record the caller may not read', async () => {
    const first = (await fr.get('/api/v1/registry/equipment_model')).json();
    const frIds = await readable(fr);
    expect(frIds.length).toBeGreaterThan(3);
    expect(first.total).toBe(frIds.length);
    expect(first.totalIsEstimate).toBe(false);
    const again = (await fr.get('/api/v1/registry/equipment_model?limit=5')).json();
    expect(again).toMatchObject({ total: frIds.length, totalIsEstimate: true });
    expect(again.facets).toEqual(first.facets);
    // The facets count the same readable set.
    const byCategory = Object.values(first.facets.category as Record<string, number>);
    expect(byCategory.reduce((x, y) => x + y, 0)).toBe(frIds.length);

    // Germany reads its three organisation-only records too; France's total never included them.
    const deList = (await de.get('/api/v1/registry/equipment_model')).json();
    const deIds = await readable(de);
    expect(deList.total).toBe(deIds.length);
    expect(deList.totalIsEstimate).toBe(false);
    expect(deIds.length - frIds.length).toBe(3);
    expect(frIds.every((id) => deIds.includes(id))).toBe(true);
  });

  it('after a change to a record of the kind: the old total as "about N", then the new one', async () => {
    const before = (await fr.get('/api/v1/registry/equipment_model')).json();
    const res = await de.post('/api/v1/registry/equipment_model', { data: model(8), publish: true });
    expect(res.statusCode, res.body).toBe(201);
    const next = (await fr.get('/api/v1/registry/equipment_model')).json();
    expect(next).toMatchObject({ total: before.total, totalIsEstimate: true });
    // One computation outside the request brings it up to date.
    let total = next.total;
    for (let i = 0; i < 50 && total === before.total; i++) {
      await new Promise((r) => setTimeout(r, 100));
      total = (await fr.get('/api/v1/registry/equipment_model')).json().total;
    }
    expect(total).toBe(before.total + 1);
    expect(await readable(fr)).toHaveLength(before.total + 1);
  });

  it('up to the limit: exact on every request, as before', async () => {
    const q = '&q=TS-1';
    const ids = await readable(fr, q);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(3);
    for (let i = 0; i < 2; i++) {
      const list = (await fr.get(`/api/v1/registry/equipment_model?language=en${q}`)).json();
      expect(list).toMatchObject({ total: ids.length, totalIsEstimate: false });
    }
  });
});
