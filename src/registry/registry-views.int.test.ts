import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';

/** The statistics behind the matrix and map views: filters, sums, and only what the caller may read. */
let t: TestApp;
let de: TestClient;
let fr: TestClient;
let modelA: string;
let modelB: string;

const item = (ref: string, model: string, category: string, quantity: number, country = 'DE') => ({
  inventory_ref: ref,
  model,
  category,
  quantity,
  country,
  border_types: ['sea'],
});

type Cell = { organisation: string; value: string; measure: number };
const cell = (cells: Cell[], org: string, value: string) =>
  cells.find((c) => c.organisation === org && c.value === value)?.measure;

beforeAll(async () => {
  t = await createTestApp();
  de = await t.as('de.expert@demo.eucab.eu');
  fr = await t.as('fr.expert@demo.eucab.eu');
  const model = async (name: string, category: string) => {
    const res = await de.post('/api/v1/registry/equipment_model', {
      publish: true,
      data: { manufacturer: 'Views', model: name, category, technology: 'xray_high' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  modelA = await model('A', 'nii');
  modelB = await model('B', 'radiation');
  const post = async (data: object, extra: object = {}, as: TestClient = de) => {
    const res = await as.post('/api/v1/registry/equipment_item', { data, publish: true, ...extra });
    expect(res.statusCode, res.body).toBe(201);
  };
  await post(item('V-1', modelA, 'nii', 4));
  // A catalogue entry's country is its owner's: the Dutch entry is the Netherlands' own.
  await post(item('V-2', modelA, 'nii', 3, 'NL'), {}, await t.as('nl.expert@demo.eucab.eu'));
  await post(item('V-3', modelB, 'radiation', 7));
  // Visible to Germany only: must never be counted for France.
  await post(item('V-SECRET', modelB, 'radiation', 100), {
    marking: { distribution: 'organisation', tlp: 'amber' },
  });
  // A draft is not counted by anybody.
  const draft = await de.post('/api/v1/registry/equipment_item', {
    data: item('V-DRAFT', modelA, 'nii', 50),
  });
  expect(draft.statusCode, draft.body).toBe(201);
});
afterAll(async () => t?.close());

describe('registry statistics (matrix and map views)', () => {
  it('400 for a field that is not groupable and for a sum of a field that is not a number', async () => {
    expect((await fr.get('/api/v1/registry/equipment_item/stats?groupBy=notes')).statusCode).toBe(400);
    expect(
      (await fr.get('/api/v1/registry/equipment_item/stats?groupBy=category&sumField=notes')).statusCode,
    ).toBe(400);
    expect(
      (await fr.get('/api/v1/registry/equipment_item/stats?groupBy=category&colour=red')).statusCode,
    ).toBe(400);
  });

  it('sums per organisation and code, counting only published records the caller may read', async () => {
    const frStats = (
      await fr.get('/api/v1/registry/equipment_item/stats?groupBy=category&sumField=quantity')
    ).json();
    expect(frStats.measure).toBe('sum of quantity');
    expect(cell(frStats.cells, 'DE', 'nii')).toBe(4);
    expect(cell(frStats.cells, 'NL', 'nii')).toBe(3);
    expect(cell(frStats.cells, 'DE', 'radiation')).toBe(7);
    const deStats = (
      await de.get('/api/v1/registry/equipment_item/stats?groupBy=category&sumField=quantity')
    ).json();
    // The owner sees its own organisation-only record; the draft is not counted by anybody.
    expect(cell(deStats.cells, 'DE', 'radiation')).toBe(107);
    expect(cell(deStats.cells, 'DE', 'nii')).toBe(4);
    const counts = (await fr.get('/api/v1/registry/equipment_item/stats?groupBy=category')).json();
    expect(counts.measure).toBe('count');
    expect(cell(counts.cells, 'DE', 'radiation')).toBe(1);
  });

  it('groups by the map view field (country) and narrows by the list filters', async () => {
    const byCountry = (
      await fr.get('/api/v1/registry/equipment_item/stats?groupBy=country&sumField=quantity')
    ).json();
    expect(cell(byCountry.cells, 'NL', 'NL')).toBe(3);
    expect(cell(byCountry.cells, 'DE', 'DE')).toBe(11);
    const narrowed = (
      await fr.get(`/api/v1/registry/equipment_item/stats?groupBy=country&sumField=quantity&model=${modelA}`)
    ).json();
    expect(cell(narrowed.cells, 'DE', 'DE')).toBe(4);
    expect(cell(narrowed.cells, 'NL', 'NL')).toBe(3);
    const deOwned = (
      await de.get(
        `/api/v1/registry/equipment_item/stats?groupBy=country&sumField=quantity&category=radiation&owner=DE`,
      )
    ).json();
    expect(deOwned.cells).toEqual([{ organisation: 'DE', value: 'DE', measure: 107 }]);
  });

  it('the statistics query is described in the OpenAPI document (groups and sums per kind)', async () => {
    const doc = (await t.client().get('/api/v1/openapi.json')).json();
    const params = doc.paths['/api/v1/registry/equipment_item/stats'].get.parameters as {
      name: string;
      schema: { enum?: string[] };
    }[];
    const p = (name: string) => params.find((x) => x.name === name);
    expect(p('groupBy')?.schema.enum).toEqual(
      expect.arrayContaining(['category', 'country', 'border_types']),
    );
    expect(p('sumField')?.schema.enum).toEqual(['quantity', 'year_acquired']);
    expect(p('model')).toBeDefined();
    // A kind without number fields has no sum to offer, and its statistics still answer.
    expect(doc.paths['/api/v1/registry/requirement_set/stats']).toBeDefined();
    const rs = await fr.get('/api/v1/registry/requirement_set/stats?groupBy=category');
    expect(rs.statusCode, rs.body).toBe(200);
    expect(
      (await fr.get('/api/v1/registry/requirement_set/stats?groupBy=category&sumField=title')).statusCode,
    ).toBe(400);
  });

  it('groups by a list field, also when a record stores no list (null)', async () => {
    const res = await de.post('/api/v1/registry/equipment_item', {
      publish: true,
      data: { ...item('V-NULL', modelA, 'nii', 2), border_types: null },
    });
    expect(res.statusCode, res.body).toBe(201);
    const stats = await fr.get(
      '/api/v1/registry/equipment_item/stats?groupBy=border_types&sumField=quantity',
    );
    expect(stats.statusCode, stats.body).toBe(200);
    expect(cell(stats.json().cells, 'DE', 'sea')).toBe(11);
    expect(cell(stats.json().cells, 'NL', 'sea')).toBe(3);
  });

  it('anonymous callers see no restricted figures', async () => {
    const res = await t.client().get('/api/v1/registry/equipment_item/stats?groupBy=category');
    if (res.statusCode === 200) expect(res.json().cells).toEqual([]);
    else expect(res.statusCode).toBe(401);
  });
});
