/**
 * Every spreadsheet / CSV entry point of the server refuses a file over a TABLE_MAX_* limit with
 * 413 / 422 (problem+json naming the limit) — or, inside a background job, fails the job with that
 * reason — and writes nothing. Small limits through the configuration, small files.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../auth/actor-loader.ts';
import { enqueueJob } from '../../jobs/job-service.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { workbookParts, zipParts } from './test-zip.ts';

let t: TestApp;
let expert: TestClient;
let ncp: TestClient;
let analyst: TestClient;
let atId: string;

function upload(
  c: TestClient,
  url: string,
  name: string,
  bytes: Buffer | string,
  fields: Record<string, string> = {},
) {
  const boundary = '----eucablimits';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return c.request({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

/** A 0.1 MB workbook whose shared strings expand to 20 MB. */
function bomb(): Buffer {
  const si = `<si><t>${'a'.repeat(90)}</t></si>`;
  return zipParts(workbookParts('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', si.repeat(200_000)));
}
const BOMB_DETAIL = 'Part xl/sharedStrings.xml of the workbook expands beyond 1 MB (TABLE_MAX_PART_BYTES).';

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const countOf = async (
  table: 'registry_records' | 'users' | 'screening_parties' | 'risk_datasets' | 'jobs',
) =>
  Number(
    (
      await t.rt.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const counts = async () => ({
  records: await countOf('registry_records'),
  users: await countOf('users'),
  parties: await countOf('screening_parties'),
  datasets: await countOf('risk_datasets'),
});

async function failedJob(c: TestClient, jobId: string) {
  await t.waitForJob(jobId);
  const job = (await c.get(`/api/v1/jobs/${jobId}`)).json();
  expect(job.state).toBe('failed');
  return job as { error: string; errors: { line?: number; column?: string; reason: string }[] };
}

function expectProblem(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  status: number,
  detail: string | RegExp,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/application\/problem\+json/);
  const body = JSON.parse(res.body);
  if (typeof detail === 'string') expect(body.detail).toBe(detail);
  else expect(body.detail).toMatch(detail);
}

beforeAll(async () => {
  t = await createTestApp({
    env: {
      TABLE_MAX_ROWS: '50',
      TABLE_MAX_COLUMNS: '30',
      TABLE_MAX_CELL_CHARS: '500',
      TABLE_MAX_PART_BYTES: String(1_048_576),
      TABLE_MAX_UNCOMPRESSED_BYTES: String(4 * 1_048_576),
    },
  });
  expert = await t.as('de.expert@demo.eucab.eu');
  ncp = await t.as('at.ncp@demo.eucab.eu');
  analyst = await t.as('at.analyst@demo.eucab.eu');
  const orgs = (await ncp.get('/api/v1/organisations')).json().items as { id: string; code: string }[];
  atId = orgs.find((o) => o.code === 'AT')!.id;
}, 120_000);
afterAll(async () => t?.close());

describe('registry import', () => {
  it('an XLSX bomb: 413 naming the part and TABLE_MAX_PART_BYTES, in the dry run and the commit; nothing written', async () => {
    const before = await counts();
    const jobs = await countOf('jobs');
    for (const dry of ['true', 'false']) {
      const res = await upload(
        expert,
        `/api/v1/registry/equipment_item/import?dryRun=${dry}`,
        'items.xlsx',
        bomb(),
      );
      expectProblem(res, 413, BOMB_DETAIL);
    }
    expect(await counts()).toEqual(before);
    expect(await countOf('jobs')).toBe(jobs);
  });

  it('too many rows, too many columns, a too-long cell: 422 naming the limit', async () => {
    // The demo data's announcements are registry records: nothing is added to them.
    const records = await countOf('registry_records');
    const header = ['inventory_ref', 'model', 'category'];
    const rows = await xlsx([header, ...Array.from({ length: 51 }, (_, i) => [`R-${i}`, 'x', 'nii'])]);
    expectProblem(
      await upload(expert, '/api/v1/registry/equipment_item/import?dryRun=true', 'items.xlsx', rows),
      422,
      'The sheet has more than 50 rows (the limit, TABLE_MAX_ROWS): split it.',
    );
    const wide = `${Array.from({ length: 31 }, (_, i) => `c${i}`).join(',')}\n`;
    expectProblem(
      await upload(expert, '/api/v1/registry/equipment_item/import?dryRun=false', 'items.csv', wide),
      422,
      'The header has 31 columns, more than 30 (the limit, TABLE_MAX_COLUMNS).',
    );
    const long = `inventory_ref,notes\nR-1,${'n'.repeat(600)}\n`;
    expectProblem(
      await upload(expert, '/api/v1/registry/equipment_item/import?dryRun=true', 'items.csv', long),
      422,
      'A cell on line 2 (column "notes") has 600 characters, more than 500 (the limit, TABLE_MAX_CELL_CHARS).',
    );
    expect(await countOf('registry_records')).toBe(records);
  });
});

describe('user import', () => {
  it('too many rows and a too-long cell: 422 naming the limit; no user created', async () => {
    const before = await countOf('users');
    const many = `email,display_name\n${Array.from({ length: 51 }, (_, i) => `u${i}@at.test,U ${i}`).join('\n')}\n`;
    expectProblem(
      await upload(ncp, `/api/v1/users/import?organisationId=${atId}&dryRun=true`, 'users.csv', many),
      422,
      'The file has more than 50 rows (the limit, TABLE_MAX_ROWS): split it.',
    );
    const long = `email,display_name\nlong@at.test,${'L'.repeat(501)}\n`;
    expectProblem(
      await upload(ncp, `/api/v1/users/import?organisationId=${atId}&dryRun=false`, 'users.csv', long),
      422,
      /column "display_name"\) has 501 characters, more than 500 \(the limit, TABLE_MAX_CELL_CHARS\)/,
    );
    expect(await countOf('users')).toBe(before);
  });
});

