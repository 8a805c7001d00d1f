import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../engines/questionnaire/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import {
  COORDINATOR,
  capacityForm,
  ids,
  openCampaign,
  setResponse,
  upload,
  user,
  xlsx,
} from './mapping-test-helpers.ts';

let t: TestApp;
let coord: TestClient;
let at: TestClient;
let be: TestClient;
let named = '';
let atResponse = '';
let beResponse = '';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** The capacity form with a file question at the top level and one in the repeat group. */
function filesForm(): Questionnaire {
  const q = capacityForm('1');
  q.id = 'eucab_files';
  q.items.push({
    type: 'file',
    code: 'evidence',
    media: 'file',
    label: { en: 'Evidence', fr: 'Preuve', de: 'Nachweis' },
  });
  const repeat = q.items.find((i) => i.type === 'repeat')!;
  if (repeat.type === 'repeat')
    repeat.items.push({
      type: 'file',
      code: 'photo',
      media: 'image',
      label: { en: 'Photo', fr: 'Photo', de: 'Foto' },
    });
  return q;
}

function sendFile(
  c: TestClient,
  responseId: string,
  question: string | null,
  bytes: Buffer,
  name = 'evidence.pdf',
  type = 'application/pdf',
) {
  const boundary = '----eucabanswerfile';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return c.request({
    method: 'POST',
    url: `/api/v1/mapping/responses/${responseId}/files${question === null ? '' : `?question=${question}`}`,
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

async function responseOf(campaignId: string, country: string) {
  const { org } = await ids(t);
  const r = await t.rt.db
    .selectFrom('mapping_responses')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('organisation_id', '=', org(country))
    .executeTakeFirstOrThrow();
  return r.id;
}

const audits = async (action: string) =>
  (await t.rt.db.selectFrom('audit_events').select('changes').where('action', '=', action).execute()).map(
    (e) => e.changes as Record<string, unknown>,
  );

async function save(c: TestClient, responseId: string, answers: Record<string, unknown>) {
  const version = (await c.get(`/api/v1/mapping/responses/${responseId}`)).json().version as number;
  return c.put(`/api/v1/mapping/responses/${responseId}/answers`, { version, answers });
}

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '10000' } });
  coord = await t.as(COORDINATOR);
  at = await t.as(user('at', 'ncp'));
  be = await t.as(user('be', 'ncp'));
  const { network } = await ids(t);
  const res = await upload(
    coord,
    `/api/v1/mapping/questionnaires/import?networkId=${network('training')}`,
    await xlsx(filesForm()),
  );
  if (res.statusCode !== 201) throw new Error(`import: ${res.statusCode} ${res.body}`);
  named = (await openCampaign(t, coord, res.json().versionId, 'named', ['AT', 'BE'])).id;
  atResponse = await responseOf(named, 'AT');
  beResponse = await responseOf(named, 'BE');
}, 120_000);
afterAll(async () => t?.close());

