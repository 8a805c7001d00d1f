import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';

/**
 * The guards of src/http/input-guards.ts, through the real API: a NUL character (U+0000) in a
 * path or query parameter or a JSON body, and JSON nested deeper than BODY_MAX_DEPTH, are a 400
 * naming where, before any route runs — nothing is written.
 */
let t: TestApp;
let admin: TestClient;
let expert: TestClient; // nl.expert: procurement and risk management

const model = {
  manufacturer: 'Nuctech',
  model: 'NUL-1',
  category: 'nii',
  technology: 'xray_high',
  deployment: 'relocatable',
  specifications: [{ metric: 'penetration_steel', value: 300, unit: 'mm' }],
};

async function counts() {
  const n = async (table: 'organisations' | 'registry_records' | 'audit_events') =>
    Number(
      (
        await t.rt.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    organisations: await n('organisations'),
    registry: await n('registry_records'),
    audit: await n('audit_events'),
  };
}

function expectProblem(res: LightMyRequestResponse, detail: RegExp) {
  expect(res.statusCode).toBe(400);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.json().detail).toMatch(detail);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin@demo.eucab.eu');
  expert = await t.as('nl.expert@demo.eucab.eu');
});
afterAll(async () => t?.close());

describe('NUL characters (U+0000)', () => {
  it('in a query parameter: 400 naming the parameter (registry lists, announcements included)', async () => {
    const list = await expert.get('/api/v1/registry/equipment_model?q=a%00b');
    expectProblem(list, /query parameter "q" contains a NUL character/);
    expect(list.json().errors).toEqual([
      { field: 'querystring.q', message: 'contains a NUL character (U+0000)' },
    ]);
    expectProblem(await expert.get('/api/v1/registry/announcement?q=a%00b'), /query parameter "q"/);
    // the same requests without the NUL work
    expect((await expert.get('/api/v1/registry/equipment_model?q=ab')).statusCode).toBe(200);
    expect((await expert.get('/api/v1/registry/announcement?q=ab')).statusCode).toBe(200);
  });

  it('in a path parameter: 400 naming it', async () => {
    expectProblem(await expert.get('/api/v1/registry/equipment_model/a%00b'), /path parameter "id"/);
    expectProblem(await expert.get('/api/v1/registry/announcement/%00'), /path parameter "id"/);
  });

  it('in a JSON text field or key, at any depth: 400 naming the field, nothing written', async () => {
    const before = await counts();
    const org = await admin.post('/api/v1/organisations', {
      code: 'NUL-TEST',
      type: 'eucab_unit',
      name: 'Nul\u0000unit',
    });
    expectProblem(org, /body field "name" contains a NUL character/);
    expect(org.json().errors).toEqual([{ field: 'body.name', message: 'contains a NUL character (U+0000)' }]);
    expectProblem(
      await expert.post('/api/v1/registry/announcement', {
        data: { title: 'Valid title', body: 'Text\u0000', network: 'risk-management' },
        marking: { distribution: 'eucab', tlp: 'green' },
      }),
      /body field "data\.body"/,
    );
    expectProblem(
      await expert.post('/api/v1/registry/equipment_model', {
        data: { ...model, specifications: [{ metric: 'penetration_steel', value: 300, unit: 'm\u0000m' }] },
      }),
      /body field "data\.specifications\.0\.unit"/,
    );
    expectProblem(
      await expert.post('/api/v1/registry/equipment_model', { data: { ...model, 'x\u0000': 1 } }),
      /name of the body field "data\.x\\u0000"/,
    );
    expect(await counts()).toEqual(before);
    // without the NUL, the same creations succeed
    const ok = await admin.post('/api/v1/organisations', {
      code: 'NUL-TEST',
      type: 'eucab_unit',
      name: 'Nul unit',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const rec = await expert.post('/api/v1/registry/equipment_model', { data: model });
    expect(rec.statusCode, rec.body).toBe(201);
  });
});

describe('JSON nesting depth (BODY_MAX_DEPTH, 64 by default)', () => {
  it('a body nested 10,000 levels deep is a 400 on an admin endpoint, nothing written', async () => {
    const before = await counts();
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: `{"code":"DEEP","type":"eucab_unit","name":"Deep","names":${deep}}`,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, /^The JSON body is nested deeper than 64 levels\.$/);
    const bare = await admin.request({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: deep,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expectProblem(bare, /nested deeper than 64 levels/);
    expect(await counts()).toEqual(before);
  });

  it('64 levels pass the parser (the route then judges the body); brackets inside strings do not count', async () => {
    let nested: unknown = 'leaf';
    for (let i = 0; i < 62; i++) nested = [nested]; // body object + names object + 62 arrays = 64
    const res = await admin.post('/api/v1/organisations', {
      code: 'DEPTH-OK',
      type: 'eucab_unit',
      name: 'Depth',
      names: { en: nested },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).not.toMatch(/nested deeper/);
    expect(res.json().detail).toMatch(/names/);
    const deeper = await admin.post('/api/v1/organisations', {
      code: 'DEPTH-65',
      type: 'eucab_unit',
      name: 'Depth',
      names: { en: [nested] },
    });
    expectProblem(deeper, /nested deeper than 64 levels/);
    const brackets = await admin.post('/api/v1/organisations', {
      code: 'BRACKETS',
      type: 'eucab_unit',
      name: `${'[{'.repeat(40)}"\\`, // 80 brackets and an escaped quote, inside a string
    });
    expect(brackets.statusCode, brackets.body).toBe(201);
  });

  it('still refuses invalid JSON and prototype poisoning as before', async () => {
    const bad = await admin.request({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: '{"code":',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(bad, /not valid JSON/);
    const proto = await admin.request({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: '{"code":"PROTO","type":"eucab_unit","name":"P","__proto__":{"x":1}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(proto.statusCode).toBe(400);
  });
});