describe('screening files (background jobs)', () => {
  it('a party-file bomb fails the job with the limit as its reason; nothing stored', async () => {
    const before = await countOf('screening_parties');
    const res = await upload(analyst, '/api/v1/screening/batches?kind=parties', 'parties.xlsx', bomb());
    expect(res.statusCode, res.body).toBe(202);
    const job = await failedJob(analyst, res.json().jobId);
    expect(job.error).toBe(BOMB_DETAIL);
    expect(job.errors).toEqual([{ reason: BOMB_DETAIL }]);
    const batch = (await analyst.get(`/api/v1/screening/batches/${res.json().batchId}`)).json();
    expect(batch.state).toBe('failed');
    expect(await countOf('screening_parties')).toBe(before);
  });

  it('a declaration file with too many rows fails the job with line and limit', async () => {
    const csv = `declaration_id,importer,hs_code\n${Array.from({ length: 60 }, (_, i) => `D${i},Importer ${i},850440`).join('\n')}\n`;
    const res = await upload(analyst, '/api/v1/screening/batches?kind=declarations', 'decl.csv', csv);
    expect(res.statusCode, res.body).toBe(202);
    const job = await failedJob(analyst, res.json().jobId);
    expect(job.error).toBe('The file has more than 50 rows (the limit, TABLE_MAX_ROWS): split it.');
    expect(job.errors).toEqual([{ line: 52, reason: job.error }]);
  });
});