describe('file answers', () => {
  let first = '';

  it('upload: 401 → 400 → 404 (another administration) → 415 → 201, audited', async () => {
    expect((await sendFile(t.client(), atResponse, 'evidence', PDF)).statusCode).toBe(401);
    expect((await sendFile(at, atResponse, null, PDF)).statusCode).toBe(400);
    const notFile = await sendFile(at, atResponse, 'staff', PDF);
    expect(notFile.statusCode).toBe(400);
    expect(notFile.json().detail).toMatch(/no file question "staff"/);
    expect((await sendFile(be, atResponse, 'evidence', PDF)).statusCode).toBe(404);
    expect((await sendFile(await t.as(user('at', 'expert')), atResponse, 'evidence', PDF)).statusCode).toBe(
      404,
    );
    const fake = await sendFile(at, atResponse, 'evidence', Buffer.from('not a pdf'));
    expect(fake.statusCode).toBe(415);
    // an image question takes images only
    const notImage = await sendFile(at, atResponse, 'photo', PDF);
    expect(notImage.statusCode).toBe(415);
    expect(notImage.json().detail).toMatch(/asks for an image/);
    const res = await sendFile(at, atResponse, 'evidence', PDF);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'evidence.pdf', question: 'evidence', size: PDF.length });
    first = res.json().fileId;
    expect(await audits('mapping_response.file_added')).toEqual([
      expect.objectContaining({ question: 'evidence', file: first, filename: 'evidence.pdf' }),
    ]);
  });

  it('saved in the answer: read through the response (its administration; not another while a draft)', async () => {
    const saved = await save(at, atResponse, { staff: 3, evidence: { fileId: first, name: 'evidence.pdf' } });
    expect(saved.statusCode).toBe(200);
    const file = await at.get(`/api/v1/mapping/responses/${atResponse}/files/${first}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(file.headers['content-disposition']).toBe('attachment; filename="evidence.pdf"');
    expect((await be.get(`/api/v1/mapping/responses/${atResponse}/files/${first}`)).statusCode).toBe(404);
    expect((await coord.get(`/api/v1/mapping/responses/${atResponse}/files/${first}`)).statusCode).toBe(404);
    // a file of another response is not found through this one, nor accepted in its answers
    const beFile = (await sendFile(be, beResponse, 'evidence', PDF)).json().fileId as string;
    expect((await be.get(`/api/v1/mapping/responses/${atResponse}/files/${beFile}`)).statusCode).toBe(404);
    expect((await at.get(`/api/v1/mapping/responses/${atResponse}/files/${beFile}`)).statusCode).toBe(404);
    const foreign = await save(at, atResponse, { staff: 3, evidence: { fileId: beFile, name: 'x.pdf' } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ field: 'answers.evidence' })]);
    // nor a file uploaded for another question
    const photo = await sendFile(
      at,
      atResponse,
      'photo',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2]),
      'p.png',
      'image/png',
    );
    expect(photo.statusCode).toBe(201);
    const misplaced = await save(at, atResponse, {
      staff: 3,
      evidence: { fileId: photo.json().fileId, name: 'p.png' },
    });
    expect(misplaced.statusCode).toBe(400);
    // in a repeat entry
    const inRepeat = await save(at, atResponse, {
      staff: 3,
      evidence: { fileId: first, name: 'evidence.pdf' },
      initiatives: [{ initiative_name: 'Scanner', photo: { fileId: photo.json().fileId, name: 'p.png' } }],
    });
    expect(inRepeat.statusCode).toBe(200);
  });

  it('replace and remove: an unsaved upload is deleted (204), a saved one goes with the answer (409 otherwise)', async () => {
    const wrong = (await sendFile(at, atResponse, 'evidence', PDF, 'wrong.pdf')).json().fileId as string;
    expect(
      (await be.request({ method: 'DELETE', url: `/api/v1/mapping/responses/${atResponse}/files/${wrong}` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await at.request({ method: 'DELETE', url: `/api/v1/mapping/responses/${atResponse}/files/${wrong}` }))
        .statusCode,
    ).toBe(204);
    expect((await at.get(`/api/v1/mapping/responses/${atResponse}/files/${wrong}`)).statusCode).toBe(404);
    const refused = await at.request({
      method: 'DELETE',
      url: `/api/v1/mapping/responses/${atResponse}/files/${first}`,
    });
    expect(refused.statusCode).toBe(409);
    const second = (await sendFile(at, atResponse, 'evidence', PDF, 'second.pdf')).json().fileId as string;
    expect(
      (await save(at, atResponse, { staff: 3, evidence: { fileId: second, name: 'second.pdf' } })).statusCode,
    ).toBe(200);
    expect((await at.get(`/api/v1/mapping/responses/${atResponse}/files/${first}`)).statusCode).toBe(404);
    const removed = await audits('mapping_response.file_removed');
    expect(removed.map((r) => r.file)).toEqual(expect.arrayContaining([wrong, first]));
    expect((await save(at, atResponse, { staff: 3 })).statusCode).toBe(200);
    expect((await at.get(`/api/v1/mapping/responses/${atResponse}/files/${second}`)).statusCode).toBe(404);
    expect(
      await t.rt.db
        .selectFrom('mapping_response_files')
        .select('id')
        .where('id', 'in', [first, second])
        .execute(),
    ).toEqual([]);
  });

  it('validated: 403 to upload; read by the coordinator and (named) the other participants, not in aggregate only', async () => {
    const file = (await sendFile(at, atResponse, 'evidence', PDF)).json().fileId as string;
    const answers = { staff: 3, evidence: { fileId: file, name: 'evidence.pdf' } };
    expect((await save(at, atResponse, answers)).statusCode).toBe(200);
    await setResponse(t, named, 'AT', answers, 'validated');
    const late = await sendFile(at, atResponse, 'evidence', PDF);
    expect(late.statusCode).toBe(403);
    expect(late.json().detail).toMatch(/validated/);
    for (const c of [at, coord, be])
      expect((await c.get(`/api/v1/mapping/responses/${atResponse}/files/${file}`)).statusCode).toBe(200);
    // aggregate only: the other administrations never read it; the coordinator does
    const versionId = (
      await t.rt.db
        .selectFrom('mapping_campaigns')
        .select('questionnaire_version_id')
        .where('id', '=', named)
        .executeTakeFirstOrThrow()
    ).questionnaire_version_id;
    const agg = (await openCampaign(t, coord, versionId, 'aggregate_only', ['AT', 'BE'])).id;
    const aggAt = await responseOf(agg, 'AT');
    const aggFile = (await sendFile(at, aggAt, 'evidence', PDF)).json().fileId as string;
    const aggAnswers = { staff: 4, evidence: { fileId: aggFile, name: 'evidence.pdf' } };
    expect((await save(at, aggAt, aggAnswers)).statusCode).toBe(200);
    await setResponse(t, agg, 'AT', aggAnswers, 'validated');
    expect((await be.get(`/api/v1/mapping/responses/${aggAt}/files/${aggFile}`)).statusCode).toBe(404);
    expect((await coord.get(`/api/v1/mapping/responses/${aggAt}/files/${aggFile}`)).statusCode).toBe(200);
    expect((await at.get(`/api/v1/mapping/responses/${aggAt}/files/${aggFile}`)).statusCode).toBe(200);
  });
});
