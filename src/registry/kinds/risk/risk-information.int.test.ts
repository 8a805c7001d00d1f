import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app.ts';

/** The kind `risk_information` through the API: who may add one, its structured checks, a filter. */
const URL = '/api/v1/registry/risk_information';
let t: TestApp;
let analyst: TestClient; // nl.analyst: risk analyst, expert of the risk-management network
let ncp: TestClient; // nl.ncp: neither

const DATA = {
  title: 'E-bikes',
  family: 'financial',
  modus_operandi: 'Undervaluation.',
  goods: [{ cn_code: '87116010' }],
  route: { countries: ['CN', 'NL'], transport_mode: 'sea', container: 'MSCU1234565', vessel_imo: '9321483' },
  parties: [{ name: 'A Person', party_type: 'person', identifiers: {} }],
  recommended_action: 'Check invoices.',
  valid_from: '2030-01-01',
  urgency: 'low',
};

beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.as('nl.analyst@demo.eucab.eu');
  ncp = await t.as('nl.ncp@demo.eucab.eu');
}, 240_000);
afterAll(async () => t?.close());

describe('risk_information', () => {
  it('is added by risk analysts, checked field by field, and filtered by family', async () => {
    expect((await t.client().post(URL, { data: DATA })).statusCode).toBe(401);
    const bad = await analyst.post(URL, {
      data: {
        ...DATA,
        family: 'other',
        route: { vessel_imo: '12' },
        urgency: 'soon',
        valid_to: '2029-01-01',
      },
    });
    expect(bad.statusCode).toBe(400);
    for (const f of ['vessel_imo', 'valid_to']) expect(bad.body).toContain(f);
    // Codes are checked against their lists: the urgency's and the shared risk families.
    for (const [field, value] of [
      ['urgency', 'soon'],
      ['family', 'other'],
    ] as const) {
      const code = await analyst.post(URL, { data: { ...DATA, [field]: value } });
      expect(code.statusCode).toBe(400);
      expect(code.body).toContain(field);
    }
    expect((await ncp.post(URL, { data: DATA })).statusCode).toBe(403);
    const ok = await analyst.post(URL, { data: DATA, publish: true });
    expect(ok.statusCode, ok.body).toBe(201);
    await analyst.post(URL, { data: { ...DATA, title: 'Dual use', family: 'sanctions' }, publish: true });
    const list = await analyst.get(`${URL}?family=sanctions`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((r: { title: string }) => r.title)).toEqual(['Dual use']);
  });
});