describe('risk uploads', () => {
  const header = ['Declaration ID', 'Date', 'HS6 Code', 'Fraud'];
  const mapping = JSON.stringify({
    columns: { 'Declaration ID': 'id', Date: 'date', 'HS6 Code': 'hs', Fraud: 'label' },
  });
  const rows = (n: number) =>
    `${header.join(',')}\n${Array.from({ length: n }, (_, i) => `${1000 + i},2020-01-0${1 + (i % 9)},440890,${i % 2}`).join('\n')}\n`;

  it('the mapping proposal refuses too many columns and a too-long cell (422)', async () => {
    const wide = `${Array.from({ length: 31 }, (_, i) => `c${i}`).join(',')}\n`;
    expectProblem(
      await upload(analyst, '/api/v1/risk/mapping-proposal', 'h.csv', wide),
      422,
      'The header has 31 columns, more than 30 (the limit, TABLE_MAX_COLUMNS).',
    );
    const long = `id,note\n1,${'x'.repeat(501)}\n`;
    expectProblem(
      await upload(analyst, '/api/v1/risk/mapping-proposal', 'h.csv', long),
      422,
      /TABLE_MAX_CELL_CHARS/,
    );
  });

  it('a history over the row limit fails its job with the limit as the reason; nothing stored', async () => {
    const before = await countOf('risk_datasets');
    const res = await upload(analyst, '/api/v1/risk/datasets', 'h.csv', rows(60), {
      name: 'too long',
      mapping,
    });
    expect(res.statusCode, res.body).toBe(202);
    const job = await failedJob(analyst, res.json().jobId);
    expect(job.error).toBe('The file has more than 50 rows (the limit, TABLE_MAX_ROWS): split it.');
    expect(job.errors).toEqual([{ line: 52, column: '*', reason: job.error }]);
    expect(await countOf('risk_datasets')).toBe(before);
  });

  it('JSON lines are read by the same reader, within the same limits', async () => {
    const jsonl = `${Array.from({ length: 60 }, (_, i) => JSON.stringify({ 'Declaration ID': String(i), Date: '2020-01-01', 'HS6 Code': '440890', Fraud: 0 })).join('\n')}\n`;
    const res = await upload(analyst, '/api/v1/risk/datasets', 'h.jsonl', jsonl, { name: 'jsonl', mapping });
    expect(res.statusCode, res.body).toBe(202);
    const job = await failedJob(analyst, res.json().jobId);
    expect(job.error).toMatch(/more than 50 rows \(the limit, TABLE_MAX_ROWS\)/);
  });
});

describe('import jobs read the stored file with the same limits', () => {
  // A file stored with a job before the limits were lowered (or by another process) is read again
  // by the job: the limit is the job's failure reason and nothing is written.
  it('registry.import and users.import fail with the limit as the reason', async () => {
    const expertActor = (await loadActor(t.rt.db, await t.userId('de.expert@demo.eucab.eu'), null))!;
    const before = await counts();
    const reg = await enqueueJob(t.rt, expertActor, {
      kind: 'registry.import',
      data: {
        kind: 'equipment_item',
        distribution: 'organisation',
        tlp: 'amber',
        networkId: null,
        publish: false,
        language: 'en',
      },
      file: { name: 'items.xlsx', bytes: bomb(), contentType: 'application/octet-stream' },
    });
    const regJob = await failedJob(expert, reg.id);
    expect(regJob.error).toBe(BOMB_DETAIL);
    const ncpActor = (await loadActor(t.rt.db, await t.userId('at.ncp@demo.eucab.eu'), null))!;
    const csv = `email,display_name\n${Array.from({ length: 51 }, (_, i) => `j${i}@at.test,J ${i}`).join('\n')}\n`;
    const users = await enqueueJob(t.rt, ncpActor, {
      kind: 'users.import',
      data: { organisationId: atId },
      file: { name: 'users.csv', bytes: Buffer.from(csv), contentType: 'text/csv' },
    });
    const usersJob = await failedJob(ncp, users.id);
    expect(usersJob.error).toBe('The file has more than 50 rows (the limit, TABLE_MAX_ROWS): split it.');
    expect(usersJob.errors).toEqual([{ line: 52, reason: usersJob.error }]);
    expect(await counts()).toEqual(before);
  });
});
