import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { registryIndexes } from './index-sql.ts';
import { KINDS } from './kinds/index.ts';

let t: TestApp;
let de: TestClient; // Germany, coordinator of procurement
let fr: TestClient;
let modelId: string;

const model = {
  manufacturer: 'Nuctech',
  model: 'MB1215HS',
  category: 'nii',
  technology: 'xray_high',
  deployment: 'relocatable',
  specifications: [{ metric: 'penetration_steel', value: 300, unit: 'mm' }],
};

beforeAll(async () => {
  t = await createTestApp();
  de = await t.as('de.expert@demo.eucab.eu');
  fr = await t.as('fr.expert@demo.eucab.eu');
  const res = await de.post('/api/v1/registry/equipment_model', { data: model, publish: true });
  expect(res.statusCode, res.body).toBe(201);
  modelId = res.json().id;
});
afterAll(async () => t?.close());

describe('registry engine', () => {
  it('the database has exactly the indexes the definitions ask for (definitions and migrations match)', async () => {
    const rows = await sql<{
      indexname: string;
    }>`SELECT indexname FROM pg_indexes WHERE indexname LIKE 'registry_idx_%'`.execute(t.rt.db);
    expect(rows.rows.map((r) => r.indexname).sort()).toEqual(
      registryIndexes(KINDS)
        .map((i) => i.name)
        .sort(),
    );
  });

  it('validates data from the definition: 400 with the field and reason, nothing written', async () => {
    const count = async () =>
      (
        await t.rt.db
          .selectFrom('registry_records')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const bad = await de.post('/api/v1/registry/equipment_model', {
      data: {
        ...model,
        model: 'X',
        category: 'teleportation',
        specifications: [{ metric: 'weight', value: 'heavy', unit: 'kg' }],
        colour: 'red',
      },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['data.specifications.0.value']));
    const badCode = await de.post('/api/v1/registry/equipment_model', {
      data: { ...model, model: 'Y', category: 'teleportation' },
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().errors[0]).toEqual({
      field: 'data.category',
      message: '"teleportation" is not a code of the list control_purpose.',
    });
    const tender = await de.post('/api/v1/registry/tender', {
      data: {
        reference: 'T-1',
        title: 'Scanner',
        cpv_codes: ['3858'],
        category: 'nii',
        procedure_type: 'open',
        status: 'planned',
      },
    });
    expect(tender.json().errors[0].message).toMatch(/eight digits/);
    expect(await count()).toBe(before);
  });

  it('an import key makes a second record with the same key a conflict', async () => {
    const res = await de.post('/api/v1/registry/equipment_model', { data: { ...model, model: 'mb1215hs ' } });
    expect(res.statusCode).toBe(409);
  });

  it('catalogue entries: site locations are visible to the owning administration only', async () => {
    const item = {
      inventory_ref: 'DE-HH-001',
      model: modelId,
      category: 'nii',
      quantity: 3,
      year_acquired: 2021,
      country: 'DE',
      border_types: ['sea'],
      sites: [{ label: 'Hamburg, Waltershof', lat: 53.52, lon: 9.93 }],
      satisfaction: '4',
    };
    const res = await de.post('/api/v1/registry/equipment_item', { data: item, publish: true });
    expect(res.statusCode, res.body).toBe(201);
    const own = (await de.get(`/api/v1/registry/equipment_item/${res.json().id}`)).json();
    expect(own.data.sites).toHaveLength(1);
    const other = (await fr.get(`/api/v1/registry/equipment_item/${res.json().id}`)).json();
    expect(other.data.country).toBe('DE');
    expect(other.data.sites).toBeUndefined();
    expect(JSON.stringify(other)).not.toContain('Waltershof');
    const list = (await fr.get('/api/v1/registry/equipment_item')).json();
    expect(JSON.stringify(list)).not.toContain('Waltershof');
    const exp = await fr.get('/api/v1/registry/equipment_item/export?format=csv');
    expect(exp.body).not.toContain('Waltershof');
    expect(exp.body).toContain('DE-HH-001');
    const audit = (await fr.get(`/api/v1/audit?recordKind=equipment_item&recordId=${res.json().id}`)).json();
    expect(JSON.stringify(audit)).not.toContain('Waltershof');
    const stats = (
      await fr.get('/api/v1/registry/equipment_item/stats?groupBy=category&sumField=quantity')
    ).json();
    expect(stats.cells).toContainEqual({ organisation: 'DE', value: 'nii', measure: 3 });
  });

  it('drafts stay inside the owning administration until published; corrections keep every version', async () => {
    const res = await de.post('/api/v1/registry/tender', {
      data: {
        reference: 'DE-2027-01',
        title: 'Relocatable X-ray scanners',
        cpv_codes: ['38582000-7'],
        category: 'nii',
        procedure_type: 'open',
        status: 'planned',
        estimated_value: { amount: 4_500_000, currency: 'EUR' },
      },
    });
    const id = res.json().id;
    expect(res.json().status).toBe('draft');
    expect((await fr.get(`/api/v1/registry/tender/${id}`)).statusCode).toBe(404);
    expect((await de.post(`/api/v1/registry/tender/${id}/publish`)).statusCode).toBe(200);
    expect((await fr.get(`/api/v1/registry/tender/${id}`)).statusCode).toBe(200);
    const corrected = await de.put(`/api/v1/registry/tender/${id}`, {
      data: {
        reference: 'DE-2027-01',
        title: 'Relocatable X-ray scanners (2 lots)',
        cpv_codes: ['38582000-7'],
        category: 'nii',
        procedure_type: 'open',
        status: 'open',
        lots: 2,
      },
      note: 'lots added',
    });
    expect(corrected.json()).toMatchObject({ version: 2, changed: true });
    const detail = (await fr.get(`/api/v1/registry/tender/${id}`)).json();
    expect(detail.history.map((h: { version: number }) => h.version)).toEqual([1, 2]);
    expect(detail.history[1].changes.lots).toEqual({ before: null, after: 2 });
    expect(detail.abilities).toMatchObject({ read: true, update: false, comment: true });
    // Another administration registers interest; the owner is notified.
    const interest = await fr.post(`/api/v1/registry/tender/${id}/comments`, {
      kind: 'interest',
      body: 'France would join a joint procurement.',
    });
    expect(interest.statusCode).toBe(201);
    await t.rt.outbox.drain();
    const notes = (await de.get('/api/v1/notifications')).json().items;
    expect(
      notes.some(
        (n: { kind: string; record_id: string }) => n.kind === 'tender.interest' && n.record_id === id,
      ),
    ).toBe(true);
    // Retraction needs a reason.
    expect((await de.post(`/api/v1/registry/tender/${id}/retract`)).statusCode).toBe(400);
    expect(
      (await de.post(`/api/v1/registry/tender/${id}/retract`, { note: 'Procedure cancelled' })).statusCode,
    ).toBe(200);
  });

  it('four-eyes: a requirement set is published only by a second person of the same organisation', async () => {
    const set = {
      title: 'Cargo scanners – minimum requirements',
      category: 'nii',
      version_label: '2027.1',
      requirements: [
        {
          req_id: 'P1',
          text: 'Steel penetration of at least 300 mm',
          kind: 'performance',
          metric: 'penetration_steel',
          comparison: 'min',
          threshold: 300,
          unit: 'mm',
          standard: 'IEC 62523',
        },
      ],
    };
    expect((await de.post('/api/v1/registry/requirement_set', { data: set, publish: true })).statusCode).toBe(
      403,
    );
    const res = await de.post('/api/v1/registry/requirement_set', { data: set });
    const id = res.json().id;
    expect((await de.post(`/api/v1/registry/requirement_set/${id}/submit`)).statusCode).toBe(200);
    expect((await de.post(`/api/v1/registry/requirement_set/${id}/publish`)).statusCode).toBe(403);
    expect((await fr.post(`/api/v1/registry/requirement_set/${id}/publish`)).statusCode).toBe(404);
    const colleague = await t.as('de.analyst@demo.eucab.eu');
    const pub = await colleague.post(`/api/v1/registry/requirement_set/${id}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
    const ev = await t.rt.db
      .selectFrom('audit_events')
      .selectAll()
      .where('record_id', '=', id)
      .where('action', '=', 'requirement_set.published')
      .executeTakeFirstOrThrow();
    expect(ev.changes).toMatchObject({ approved_by: await t.userId('de.analyst@demo.eucab.eu') });
  });

  it('searches across kinds for entitled readers only', async () => {
    const secret = await de.post('/api/v1/registry/field_test', {
      data: {
        reference: 'FT-1',
        title: 'Hovercraft drone trial',
        model: modelId,
        category: 'surveillance',
        start_date: '2026-05-01',
        outcome: 'passed',
      },
      marking: { distribution: 'organisation', tlp: 'amber' },
      publish: true,
    });
    expect(secret.statusCode, secret.body).toBe(201);
    const mine = (await de.get('/api/v1/search?q=hovercraft')).json().items;
    expect(mine.map((x: { id: string }) => x.id)).toContain(secret.json().id);
    expect((await fr.get('/api/v1/search?q=hovercraft')).json().items).toEqual([]);
    expect((await t.client().get('/api/v1/search?q=hovercraft')).json().items).toEqual([]);
    // Stemming in the record's language: "scanners" finds "scanner".
    expect((await fr.get('/api/v1/search?q=scanner')).json().items.length).toBeGreaterThan(0);
  });

  it('exports CSV, XLSX and JSON with the marking; formulas are neutralised', async () => {
    await de.post('/api/v1/registry/equipment_model', {
      data: { ...model, model: '=cmd|calc', manufacturer: '@evil' },
      publish: true,
    });
    const csv = await fr.get('/api/v1/registry/equipment_model/export?format=csv');
    expect(csv.body.split('\n')[0]).toMatch(/^# TLP:GREEN/);
    expect(csv.body).toContain("'=cmd|calc");
    expect(csv.body).toContain("'@evil");
    const xlsx = await fr.get('/api/v1/registry/equipment_model/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const json = (await fr.get('/api/v1/registry/equipment_model/export?format=json')).json();
    expect(json.items.every((i: { tlp: string }) => i.tlp === 'TLP:GREEN')).toBe(true);
  });

  it('code lists are multilingual and versioned; administrators extend them', async () => {
    const list = (await fr.get('/api/v1/code-lists/equipment_technology')).json();
    expect(list.codes.find((c: { code: string }) => c.code === 'k9').labels.de).toBe('Diensthundeteam');
    expect(
      (
        await fr.post('/api/v1/code-lists/equipment_technology/codes', {
          code: 'muon',
          labels: { en: 'Muon tomography' },
        })
      ).statusCode,
    ).toBe(403);
    const admin = await t.as('admin@demo.eucab.eu');
    const added = await admin.post('/api/v1/code-lists/equipment_technology/codes', {
      code: 'muon',
      labels: { en: 'Muon tomography', fr: 'Tomographie muonique' },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().version).toBe(list.version + 1);
    const ok = await de.post('/api/v1/registry/equipment_model', {
      data: { ...model, model: 'MT-1', technology: 'muon' },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('lists filter, sort and give facets', async () => {
    const res = (await fr.get('/api/v1/registry/equipment_model?category=nii&sort=model')).json();
    expect(res.total).toBeGreaterThan(0);
    expect(res.facets.technology).toBeDefined();
    const names = res.items.map((i: { data: { model: string } }) => i.data.model);
    expect([...names].sort()).toEqual(names);
    expect((await fr.get('/api/v1/registry/equipment_model?bogus=1')).statusCode).toBe(400);
  });
});
