import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EU_NAMES, euFileLines } from '../../engines/risk/eu-test-files.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

// EU-style files made from the demo KCS sample: EU data-model names, reordered, semicolons,
// decimal commas, dd/mm/yyyy dates, a remarks column; the batch without outcome columns.
const DIR = new URL('../../seed/kcs-sample/', import.meta.url);
const lines = (f: string) => readFileSync(new URL(f, DIR), 'utf8').trimEnd().split('\n');
const kcsHistory = lines('history-2020.csv').slice(0, 1201);
const HISTORY = euFileLines(kcsHistory, { names: EU_NAMES, dateSeparator: '/', outcomes: true }).join('\n');
const batch = euFileLines(lines('batch-2021q1.csv').slice(0, 201), {
  names: EU_NAMES,
  dateSeparator: '/',
  outcomes: false,
});
// an extra column the model does not know
const BATCH = batch.map((l, i) => `${l};${i === 0 ? 'Officer note' : 'none'}`).join('\n');
const LEAKY = euFileLines(kcsHistory, {
  names: EU_NAMES,
  dateSeparator: '/',
  outcomes: true,
  rename: { 'Critical Fraud': 'Control code' },
}).join('\n');

function upload(
  c: TestClient,
  url: string,
  file: { name: string; content: string },
  fields: Record<string, string> = {},
) {
  const boundary = '----eucabrisk';
  let body = '';
  for (const [k, v] of Object.entries(fields))
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  body += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n--${boundary}--\r\n`;
  return c.request({
    method: 'POST',
    url,
    payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

let t: TestApp;
let analyst: TestClient;

async function finished(jobId: string) {
  await t.waitForJob(jobId);
  const res = await analyst.get(`/api/v1/jobs/${jobId}`);
  expect(res.statusCode, res.body).toBe(200);
  const job = res.json();
  expect(job.state, JSON.stringify(job)).toBe('succeeded');
  return job;
}

/** Proposal → upload with the proposal as is → the dataset id. */
async function history(name: string, content: string) {
  const p = await upload(analyst, '/api/v1/risk/mapping-proposal', { name, content });
  expect(p.statusCode, p.body).toBe(200);
  const proposal = p.json();
  const res = await upload(
    analyst,
    '/api/v1/risk/datasets',
    { name, content },
    {
      name,
      mapping: JSON.stringify(proposal.mapping),
    },
  );
  expect(res.statusCode, res.body).toBe(202);
  return { proposal, datasetId: (await finished(res.json().jobId)).result.datasetId as string };
}

async function train(body: Record<string, unknown>) {
  const res = await analyst.post('/api/v1/risk/models/train', { trees: 20, ...body });
  expect(res.statusCode, res.body).toBe(202);
  const modelId = (await finished(res.json().jobId)).result.modelId as string;
  return (await analyst.get(`/api/v1/risk/models/${modelId}`)).json();
}

beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.as('at.analyst@demo.eucab.eu');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('EU declaration files through the API', () => {
  it('propose-mapping → upload → train → score a semicolon file without outcomes, no hand edits', async () => {
    const { proposal, datasetId } = await history('eu-history.csv', HISTORY);
    expect(proposal.dialect).toMatchObject({ delimiter: 'semicolon', decimal: 'comma', dateFormat: 'dmy' });
    expect(proposal.dialect.notes.join(' ')).toMatch(/decimal comma/);
    expect(proposal.mapping.columns).toMatchObject({
      MRN: 'id',
      Irregularity: 'label',
      Severity: 'ignore',
      'Commodity code (18 09)': 'hs',
      'Statistical value (99 06)': 'value',
      'Acceptance date (15 09)': 'date',
      Remarks: 'text',
    });
    for (const i of proposal.inferred) expect(i.confidence).toBeGreaterThan(0);
    const ds = (await analyst.get(`/api/v1/risk/datasets/${datasetId}`)).json();
    expect(ds.report.dialect.join(' ')).toMatch(/semicolon/);

    const model = await train({ datasetIds: [datasetId] });
    expect(model.metrics.leakage).toEqual([]);
    expect(model.metrics.validation.auc).toBeGreaterThan(0.6);

    const res = await upload(
      analyst,
      '/api/v1/risk/batches',
      { name: 'eu-batch.csv', content: BATCH },
      {
        name: 'EU batch',
        budgetPercent: '10',
      },
    );
    expect(res.statusCode, res.body).toBe(202);
    const batchId = (await finished(res.json().jobId)).result.batchId;
    const b = (await analyst.get(`/api/v1/risk/batches/${batchId}`)).json();
    expect(b.selection.length).toBeGreaterThanOrEqual(20);

    // the same batch with other names for single-role columns, scored with its own mapping
    const other: Record<string, string> = { MRN: 'Declaration number', 'Commodity code (18 09)': 'CN code' };
    const renamed = BATCH.replace(/^[^\n]*/, (h) =>
      h
        .split(';')
        .map((c) => other[c] ?? c)
        .join(';'),
    );
    const columns: Record<string, string> = { 'Officer note': 'ignore' };
    for (const [c, role] of Object.entries(proposal.mapping.columns as Record<string, string>))
      if (role !== 'label' && c !== 'Severity') columns[other[c] ?? c] = role;
    const r2 = await upload(
      analyst,
      '/api/v1/risk/batches',
      { name: 'renamed.csv', content: renamed },
      {
        name: 'renamed',
        budgetPercent: '10',
        mapping: JSON.stringify({ columns }),
      },
    );
    expect(r2.statusCode, r2.body).toBe(202);
    const b2 = (
      await analyst.get(`/api/v1/risk/batches/${(await finished(r2.json().jobId)).result.batchId}`)
    ).json();
    expect(b2.selection.map((s: { declaration_id: string }) => s.declaration_id)).toEqual(
      b.selection.map((s: { declaration_id: string }) => s.declaration_id),
    );
  }, 300_000);

  it('the leakage guard excludes a renamed severity column, says why, and an override is audited', async () => {
    const { proposal, datasetId } = await history('leaky.csv', LEAKY);
    expect(proposal.mapping.columns['Control code']).toBe('categorical');
    const guarded = await train({ datasetIds: [datasetId], activate: false });
    const finding = guarded.metrics.leakage.find((l: { column: string }) => l.column === 'Control code');
    expect(finding).toMatchObject({ excluded: true });
    expect(finding.reason).toMatch(/outcome in disguise/);
    expect(guarded.importance.some((i: { feature: string }) => i.feature.includes('Control code'))).toBe(
      false,
    );

    const kept = await train({
      datasetIds: [datasetId],
      activate: false,
      allowLeakyColumns: ['Control code'],
    });
    expect(kept.metrics.leakage.find((l: { column: string }) => l.column === 'Control code').excluded).toBe(
      false,
    );
    const audit = await t.rt.db
      .selectFrom('audit_events')
      .select(['changes'])
      .where('action', '=', 'risk.model.train')
      .where('record_id', '=', kept.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.changes)).toMatch(/leakage_override.*Control code/);
  }, 300_000);

  it('refuses binary data clearly and reports the unclosed quote at its line', async () => {
    const bin = await upload(analyst, '/api/v1/risk/mapping-proposal', {
      name: 'x.csv',
      content: `a,b\n1,2\n${'\u0000'.repeat(10)}`,
    });
    expect(bin.statusCode).toBe(400);
    expect(bin.json().detail ?? bin.body).toMatch(/binary, not text/);
    const q = await upload(analyst, '/api/v1/risk/mapping-proposal', {
      name: 'q.csv',
      content: 'id;v\n1;a\n2;"open\n3;x\n4;y\n',
    });
    expect(q.statusCode).toBe(400);
    expect(q.body, q.body).toMatch(/line 3/);
  });
});
