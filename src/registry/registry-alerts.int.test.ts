import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';

let t: TestApp;
let de: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  de = await t.as('de.expert@demo.eucab.eu');
});
afterAll(async () => t?.close());

const tender = (reference: string, cpv: string) => ({
  reference,
  title: `Tender ${reference}`,
  cpv_codes: [cpv],
  category: 'nii',
  procedure_type: 'open',
  status: 'open',
});

describe('alerts and attachments', () => {
  it('alerts match tenders by CPV prefix, only for readers', async () => {
    const fr = await t.as('fr.expert@demo.eucab.eu');
    expect(
      (
        await fr.post('/api/v1/registry/subscriptions', {
          kind: 'tender',
          field: 'cpv_codes',
          prefix: '3858',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await fr.post('/api/v1/registry/subscriptions', { kind: 'tender', field: 'colour', prefix: 'x' }))
        .statusCode,
    ).toBe(400);
    const match = (
      await de.post('/api/v1/registry/tender', { data: tender('A-1', '38582000-7'), publish: true })
    ).json().id;
    const other = (
      await de.post('/api/v1/registry/tender', { data: tender('A-2', '35125300-2'), publish: true })
    ).json().id;
    const hidden = (
      await de.post('/api/v1/registry/tender', {
        data: tender('A-3', '38581000-0'),
        publish: true,
        marking: { distribution: 'organisation', tlp: 'amber' },
      })
    ).json().id;
    await t.rt.outbox.drain();
    const ids = (await fr.get('/api/v1/notifications'))
      .json()
      .items.map((n: { record_id: string }) => n.record_id);
    expect(ids).toContain(match);
    expect(ids).not.toContain(other);
    expect(ids).not.toContain(hidden);
  });

  it('attachments of registry records follow the record access', async () => {
    const id = (
      await de.post('/api/v1/registry/tender', {
        data: tender('B-1', '38582000-7'),
        publish: true,
        marking: { distribution: 'organisation', tlp: 'amber' },
      })
    ).json().id;
    const boundary = '----att';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="spec.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 spec\r\n--${boundary}--\r\n`;
    const up = await de.request({
      method: 'POST',
      url: `/api/v1/registry/tender/${id}/attachments`,
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(up.statusCode, up.body).toBe(201);
    const url = `/api/v1/registry/tender/${id}/attachments/${up.json().id}`;
    expect((await de.get(url)).headers['x-tlp-marking']).toBe('TLP:AMBER');
    expect((await (await t.as('fr.expert@demo.eucab.eu')).get(url)).statusCode).toBe(404);
    expect((await (await t.as('de.analyst@demo.eucab.eu')).get(url)).statusCode).toBe(200);
  });
});

describe('compliance view', () => {
  it('judges models and field tests of the category against a published requirement set, with unit conversion', async () => {
    const m1 = (
      await de.post('/api/v1/registry/equipment_model', {
        publish: true,
        data: {
          manufacturer: 'A',
          model: 'Strong',
          category: 'nii',
          technology: 'xray_high',
          specifications: [{ metric: 'penetration_steel', value: 32, unit: 'cm' }],
        },
      })
    ).json().id;
    const m2 = (
      await de.post('/api/v1/registry/equipment_model', {
        publish: true,
        data: {
          manufacturer: 'B',
          model: 'Weak',
          category: 'nii',
          technology: 'xray_low',
          specifications: [{ metric: 'penetration_steel', value: 250, unit: 'mm' }],
        },
      })
    ).json().id;
    await de.post('/api/v1/registry/field_test', {
      publish: true,
      data: {
        reference: 'FT-9',
        title: 'Port trial',
        model: m2,
        category: 'nii',
        start_date: '2026-04-01',
        outcome: 'passed',
        metrics: [{ metric: 'penetration_steel', value: 0.31, unit: 'm' }],
      },
    });
    const set = (
      await de.post('/api/v1/registry/requirement_set', {
        data: {
          title: 'Cargo scanners',
          category: 'nii',
          version_label: '1',
          requirements: [
            {
              req_id: 'P1',
              text: 'Steel penetration ≥ 300 mm',
              kind: 'performance',
              metric: 'penetration_steel',
              comparison: 'min',
              threshold: 300,
              unit: 'mm',
              standard: 'IEC 62523',
            },
          ],
        },
      })
    ).json().id;
    await de.post(`/api/v1/registry/requirement_set/${set}/submit`);
    await (await t.as('de.analyst@demo.eucab.eu')).post(`/api/v1/registry/requirement_set/${set}/publish`);
    const res = (
      await (await t.as('fr.expert@demo.eucab.eu')).get(`/api/v1/registry/requirement_set/${set}/compliance`)
    ).json();
    const verdict = (id: string) => res.subjects.find((s: { id: string }) => s.id === id)?.results[0].verdict;
    expect(verdict(m1)).toBe('pass');
    expect(verdict(m2)).toBe('fail');
    const trial = res.subjects.find((s: { kind: string }) => s.kind === 'field_test');
    expect(trial.results[0]).toMatchObject({ verdict: 'pass', converted: 310 });
  });
});
