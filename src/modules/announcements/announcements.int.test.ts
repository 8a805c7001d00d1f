import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let author: TestClient;
const BASE = '/api/v1/registry/announcement';

/** A registry create body of an announcement in the risk-management network. */
function post(title: string, body: string, marking: Record<string, unknown>) {
  return { data: { title, body, network: 'risk-management' }, marking };
}

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
});
afterAll(async () => t?.close());

describe('announcements', () => {
  it('validates input: 400 for bad fields, 413 for an oversized body, nothing written', async () => {
    const count = async () =>
      (
        await t.rt.db
          .selectFrom('registry_records')
          .where('kind', '=', 'announcement')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const base = post('Valid title', 'Text', { distribution: 'eucab', tlp: 'green' });
    const marked = (m: Record<string, unknown>) => ({ ...base, marking: { ...base.marking, ...m } });
    expect((await author.post(BASE, marked({ tlp: 'purple' }))).statusCode).toBe(400);
    expect((await author.post(BASE, { ...base, data: { ...base.data, title: '' } })).statusCode).toBe(400);
    expect((await author.post(BASE, { ...base, data: { ...base.data, title: 'ab' } })).statusCode).toBe(400);
    expect((await author.post(BASE, { ...base, data: { ...base.data, extra: 1 } })).statusCode).toBe(400);
    expect((await author.post(BASE, { ...base, extra: 1 })).statusCode).toBe(400);
    expect(
      (await author.post(BASE, { ...base, data: { ...base.data, network: 'no-such-network' } })).json()
        .detail,
    ).toMatch(/No network/);
    expect((await author.post(BASE, marked({ distribution: 'sharing_group' }))).statusCode).toBe(400);
    expect((await author.post(BASE, marked({ tlp: 'red', recipientIds: [] }))).json().detail).toMatch(
      /named recipient/,
    );
    const big = await author.post(BASE, { ...base, data: { ...base.data, body: 'x'.repeat(10_000) } });
    expect(big.statusCode).toBe(413);
    expect((await author.get(`${BASE}/not-a-uuid`)).statusCode).toBe(400);
    // Only the network's experts and coordinators post in it; the Commission never does.
    const observer = await t.as('observer@demo.eucab.eu');
    expect((await observer.post(BASE, base)).statusCode).toBe(403);
    const ncp = await t.as('nl.ncp@demo.eucab.eu'); // in no network
    expect((await ncp.post(BASE, base)).json().detail).toMatch(/experts and coordinators/);
    const notThere = await author.post(BASE, { ...base, data: { ...base.data, network: 'innovation' } });
    expect(notThere.statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('notifies readers only, and never quotes a TLP:RED title', async () => {
    const be = await t.userId('be.expert@demo.eucab.eu');
    const red = await author.post(
      BASE,
      post('Operation Nightjar', 'Only for named people.', {
        distribution: 'network',
        tlp: 'red',
        recipientIds: [be],
      }),
    );
    expect(red.json().status).toBe('published');
    const amber = await author.post(
      BASE,
      post('Amber for members', 'Members.', { distribution: 'network', tlp: 'amber' }),
    );
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
    await author.post(`${BASE}/${amber.json().id}/share`, {
      distribution: 'organisation',
      tlp: 'amber',
    });
    const after = (await member.get('/api/v1/notifications')).json().items;
    expect(after.some((n: { record_id: string }) => n.record_id === amber.json().id)).toBe(false);
  });

  it('exports carry the marking, exclude TLP:RED and neutralise spreadsheet formulas', async () => {
    await author.post(
      BASE,
      post('=HYPERLINK("http://evil")', '@SUM(1)', { distribution: 'eucab', tlp: 'amber' }),
    );
    const res = await author.get(`${BASE}/export?format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.split('\n')[0]).toMatch(/^# TLP:AMBER/);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(res.body).toContain("'@SUM(1)");
    expect(res.body).not.toContain('Nightjar');
    expect(res.body).toContain('need-to-know basis within their organisation and its clients');
    const json = (await author.get(`${BASE}/export?format=json`)).json();
    expect(
      json.items.every(
        (i: { tlp: string; sharingRule: string }) => i.tlp !== 'red' && i.sharingRule.startsWith('TLP:'),
      ),
    ).toBe(true);
  });

  it('attachments: type and size checked, downloads go through the policy', async () => {
    const a = await author.post(
      BASE,
      post('With a report', 'See attached.', { distribution: 'organisation', tlp: 'amber_strict' }),
    );
    const id = a.json().id;
    const pdf = Buffer.from('%PDF-1.4\n% demo\n');
    const ok = await upload(author, `${BASE}/${id}/attachments`, 'report.pdf', 'application/pdf', pdf);
    expect(ok.statusCode, ok.body).toBe(201);
    const fake = await upload(
      author,
      `${BASE}/${id}/attachments`,
      'report.pdf',
      'application/pdf',
      Buffer.from('MZ not a pdf'),
    );
    expect(fake.statusCode).toBe(415);
    const exe = await upload(
      author,
      `${BASE}/${id}/attachments`,
      'tool.exe',
      'application/x-msdownload',
      Buffer.from('MZ'),
    );
    expect(exe.statusCode).toBe(415);
    const huge = await upload(
      author,
      `${BASE}/${id}/attachments`,
      'big.pdf',
      'application/pdf',
      Buffer.concat([pdf, Buffer.alloc(8000, 65)]),
    );
    expect(huge.statusCode).toBe(413);
    const url = `${BASE}/${id}/attachments/${ok.json().id}`;
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
      (await upload(colleague, `${BASE}/${id}/attachments`, 'x.pdf', 'application/pdf', pdf)).statusCode,
    ).toBe(403);
  });

  it('only the owning organisation shares; widening to public needs CLEAR', async () => {
    const a = await author.post(BASE, post('To be widened', 'x', { distribution: 'network', tlp: 'green' }));
    const id = a.json().id;
    expect(
      (await author.post(`${BASE}/${id}/share`, { distribution: 'public', tlp: 'green' })).statusCode,
    ).toBe(400);
    const reader = await t.as('be.analyst@demo.eucab.eu');
    expect(
      (await reader.post(`${BASE}/${id}/share`, { distribution: 'eucab', tlp: 'green' })).statusCode,
    ).toBe(403);
    const pub = await author.post(`${BASE}/${id}/share`, {
      distribution: 'public',
      tlp: 'clear',
    });
    expect(pub.statusCode).toBe(200);
    expect((await t.client().get(`${BASE}/${id}`)).statusCode).toBe(200);
  });

  it('retraction is a status with its reason: shown on the record, audited, gone from lists and search', async () => {
    const a = await author.post(BASE, post('Soon retracted', 'x', { distribution: 'eucab', tlp: 'green' }));
    const id = a.json().id;
    const reader = await t.as('fr.expert@demo.eucab.eu');
    expect((await reader.post(`${BASE}/${id}/retract`, { note: 'not mine' })).statusCode).toBe(403);
    expect((await author.post(`${BASE}/${id}/retract`, {})).statusCode).toBe(400);
    const done = await author.post(`${BASE}/${id}/retract`, { note: 'Posted in the wrong network.' });
    expect(done.statusCode, done.body).toBe(200);
    const rec = (await reader.get(`${BASE}/${id}`)).json();
    expect([rec.status, rec.status_note, rec.abilities.update]).toEqual([
      'retracted',
      'Posted in the wrong network.',
      false,
    ]);
    const listed = (await reader.get(`${BASE}?q=retracted&limit=200`)).json().items;
    expect(listed.some((x: { id: string }) => x.id === id)).toBe(false);
    const found = (await reader.get('/api/v1/search?q=Soon%20retracted')).json().items;
    expect(found.some((x: { id: string }) => x.id === id)).toBe(false);
    const audit = (await author.get(`/api/v1/audit?recordKind=announcement&recordId=${id}`)).json().items;
    expect(JSON.stringify(audit)).toContain('Posted in the wrong network.');
  });

  it("lists filter by network; the network's page posts from the abilities", async () => {
    const a = await author.post(
      BASE,
      post('Network filter probe', 'x', { distribution: 'eucab', tlp: 'green' }),
    );
    const reader = await t.as('fr.expert@demo.eucab.eu');
    const inRisk = (await reader.get(`${BASE}?network=risk-management&limit=500`)).json();
    expect(inRisk.items.some((x: { id: string }) => x.id === a.json().id)).toBe(true);
    expect(
      inRisk.items.every((x: { data: { network: string } }) => x.data.network === 'risk-management'),
    ).toBe(true);
    const inTraining = (await reader.get(`${BASE}?network=training&limit=500`)).json();
    expect(inTraining.items.some((x: { id: string }) => x.id === a.json().id)).toBe(false);
    const kinds = (await (await t.as('observer@demo.eucab.eu')).get('/api/v1/registry')).json().kinds;
    expect(kinds.find((k: { name: string }) => k.name === 'announcement').abilities.create).toBe(false);
  });

  it("the former paths answer 308 to the registry's, query string kept", async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const cases: [string, string, string][] = [
      ['GET', '/api/v1/announcements?q=x&limit=5', `${BASE}?q=x&limit=5`],
      ['GET', '/api/v1/announcements/count?q=x', `${BASE}?q=x`],
      ['GET', '/api/v1/announcements/export?format=json', `${BASE}/export?format=json`],
      ['GET', `/api/v1/announcements/${id}`, `${BASE}/${id}`],
      ['POST', '/api/v1/announcements', BASE],
      ['PATCH', `/api/v1/announcements/${id}`, `${BASE}/${id}`],
      ['POST', `/api/v1/announcements/${id}/share`, `${BASE}/${id}/share`],
      ['DELETE', `/api/v1/announcements/${id}`, `${BASE}/${id}/retract`],
      ['POST', `/api/v1/announcements/${id}/attachments`, `${BASE}/${id}/attachments`],
      ['GET', `/api/v1/announcements/${id}/attachments/${id}`, `${BASE}/${id}/attachments/${id}`],
      ['GET', `/api/v1/announcements/${id}/editors`, `${BASE}/${id}/editors`],
      ['PUT', `/api/v1/announcements/${id}/editors`, `${BASE}/${id}/editors`],
    ];
    for (const [method, from, to] of cases) {
      const res = await author.request({ method: method as 'GET', url: from });
      expect([method, from, res.statusCode, res.headers.location]).toEqual([method, from, 308, to]);
    }
    // Following the redirect of a read gives the registry's answer.
    const list = await author.get(
      String((await author.get('/api/v1/announcements?limit=1')).headers.location),
    );
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThan(0);
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { summary?: string }>> };
    expect(doc.paths['/api/v1/announcements']?.get?.summary).toMatch(/308/);
  });
});
