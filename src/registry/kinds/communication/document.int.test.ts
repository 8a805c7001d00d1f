import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDocx, sampleOdt, samplePdf } from '../../../core/document-text/sample-files.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app.ts';

/**
 * Documents through the API: a network's library, file versions, language versions, and search
 * inside PDF, DOCX and ODT files — found by an entitled member, never by anyone else, with a clear
 * word when a file is only partly searchable or not at all. Access, export, audit and the
 * matrices come from the definition (registry access and write matrices).
 */
const URL = '/api/v1/registry/document';
const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';
let t: TestApp;
let author: TestClient; // de.expert: coordinator of the procurement network
let member: TestClient; // be.expert: expert of the procurement network
let outsider: TestClient; // at.expert: not in the procurement network
let procurementId: string;

function upload(c: TestClient, url: string, name: string, type: string, content: Buffer) {
  const boundary = '----eucabdoc';
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

async function createDocument(c: TestClient, data: Record<string, unknown>, language = 'en') {
  const res = await c.post(URL, {
    data: { library: 'procurement', doc_type: 'report', ...data },
    marking: { distribution: 'network', distributionNetworkId: procurementId, tlp: 'green' },
    language,
    publish: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const listIds = async (c: TestClient, q: string) =>
  ((await c.get(`${URL}?q=${encodeURIComponent(q)}`)).json().items as { id: string }[]).map((r) => r.id);
const searchIds = async (c: TestClient, q: string) =>
  ((await c.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json().items as { id: string }[]).map(
    (r) => r.id,
  );

beforeAll(async () => {
  t = await createTestApp();
  author = await t.as('de.expert@demo.eucab.eu');
  member = await t.as('be.expert@demo.eucab.eu');
  outsider = await t.as('at.expert@demo.eucab.eu');
  procurementId = (
    await t.rt.db
      .selectFrom('networks')
      .select('id')
      .where('code', '=', 'procurement')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => t?.close());

describe('documents', () => {
  it('finds a PDF by a word of its text for network members only, in lists and the global search', async () => {
    const id = await createDocument(author, { title: 'Scanner evaluation', folder: 'Field tests/2026' });
    const res = await upload(
      author,
      `${URL}/${id}/attachments`,
      'evaluation.pdf',
      PDF,
      samplePdf([
        ['Evaluation of the container scanner'],
        ['The backscatter module was tested at Duisburg.'],
      ]),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().text).toMatchObject({ status: 'indexed', reason: null, pages: 2, message: null });

    expect(await listIds(member, 'Duisburg')).toEqual([id]);
    expect(await searchIds(member, 'backscatter')).toContain(id);
    expect(await listIds(author, 'duisburg')).toEqual([id]);
    // Not a member of the network: nothing, in the list, the global search or the file itself.
    expect(await listIds(outsider, 'Duisburg')).toEqual([]);
    expect(await searchIds(outsider, 'backscatter')).not.toContain(id);
    expect((await outsider.get(`${URL}/${id}/attachments`)).statusCode).toBe(404);
    expect((await t.client().get(`/api/v1/search?q=Duisburg`)).json().items).toEqual([]);
    // The folder is a filter of the library.
    const folder = await member.get(`${URL}?folder=${encodeURIComponent('Field tests/2026')}`);
    expect(folder.json().items.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it('keeps earlier file versions downloadable and searches DOCX and ODT text', async () => {
    const id = await createDocument(author, { title: 'Minimum requirements', doc_type: 'guidance' });
    const v1 = await upload(
      author,
      `${URL}/${id}/attachments`,
      'requirements.docx',
      DOCX,
      sampleDocx(['Draft: radiation portal monitors']),
    );
    const v2 = await upload(
      author,
      `${URL}/${id}/attachments`,
      'requirements.odt',
      ODT,
      sampleOdt(['Final: spectroscopic portal monitors']),
    );
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v2.statusCode, v2.body).toBe(201);
    const files = (await member.get(`${URL}/${id}/attachments`)).json().items as {
      id: string;
      text: unknown;
    }[];
    expect(files.map((f) => f.id)).toEqual([v1.json().id, v2.json().id]);
    expect(files.every((f) => (f.text as { status: string }).status === 'indexed')).toBe(true);
    const old = await member.get(`${URL}/${id}/attachments/${v1.json().id}`);
    expect(old.statusCode).toBe(200);
    expect(old.headers['content-type']).toContain(DOCX);
    expect(await listIds(member, 'radiation')).toEqual([id]);
    expect(await listIds(member, 'spectroscopic')).toEqual([id]);
    // Only a writer of the owning administration adds versions.
    const refused = await upload(member, `${URL}/${id}/attachments`, 'mine.pdf', PDF, samplePdf([['x']]));
    expect(refused.statusCode).toBe(403);
  });

  it('links language versions to their original', async () => {
    const original = await createDocument(author, { title: 'Lines to take' });
    const fr = await createDocument(
      author,
      { title: 'Éléments de langage', language_version_of: original },
      'fr',
    );
    const detail = (await member.get(`${URL}/${fr}`)).json();
    expect(detail.language).toBe('fr');
    expect(detail.data.language_version_of).toBe(original);
    const versions = await member.get(`${URL}?language_version_of=${original}`);
    expect(versions.statusCode).toBe(400); // not a filter: the detail view lists what refers to a record
  });

  it('says when a file is only partly searchable or not at all, and keeps the file', async () => {
    const id = await createDocument(author, { title: 'Annual statistics' });
    const pages = Array.from({ length: 301 }, (_, i) => [`page ${i + 1} marker${i + 1}`]);
    const long = await upload(author, `${URL}/${id}/attachments`, 'statistics.pdf', PDF, samplePdf(pages));
    expect(long.statusCode, long.body).toBe(201);
    expect(long.json().text).toMatchObject({
      status: 'partial',
      reason: 'too_many_pages',
      limit: 300,
      pages: 301,
      message: 'Only the first 300 pages are searchable.',
    });
    expect(await listIds(member, 'marker300')).toEqual([id]);
    expect(await listIds(member, 'marker301')).toEqual([]);

    const broken = await upload(
      author,
      `${URL}/${id}/attachments`,
      'broken.pdf',
      PDF,
      Buffer.from('%PDF-1.7 no objects'),
    );
    expect(broken.statusCode, broken.body).toBe(201);
    expect(broken.json().text).toMatchObject({ status: 'refused', reason: 'unreadable' });
    expect(broken.json().text.message).toMatch(/could not be read/);
    // Files without text (images) carry none.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(
      (await upload(author, `${URL}/${id}/attachments`, 'logo.png', 'image/png', png)).json().text,
    ).toBeNull();
    const audit = await t.rt.db
      .selectFrom('audit_events')
      .select('changes')
      .where('record_id', '=', id)
      .where('action', '=', 'document.attachment_added')
      .execute();
    expect(audit.map((e) => (e.changes as { text?: string }).text)).toEqual([
      'partial',
      'refused',
      undefined,
    ]);
  });
});
