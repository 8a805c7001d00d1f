import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as migration0014 } from '../db/migrations/0014_owner_bound_country.ts';
import { seedInnovationDemo } from '../seed/innovation-demo.ts';
import { seedProcurementDemo } from '../seed/procurement-demo.ts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { KINDS } from './kinds/index.ts';

/**
 * Owner-bound fields: a catalogue entry's country is its owning administration's (set by the
 * server on create, correction and import), so the matrix (counted by owner) and the map
 * (counted by country) show the same figures — on the demo data and on anything an API user can
 * create, including records a platform administrator adds on behalf of an administration.
 */
let t: TestApp;
let nl: TestClient;
let de: TestClient;
let admin: TestClient;
let model: string;

const item = (ref: string, extra: Record<string, unknown> = {}) => ({
  inventory_ref: ref,
  model,
  category: 'nii',
  quantity: 2,
  ...extra,
});

function csvUpload(c: TestClient, url: string, content: string) {
  const boundary = '----ownerbound';
  return c.request({
    method: 'POST',
    url,
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="items.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  await seedProcurementDemo(t.rt.db);
  // innovation initiatives: a second kind with a matrix and a map view
  await seedInnovationDemo(t.rt.db);
  nl = await t.as('nl.expert@demo.eucab.eu');
  de = await t.as('de.expert@demo.eucab.eu');
  admin = await t.as('admin@demo.eucab.eu');
  const m = await de.post('/api/v1/registry/equipment_model', {
    publish: true,
    data: { manufacturer: 'Bound', model: 'B-1', category: 'nii', technology: 'xray_high' },
  });
  model = m.json().id;
});
afterAll(async () => t?.close());

describe('a catalogue entry’s country is its owner’s', () => {
  it('is set by the server; another country is refused with the reason and nothing is stored', async () => {
    const ok = await nl.post('/api/v1/registry/equipment_item', { data: item('OB-1'), publish: true });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await nl.get(`/api/v1/registry/equipment_item/${ok.json().id}`)).json().data.country).toBe('NL');
    const before = await t.rt.db.selectFrom('registry_records').select('id').execute();
    const bad = await nl.post('/api/v1/registry/equipment_item', {
      data: item('OB-2', { country: 'DE' }),
      publish: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'data.country', message: expect.stringMatching(/\(NL\)/) }]);
    expect((await t.rt.db.selectFrom('registry_records').select('id').execute()).length).toBe(before.length);
    const put = await nl.put(`/api/v1/registry/equipment_item/${ok.json().id}`, {
      data: item('OB-1', { country: 'FR' }),
    });
    expect(put.statusCode).toBe(400);
    expect((await nl.get(`/api/v1/registry/equipment_item/${ok.json().id}`)).json().version).toBe(1);
  });

  it('an import takes the importer’s country; a row naming another is reported by line and column', async () => {
    const bad = await csvUpload(
      de,
      '/api/v1/registry/equipment_item/import?dryRun=true',
      `inventory_ref,model,category,quantity,country\nOB-I1,${model},nii,1,DE\nOB-I2,${model},nii,1,NL\n`,
    );
    expect(bad.statusCode, bad.body).toBe(200);
    expect(bad.json().errors).toEqual([
      { line: 3, column: 'country', reason: expect.stringMatching(/owning administration's \(DE\)/) },
    ]);
    const good = await csvUpload(
      de,
      '/api/v1/registry/equipment_item/import?dryRun=false&publish=true',
      `inventory_ref,model,category,quantity\nOB-I3,${model},nii,5\n`,
    );
    expect(good.statusCode, good.body).toBe(202);
    await t.waitForJob(good.json().jobId);
    const rec = await t.rt.db
      .selectFrom('registry_records')
      .select(sql<string>`data->>'country'`.as('country'))
      .where('title', '=', 'OB-I3')
      .executeTakeFirstOrThrow();
    expect(rec.country).toBe('DE');
  });

  it('a platform administrator adds an entry on behalf of an administration, which owns it (audited); nobody else may', async () => {
    const at = await t.rt.db
      .selectFrom('organisations')
      .select('id')
      .where('code', '=', 'AT')
      .executeTakeFirstOrThrow();
    const res = await admin.post('/api/v1/registry/equipment_item', {
      data: item('OB-AT'),
      publish: true,
      onBehalfOf: at.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.rt.db
      .selectFrom('registry_records as r')
      .innerJoin('organisations as o', 'o.id', 'r.owner_org_id')
      .select(['o.code', sql<string>`r.data->>'country'`.as('country')])
      .where('r.id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ code: 'AT', country: 'AT' });
    const ev = await t.rt.db
      .selectFrom('audit_events')
      .select(['changes', 'organisation_id', 'actor_label'])
      .where('record_id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(ev.actor_label).toBe('admin@demo.eucab.eu');
    expect(ev.organisation_id).toBe(at.id);
    expect((ev.changes as Record<string, unknown>).on_behalf_of).toBe('AT');
    // The Support unit itself has no country: without onBehalfOf the entry is refused with why.
    const own = await admin.post('/api/v1/registry/equipment_item', { data: item('OB-SU'), publish: true });
    expect(own.statusCode).toBe(400);
    expect(own.body).toMatch(/on behalf of/);
    const notAdmin = await nl.post('/api/v1/registry/equipment_item', {
      data: item('OB-X'),
      onBehalfOf: at.id,
    });
    expect(notAdmin.statusCode).toBe(403);
  });

  it('every pair of views of a kind counts the same figures, with and without a filter', async () => {
    const fr = await t.as('fr.expert@demo.eucab.eu');
    type Cell = { organisation: string; value: string; measure: number };
    let pairs = 0;
    for (const kind of KINDS) {
      const map = kind.views.find((v) => v.type === 'map');
      const matrix = kind.views.find((v) => v.type === 'matrix');
      if (!map || !matrix) continue;
      for (const filter of ['', ...(kind.filters.includes('category') ? ['&category=nii'] : [])]) {
        const sum = map.measure === 'sum' ? `&sumField=${map.sumField}` : '';
        const get = async (groupBy: string) =>
          (await fr.get(`/api/v1/registry/${kind.name}/stats?groupBy=${groupBy}${sum}${filter}`)).json()
            .cells as Cell[];
        const byOwner = new Map<string, number>();
        for (const c of await get(matrix.field!))
          byOwner.set(c.organisation, (byOwner.get(c.organisation) ?? 0) + c.measure);
        const byField = new Map<string, number>();
        for (const c of await get(map.field!)) byField.set(c.value, (byField.get(c.value) ?? 0) + c.measure);
        expect(byOwner.size).toBeGreaterThan(3);
        expect(Object.fromEntries(byField)).toEqual(Object.fromEntries(byOwner));
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(0);
  });

  it('the data migration sets existing disagreeing countries to the owner’s, with a version saying what it was', async () => {
    const rec = await t.rt.db
      .selectFrom('registry_records')
      .select(['id', 'version'])
      .where('title', '=', 'OB-1')
      .executeTakeFirstOrThrow();
    // As a database written by the previous release could hold it.
    await sql`UPDATE registry_records SET data = jsonb_set(data, '{country}', '"PL"') WHERE id = ${rec.id}`.execute(
      t.rt.db,
    );
    await migration0014(t.rt.db as never);
    const after = await t.rt.db
      .selectFrom('registry_records')
      .select(['version', sql<string>`data->>'country'`.as('country')])
      .where('id', '=', rec.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ version: rec.version + 1, country: 'NL' });
    const history = (await nl.get(`/api/v1/registry/equipment_item/${rec.id}`)).json().history as {
      version: number;
      note: string;
      changedBy: string;
    }[];
    const last = history.find((h) => h.version === rec.version + 1)!;
    expect(last.note).toMatch(/was PL/);
    expect(last.changedBy).toBe('EUCAB platform');
  });
});
