import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let author: TestClient;
let networkId: string;

function upload(c: TestClient, url: string, name: string, type: string, content: Buffer) {
  const boundary = '----eucabatt';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return c.request({
    method: 'POST',
    url,
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

beforeAll(async () => {
  t = await createTestApp({ env: { UPLOAD_LIMIT_BYTES: '4096', BODY_LIMIT_BYTES: '8192' } });
  author = await t.as('nl.expert@demo.eucab.eu');
  networkId = (
    await t.rt.db
      .selectFrom('networks')
      .select('id')
      .where('code', '=', 'risk-management')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => t?.close());

describe('announcements', () => {
  it('validates input: 400 for bad fields, 413 for an oversized body, nothing written', async () => {
    const count = async () =>
      (
        await t.rt.db
          .selectFrom('announcements')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const base = { networkId, title: 'Valid title', body: 'Text', distribution: 'eucab', tlp: 'green' };
    expect((await author.post('/api/v1/announcements', { ...base, tlp: 'purple' })).statusCode).toBe(400);
    expect((await author.post('/api/v1/announcements', { ...base, title: '' })).statusCode).toBe(400);
    expect((await author.post('/api/v1/announcements', { ...base, extra: 1 })).statusCode).toBe(400);
    expect(
      (await author.post('/api/v1/announcements', { ...base, distribution: 'sharing_group' })).statusCode,
    ).toBe(400);
    expect(
      (await author.post('/api/v1/announcements', { ...base, tlp: 'red', recipientIds: [] })).json().detail,
    ).toMatch(/named recipient/);
    const big = await author.post('/api/v1/announcements', { ...base, body: 'x'.repeat(10_000) });
    expect(big.statusCode).toBe(413);
    expect((await author.get('/api/v1/announcements/not-a-uuid')).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('notifies readers only, and never quotes a TLP:RED title', async () => {
    const be = await t.userId('be.expert@demo.eucab.eu');
    const red = await author.post('/api/v1/announcements', {
      networkId,
      title: 'Operation Nightjar',
      body: 'Only for named people.',
      distribution: 'network',
      tlp: 'red',
      recipientIds: [be],
    });
    const amber = await author.post('/api/v1/announcements', {
      networkId,
      title: 'Amber for members',
      body: 'Members.',
      distribution: 'network',
      tlp: 'amber',
    });
    await t.rt.outbox.drain();
    const beNotes = (await (await t.as('be.expert@demo.eucab.eu')).get('/api/v1/notifications')).json().items;
    const redNote = beNotes.find((n: { record_id: string }) => n.record_id === red.json().id);
    expect(redNote.summary).toBe('');
    expect(JSON.stringify(beNotes)).not.toContain('Nightjar');
    const member = await t.as('fi.analyst@demo.eucab.eu'); // a risk-management member, not named
    const notes = (await member.get('/api/v1/notifications')).json().items;
    expect(notes.some((n: { record_id: string }) => n.record_id === red.json().id)).toBe(false);
    expect(notes.find((n: { record_id: string }) => n.record_id === amber.json().id).summary).toBe(
      'Amber for members',
    );
    // Narrowing the record afterwards hides the old notification too.
    await author.post(`/api/v1/announcements/${amber.json().id}/share`, {
      distribution: 'organisation',
      tlp: 'amber',
    });
    const after = (await member.get('/api/v1/notifications')).json().items;
    expect(after.some((n: { record_id: string }) => n.record_id === amber.json().id)).toBe(false);
  });

  it('exports carry the marking, exclude TLP:RED and neutralise spreadsheet formulas', async () => {
    await author.post('/api/v1/announcements', {
      networkId,
      title: '=HYPERLINK("http://evil")',
      body: '@SUM(1)',
      distribution: 'eucab',
      tlp: 'amber',
    });
    const res = await author.get('/api/v1/announcements/export?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.split('\n')[0]).toMatch(/^# TLP:AMBER/);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(res.body).toContain("'@SUM(1)");
    expect(res.body).not.toContain('Nightjar');
    expect(res.body).toContain('need-to-know basis within their organisation and its clients');
    const json = (await author.get('/api/v1/announcements/export?format=json')).json();
    expect(
      json.items.every(
        (i: { tlp: string; sharingRule: string }) => i.tlp !== 'red' && i.sharingRule.startsWith('TLP:'),
      ),
    ).toBe(true);
  });

  it('attachments: type and size checked, downloads go through the policy', async () => {
    const a = await author.post('/api/v1/announcements', {
      networkId,
      title: 'With a report',
      body: 'See attached.',
      distribution: 'organisation',
      tlp: 'amber_strict',
    });
    const id = a.json().id;
    const pdf = Buffer.from('%PDF-1.4\n% demo\n');
    const ok = await upload(
      author,
      `/api/v1/announcements/${id}/attachments`,
      'report.pdf',
      'application/pdf',
      pdf,
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const fake = await upload(
      author,
      `/api/v1/announcements/${id}/attachments`,
      'report.pdf',
      'application/pdf',
      Buffer.from('MZ not a pdf'),
    );
    expect(fake.statusCode).toBe(415);
    const exe = await upload(
      author,
      `/api/v1/announcements/${id}/attachments`,
      'tool.exe',
      'application/x-msdownload',
      Buffer.from('MZ'),
    );
    expect(exe.statusCode).toBe(415);
    const huge = await upload(
      author,
      `/api/v1/announcements/${id}/attachments`,
      'big.pdf',
      'application/pdf',
      Buffer.concat([pdf, Buffer.alloc(8000, 65)]),
    );
    expect(huge.statusCode).toBe(413);
    const url = `/api/v1/announcements/${id}/attachments/${ok.json().id}`;
    const dl = await author.get(url);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['x-tlp-marking']).toBe('TLP:AMBER+STRICT');
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    const outsider = await t.as('fr.expert@demo.eucab.eu');
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await t.client().get(url)).statusCode).toBe(404);
    const colleague = await t.as('nl.analyst@demo.eucab.eu');
    expect((await colleague.get(url)).statusCode).toBe(200);
    expect(
      (await upload(colleague, `/api/v1/announcements/${id}/attachments`, 'x.pdf', 'application/pdf', pdf))
        .statusCode,
    ).toBe(403);
  });

  it('only the owning organisation shares; widening to public needs CLEAR', async () => {
    const a = await author.post('/api/v1/announcements', {
      networkId,
      title: 'To be widened',
      body: 'x',
      distribution: 'network',
      tlp: 'green',
    });
    const id = a.json().id;
    expect(
      (await author.post(`/api/v1/announcements/${id}/share`, { distribution: 'public', tlp: 'green' }))
        .statusCode,
    ).toBe(400);
    const reader = await t.as('be.analyst@demo.eucab.eu');
    expect(
      (await reader.post(`/api/v1/announcements/${id}/share`, { distribution: 'eucab', tlp: 'green' }))
        .statusCode,
    ).toBe(403);
    const pub = await author.post(`/api/v1/announcements/${id}/share`, {
      distribution: 'public',
      tlp: 'clear',
    });
    expect(pub.statusCode).toBe(200);
    expect((await t.client().get(`/api/v1/announcements/${id}`)).statusCode).toBe(200);
    expect((await author.delete(`/api/v1/announcements/${id}`)).statusCode).toBe(204);
    expect((await t.client().get(`/api/v1/announcements/${id}`)).statusCode).toBe(404);
  });
});
