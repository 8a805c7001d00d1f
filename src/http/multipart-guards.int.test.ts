import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';

/**
 * Multipart bodies are read by the routes (streamed), after the input guards ran: a NUL character
 * (U+0000) in an uploaded file's name or in a text field is refused there with the same 400 as in
 * JSON, naming where — and nothing is stored.
 */
let t: TestApp;
let de: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  de = await t.as('de.expert@demo.eucab.eu');
});
afterAll(async () => t?.close());

function multipart(
  file: { name: string; content: string; type?: string },
  fields: Record<string, string> = {},
) {
  const boundary = '----eucabnul';
  let body = '';
  for (const [k, v] of Object.entries(fields))
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  body += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n${file.content}\r\n--${boundary}--\r\n`;
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function count(table: 'attachments' | 'audit_events' | 'risk_datasets') {
  const row = await t.rt.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('NUL characters in multipart requests', () => {
  it('an attachment whose file name holds a NUL is refused with 400 naming the file name; the same upload without it works', async () => {
    const created = await de.post('/api/v1/registry/tender', {
      data: {
        reference: 'NUL-ATT-1',
        title: 'NUL probe',
        cpv_codes: ['38582000-7'],
        category: 'nii',
        procedure_type: 'open',
        status: 'open',
      },
      publish: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/v1/registry/tender/${created.json().id}/attachments`;
    const before = { attachments: await count('attachments'), audit: await count('audit_events') };
    const bad = await de.request({
      method: 'POST',
      url,
      ...multipart({ name: 'spec\u0000.pdf', content: '%PDF-1.4', type: 'application/pdf' }),
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().detail).toMatch(/name of the uploaded file contains a NUL character/);
    expect(bad.json().errors).toEqual([{ field: 'file', message: 'contains a NUL character (U+0000)' }]);
    expect({ attachments: await count('attachments'), audit: await count('audit_events') }).toEqual(before);
    const good = await de.request({
      method: 'POST',
      url,
      ...multipart({ name: 'spec.pdf', content: '%PDF-1.4', type: 'application/pdf' }),
    });
    expect(good.statusCode, good.body).toBe(201);
  });

  it('a text field of a risk upload holding a NUL is refused with 400 naming the field; nothing is stored', async () => {
    const analyst = await t.as('de.analyst@demo.eucab.eu');
    const before = await count('risk_datasets');
    const res = await analyst.request({
      method: 'POST',
      url: '/api/v1/risk/datasets',
      ...multipart({ name: 'h.csv', content: 'a,b\n1,2\n' }, { name: 'data\u0000set', mapping: '{}' }),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().detail).toMatch(/form field "name" contains a NUL character/);
    expect(res.json().errors).toEqual([{ field: 'body.name', message: 'contains a NUL character (U+0000)' }]);
    expect(await count('risk_datasets')).toBe(before);
  });
});
