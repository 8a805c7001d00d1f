import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('saved filters of registry lists', () => {
  it('401 → 400 → save, replace by name, list only mine, delete', async () => {
    const url = '/api/v1/registry/saved-filters/tender';
    expect((await t.client().get(url)).statusCode).toBe(401);
    const de = await t.as('de.expert@demo.eucab.eu');
    const fr = await t.as('fr.expert@demo.eucab.eu');
    const bad = await de.put(url, { name: '', query: 'category=nii' });
    expect(bad.statusCode).toBe(400);
    expect((await de.get(url)).json().items).toEqual([]);
    expect((await de.put(url, { name: 'Open NII', query: '?category=nii' })).statusCode).toBe(200);
    const again = await de.put(url, { name: 'Open NII', query: 'category=nii&status=published' });
    expect(again.json().query).toBe('category=nii&status=published');
    const mine = (await de.get(url)).json().items;
    expect(mine).toHaveLength(1);
    expect((await fr.get(url)).json().items).toEqual([]);
    expect((await de.get('/api/v1/registry/saved-filters/equipment_item')).json().items).toEqual([]);
    expect((await fr.delete(`${url}/${mine[0].id}`)).statusCode).toBe(404);
    expect((await de.delete(`${url}/${mine[0].id}`)).statusCode).toBe(204);
    expect((await de.get(url)).json().items).toEqual([]);
  });

  it('the kinds list tells each caller whether they may create and import', async () => {
    const kinds = async (c: Awaited<ReturnType<TestApp['as']>>) =>
      (await c.get('/api/v1/registry')).json().kinds as {
        name: string;
        abilities: { create: boolean; import: boolean };
      }[];
    // The procurement coordinator adds every kind but those of the risk-management network.
    const de = await kinds(await t.as('de.expert@demo.eucab.eu'));
    const risk = [
      'risk_rule',
      'reference_table',
      'party_list',
      'goods_measure',
      'risk_factor',
      'profile_recommendation',
      'risk_information',
    ];
    expect(de.filter((k) => k.abilities.create && k.abilities.import).map((k) => k.name)).toEqual(
      de.map((k) => k.name).filter((n) => !risk.includes(n)),
    );
    const analyst = await kinds(await t.as('de.analyst@demo.eucab.eu'));
    expect(analyst.every((k) => k.abilities.create && k.abilities.import)).toBe(true);
    const observer = await kinds(await t.as('observer@demo.eucab.eu'));
    expect(observer.length).toBe(de.length);
    expect(observer.some((k) => k.abilities.create || k.abilities.import)).toBe(false);
  });
});
