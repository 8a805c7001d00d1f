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
