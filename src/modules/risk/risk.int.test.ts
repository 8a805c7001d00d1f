import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TABLE_LIMITS } from '../../core/table-reader/limits.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { registerMandatorySource, unregisterMandatorySource } from './mandatory-sources.ts';

const DIR = new URL('../../seed/kcs-sample/', import.meta.url);
const lines = (f: string) => readFileSync(new URL(f, DIR), 'utf8').trimEnd().split('\n');
const HISTORY = lines('history-2020.csv').slice(0, 1201).join('\n');
const batchLines = lines('batch-2021q1.csv').slice(0, 301);
// one declaration id that a spreadsheet would run as a formula
const FORMULA_ID = '=HYPERLINK("x")';
batchLines[5] = `"=HYPERLINK(""x"")"${batchLines[5]!.slice(batchLines[5]!.indexOf(','))}`;
const BATCH = batchLines.join('\n');
const BATCH_IDS = batchLines.slice(1).map((l) => (l.startsWith('"') ? FORMULA_ID : l.split(',')[0]!));
const OUTCOMES_ALL = lines('outcomes-2021q1.csv');

function multipart(file: { name: string; content: string }, fields: Record<string, string> = {}) {
  const boundary = '----eucabrisk';
  let body = '';
  for (const [k, v] of Object.entries(fields))
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  body += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n--${boundary}--\r\n`;
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(
  c: TestClient,
  url: string,
  file: { name: string; content: string },
  fields: Record<string, string> = {},
) {
  return c.request({ method: 'POST', url, ...multipart(file, fields) });
}

let t: TestApp;
let analyst: TestClient;
let mapping: { columns: Record<string, string> };
const ids: { dataset?: string; model1?: string; model2?: string; batch?: string } = {};

async function finished(c: TestClient, jobId: string) {
  await t.waitForJob(jobId);
  const res = await c.get(`/api/v1/jobs/${jobId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.as('at.analyst@demo.eucab.eu');
  registerMandatorySource('test.screening', async (_db, _org, decls) =>
    decls.filter((d) => d.id === FORMULA_ID).map((d) => ({ id: d.id, reason: 'confirmed screening hit' })),
  );
}, 120_000);

afterAll(async () => {
  unregisterMandatorySource('test.screening');
  await t?.close();
});

describe('risk analysis journey through the API', () => {
  it('proposes a mapping from the header and sample rows', async () => {
    const res = await upload(analyst, '/api/v1/risk/mapping-proposal', {
      name: 'history.csv',
      content: HISTORY,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.mapping.columns['Declaration ID']).toBe('id');
    expect(body.mapping.columns.Fraud).toBe('label');
    expect(body.mapping.columns['Critical Fraud']).toBe('ignore');
    expect(body.inferred.find((i: { column: string }) => i.column === 'Fraud').reason).toMatch(/0\/1/);
    mapping = body.mapping;
  });

  it('refuses a mapping without a label (400) and a file with a bad row (job fails with line/column/reason), storing nothing', async () => {
    const noLabel = { ...mapping, columns: { ...mapping.columns, Fraud: 'ignore' } };
    const r1 = await upload(
      analyst,
      '/api/v1/risk/datasets',
      { name: 'h.csv', content: HISTORY },
      { name: 'x', mapping: JSON.stringify(noLabel) },
    );
    expect(r1.statusCode).toBe(400);
    expect(r1.json().detail).toMatch(/label/);
    const r2 = await upload(
      analyst,
      '/api/v1/risk/datasets',
      { name: 'h.txt', content: HISTORY },
      { name: 'x', mapping: JSON.stringify(mapping) },
    );
    expect(r2.statusCode).toBe(400);
    const bad = HISTORY.split('\n');
    bad[3] = bad[3]!.replace(/,2020-\d\d-\d\d,/, ',2020-13-45,');
    const r3 = await upload(
      analyst,
      '/api/v1/risk/datasets',
      { name: 'h.csv', content: bad.join('\n') },
      { name: 'bad', mapping: JSON.stringify(mapping) },
    );
    expect(r3.statusCode, r3.body).toBe(202);
    const job = await finished(analyst, r3.json().jobId);
    expect(job.state).toBe('failed');
    expect(job.errors).toContainEqual({
      line: 4,
      column: 'Date',
      reason: 'not a date (YYYY-MM-DD): "2020-13-45"',
    });
    expect((await analyst.get('/api/v1/risk/datasets')).json().items).toEqual([]);
  });

  it('scoring before any model is refused', async () => {
    const res = await upload(
      analyst,
      '/api/v1/risk/batches',
      { name: 'b.csv', content: BATCH },
      { name: 'b' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/Train a model first/);
  });

  it('uploads the history as a job and lists it', async () => {
    const res = await upload(
      analyst,
      '/api/v1/risk/datasets',
      { name: 'history.csv', content: HISTORY },
      { name: 'KCS 2020', mapping: JSON.stringify(mapping) },
    );
    expect(res.statusCode, res.body).toBe(202);
    const job = await finished(analyst, res.json().jobId);
    expect(job.state, JSON.stringify(job)).toBe('succeeded');
    ids.dataset = job.result.datasetId;
    const list = (await analyst.get('/api/v1/risk/datasets')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: ids.dataset, name: 'KCS 2020', purpose: 'history', row_count: 1200 });
    expect(list[0].positives).toBe(
      HISTORY.split('\n')
        .slice(1)
        .filter((l) => l.split(',')[20] === '1').length,
    );
  });

  it("trains a model with the analyst's readable registry rules; it becomes active, with metrics and importance", async () => {
    const rule = await analyst.post('/api/v1/registry/risk_rule', {
      data: {
        rule_id: 'cn-origin',
        name: 'Origin CN',
        family: 'financial',
        weight: 0.5,
        rationale: 'origin CN',
        conditions: [{ op: 'equals', role: 'origin', value: 'CN' }],
      },
      publish: true,
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const bad = await analyst.post('/api/v1/risk/models/train', { datasetIds: [ids.dataset], trees: 5 });
    expect(bad.statusCode).toBe(400);
    const res = await analyst.post('/api/v1/risk/models/train', { datasetIds: [ids.dataset], trees: 30 });
    expect(res.statusCode, res.body).toBe(202);
    const job = await finished(analyst, res.json().jobId);
    expect(job.state, JSON.stringify(job)).toBe('succeeded');
    ids.model1 = job.result.modelId;
    const models = (await analyst.get('/api/v1/risk/models')).json().items;
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ id: ids.model1, version: 1, active: true, training_rows: 1200 });
    const m = (await analyst.get(`/api/v1/risk/models/${ids.model1}`)).json();
    expect(m.metrics.validation.auc).toBeGreaterThan(0.5);
    expect(m.metrics.validation.at.map((x: { n: number }) => x.n)).toEqual([1, 2, 5, 10]);
    expect(m.importance.length).toBeGreaterThan(3);
    expect(m.trained_on.rules).toEqual(['AT.cn-origin']);
    expect(m.rule_importance[0]).toMatchObject({ id: 'AT.cn-origin', weight: 0.5 });
  });

  it('scores a batch: mandatory source hits outside the budget, explanations that sum to the score', async () => {
    const res = await upload(
      analyst,
      '/api/v1/risk/batches',
      { name: 'batch.csv', content: BATCH },
      { name: 'Week 1', budgetPercent: '5', explorationShare: '0.2' },
    );
    expect(res.statusCode, res.body).toBe(202);
    const job = await finished(analyst, res.json().jobId);
    expect(job.state, JSON.stringify(job)).toBe('succeeded');
    ids.batch = job.result.batchId;
    const b = (await analyst.get(`/api/v1/risk/batches/${ids.batch}`)).json();
    expect(b).toMatchObject({ row_count: 300, model_version: 1, mandatory_count: 1, explore_count: 3 });
    expect(b.selected_count).toBe(1 + 15);
    const first = b.selection[0];
    expect(first).toMatchObject({ rank: 1, declaration_id: FORMULA_ID, reason: 'mandatory' });
    expect(first.mandatory_reasons).toEqual(['test.screening: confirmed screening hit']);
    for (const s of b.selection) {
      const sum =
        s.base + s.contributions.reduce((a: number, c: { value: number }) => a + c.value, 0) + s.rest;
      expect(Math.abs(sum - s.score)).toBeLessThan(1e-9);
      expect(s.contributions.length).toBeLessThanOrEqual(5);
    }
    expect(b.selection.filter((s: { reason: string }) => s.reason === 'explore')).toHaveLength(3);
  });

  it('downloads the selection as CSV and XLSX with explanations, formulas neutralised', async () => {
    const csv = await analyst.get(`/api/v1/risk/batches/${ids.batch}/selection.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const rows = csv.body.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^rank,declaration_id,reason,score,probability,base,contribution_1/);
    expect(rows).toHaveLength(17);
    expect(rows[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(rows[1]).toContain('test.screening: confirmed screening hit');
    expect(rows[2]).toMatch(/= score -?\d/);
    const xlsx = await analyst.get(`/api/v1/risk/batches/${ids.batch}/selection.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Selection')!;
    expect(ws.rowCount).toBe(17);
    expect(ws.getRow(2).getCell(2).value).toBe(`'${FORMULA_ID}`);
    expect(typeof ws.getRow(3).getCell(4).value).toBe('number');
  });

  it('outcomes: a bad row records nothing; unmatched ids are reported; the hit rate follows', async () => {
    const header = OUTCOMES_ALL[0]!;
    const outcomeOf = new Map(OUTCOMES_ALL.slice(1).map((l) => l.split(',') as [string, string]));
    const good = BATCH_IDS.filter((id) => id !== FORMULA_ID).map((id) => `${id},${outcomeOf.get(id)}`);
    const bad = await upload(analyst, `/api/v1/risk/batches/${ids.batch}/outcomes`, {
      name: 'o.csv',
      content: [header, ...good.slice(0, 3), 'X1,maybe'].join('\n'),
    });
    expect(bad.statusCode).toBe(202);
    const badJob = await finished(analyst, bad.json().jobId);
    expect(badJob.state).toBe('failed');
    expect(badJob.errors).toContainEqual({
      line: 5,
      column: 'fraud',
      reason: 'fraud must be yes/no (or 1/0): "maybe"',
    });
    expect((await analyst.get(`/api/v1/risk/batches/${ids.batch}`)).json().outcomes_count).toBe(0);

    const res = await upload(analyst, `/api/v1/risk/batches/${ids.batch}/outcomes`, {
      name: 'o.csv',
      content: [header, ...good, `${FORMULA_ID.replace(/"/g, '')},yes`, 'NOT-IN-BATCH,no'].join('\n'),
    });
    const job = await finished(analyst, res.json().jobId);
    expect(job.state, JSON.stringify(job)).toBe('succeeded');
    expect(job.result).toMatchObject({ matched: 299, unmatchedCount: 2 });
    expect(job.result.unmatched.map((u: { id: string }) => u.id)).toContain('NOT-IN-BATCH');
    const b = (await analyst.get(`/api/v1/risk/batches/${ids.batch}`)).json();
    const selected = b.selection.filter((s: { declaration_id: string }) => s.declaration_id !== FORMULA_ID);
    const frauds = selected.filter(
      (s: { declaration_id: string }) => outcomeOf.get(s.declaration_id) === 'yes',
    ).length;
    expect(b).toMatchObject({ outcomes_count: 299, controlled: 15, frauds_found: frauds });
    expect(b.hit_rate).toBeCloseTo(frauds / 15, 12);
    const history = (await analyst.get('/api/v1/risk/batches')).json().items;
    expect(history.map((h: { id: string; hit_rate: number }) => [h.id, h.hit_rate])).toEqual([
      [ids.batch, b.hit_rate],
    ]);
  });

  it('retrains with the fed-back outcomes (new active version), then rolls back to version 1', async () => {
    const res = await analyst.post('/api/v1/risk/models/train', {
      datasetIds: [ids.dataset],
      trees: 30,
      seed: 2,
    });
    const job = await finished(analyst, res.json().jobId);
    expect(job.state, JSON.stringify(job)).toBe('succeeded');
    ids.model2 = job.result.modelId;
    const m2 = (await analyst.get(`/api/v1/risk/models/${ids.model2}`)).json();
    expect(m2).toMatchObject({ version: 2, active: true, training_rows: 1200 + 299 });
    expect(m2.trained_on.batchIds).toEqual([ids.batch]);
    const roll = await analyst.post(`/api/v1/risk/models/${ids.model1}/activate`);
    expect(roll.statusCode, roll.body).toBe(200);
    const models = (await analyst.get('/api/v1/risk/models')).json().items;
    expect(models.map((m: { version: number; active: boolean }) => [m.version, m.active])).toEqual([
      [2, false],
      [1, true],
    ]);
    const audit = await t.rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'risk.%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'risk.dataset.upload',
      'risk.model.train',
      'risk.model.activate',
      'risk.batch.score',
      'risk.outcomes.upload',
      'risk.model.train',
      'risk.model.activate',
      'risk.model.activate',
    ]);
  });
});

describe('risk jobs run again after a restart (attempt 2) without writing twice', () => {
  it('upload, train and score handlers find what an earlier attempt committed', async () => {
    const { loadActor } = await import('../../auth/actor-loader.ts');
    const { riskScoreJob, riskTrainJob, riskUploadJob } = await import('./risk-jobs.ts');
    const db = t.rt.db;
    const actor = (await loadActor(db, await t.userId('at.analyst@demo.eucab.eu'), null))!;
    const jobOf = async (kind: string) =>
      await db
        .selectFrom('jobs')
        .select(['id', 'data'])
        .where('kind', '=', kind)
        .where('state', '=', 'succeeded')
        .orderBy('created_at')
        .executeTakeFirstOrThrow();
    const ctx = <D>(job: { id: string; data: unknown }, parse: (d: unknown) => D) => ({
      jobId: job.id,
      kind: 'x',
      data: parse(job.data),
      organisationId: actor.orgId!,
      actor,
      db,
      attempt: 2,
      file: async () => null,
      progress: async () => {},
      signal: new AbortController().signal,
      tableLimits: DEFAULT_TABLE_LIMITS,
    });
    const count = async (table: 'risk_datasets' | 'risk_models' | 'risk_batches') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const counts = async () => [
      await count('risk_datasets'),
      await count('risk_models'),
      await count('risk_batches'),
    ];
    const before = await counts();
    const up = await jobOf('risk.upload');
    expect((await riskUploadJob.run(ctx(up, riskUploadJob.parse))).datasetId).toBe(ids.dataset);
    const tr = await jobOf('risk.train');
    expect((await riskTrainJob.run(ctx(tr, riskTrainJob.parse))).modelId).toBe(ids.model1);
    const sc = await jobOf('risk.score');
    expect((await riskScoreJob.run(ctx(sc, riskScoreJob.parse))).batchId).toBe(ids.batch);
    expect(await counts()).toEqual(before);
  });
});

describe("risk access: only the owning administration's risk analysts", () => {
  const callers: Record<string, string | null> = {
    own_analyst: 'at.analyst@demo.eucab.eu',
    own_non_analyst: 'at.expert@demo.eucab.eu',
    own_ncp: 'at.ncp@demo.eucab.eu',
    other_admin_analyst: 'de.analyst@demo.eucab.eu',
    network_coordinator: 'nl.expert@demo.eucab.eu',
    platform_admin: 'admin@demo.eucab.eu',
    commission_observer: 'observer@demo.eucab.eu',
    anonymous: null,
  };

  type Expect = Record<string, number>;
  // own analyst; anybody else signed in who is no analyst: 403; another administration's analyst: 404 on AT's records, empty lists
  const denied = (own: number, other: number, lists = false): Expect => ({
    own_analyst: own,
    own_non_analyst: 403,
    own_ncp: 403,
    other_admin_analyst: lists ? 200 : other,
    network_coordinator: 403,
    platform_admin: 403,
    commission_observer: 403,
    anonymous: 401,
  });

  it('every endpoint, every caller relation', async () => {
    const clients = new Map<string, TestClient>();
    for (const [rel, email] of Object.entries(callers))
      clients.set(rel, email ? await t.as(email) : t.client());
    const file = { name: 'o.csv', content: 'id,fraud\nNOPE,no' };
    const endpoints: Array<
      [string, (c: TestClient) => Promise<{ statusCode: number; body: string }>, Expect]
    > = [
      ['GET /risk/datasets', (c) => c.get('/api/v1/risk/datasets'), denied(200, 200, true)],
      ['GET /risk/datasets/:id', (c) => c.get(`/api/v1/risk/datasets/${ids.dataset}`), denied(200, 404)],
      ['GET /risk/models', (c) => c.get('/api/v1/risk/models'), denied(200, 200, true)],
      ['GET /risk/models/:id', (c) => c.get(`/api/v1/risk/models/${ids.model1}`), denied(200, 404)],
      ['GET /risk/batches', (c) => c.get('/api/v1/risk/batches'), denied(200, 200, true)],
      ['GET /risk/batches/:id', (c) => c.get(`/api/v1/risk/batches/${ids.batch}`), denied(200, 404)],
      [
        'GET selection.csv',
        (c) => c.get(`/api/v1/risk/batches/${ids.batch}/selection.csv`),
        denied(200, 404),
      ],
      [
        'GET selection.xlsx',
        (c) => c.get(`/api/v1/risk/batches/${ids.batch}/selection.xlsx`),
        denied(200, 404),
      ],
      ['POST activate', (c) => c.post(`/api/v1/risk/models/${ids.model1}/activate`), denied(200, 404)],
      [
        'POST outcomes',
        (c) => upload(c, `/api/v1/risk/batches/${ids.batch}/outcomes`, file),
        denied(202, 404),
      ],
      [
        'POST train',
        (c) => c.post('/api/v1/risk/models/train', { datasetIds: [ids.dataset], trees: 10 }),
        denied(202, 400),
      ],
      [
        'POST datasets',
        (c) =>
          upload(
            c,
            '/api/v1/risk/datasets',
            { name: 'h.csv', content: HISTORY },
            { name: 'x', mapping: JSON.stringify({ columns: {} }) },
          ),
        denied(400, 400),
      ],
      [
        'POST mapping-proposal',
        (c) => upload(c, '/api/v1/risk/mapping-proposal', { name: 'h.csv', content: HISTORY }),
        denied(200, 200),
      ],
      [
        'POST batches',
        (c) => upload(c, '/api/v1/risk/batches', { name: 'b.csv', content: 'x\n1' }, { name: 'b' }),
        denied(400, 400),
      ],
    ];
    const jobs: string[] = [];
    const table: Record<string, Record<string, number>> = {};
    const want: Record<string, Record<string, number>> = {};
    for (const [name, call, expected] of endpoints) {
      for (const rel of Object.keys(callers)) {
        const res = await call(clients.get(rel)!);
        table[name] = { ...table[name], [rel]: res.statusCode };
        want[name] = { ...want[name], [rel]: expected[rel]! };
        if (res.statusCode === 202) jobs.push(JSON.parse(res.body).jobId);
        if (name.startsWith('GET /risk/') && !name.includes(':id') && rel === 'other_admin_analyst')
          expect(JSON.parse(res.body).items).toEqual([]);
      }
    }
    expect(table).toEqual(want);
    for (const j of jobs) await t.waitForJob(j);
    // the jobs of the own analyst are not readable by anybody else
    for (const rel of ['other_admin_analyst', 'own_non_analyst', 'platform_admin'])
      expect((await clients.get(rel)!.get(`/api/v1/jobs/${jobs[0]}`)).statusCode).toBe(404);
    // abilities drive the navigation
    expect((await clients.get('own_analyst')!.get('/api/v1/risk/abilities')).json()).toEqual({
      use: true,
      change: true,
    });
    expect((await clients.get('own_ncp')!.get('/api/v1/risk/abilities')).json()).toEqual({
      use: false,
      change: false,
    });
    expect((await clients.get('anonymous')!.get('/api/v1/risk/abilities')).statusCode).toBe(401);
    // a read-only API key of the analyst reads, and changes nothing
    const key = (
      await clients
        .get('own_analyst')!
        .post('/api/v1/account/api-keys', { name: 'r', scopes: ['read'], expiresInDays: 1 })
    ).json().key as string;
    const withKey = (method: 'GET' | 'POST', url: string) =>
      t.app.inject({ method, url, headers: { authorization: `Bearer ${key}` } });
    expect((await withKey('GET', '/api/v1/risk/datasets')).statusCode).toBe(200);
    expect((await withKey('GET', '/api/v1/risk/abilities')).json()).toEqual({ use: true, change: false });
    expect((await withKey('POST', `/api/v1/risk/models/${ids.model2}/activate`)).statusCode).toBe(403);
  }, 240_000);
});

describe('risk demo data (serve --demo)', () => {
  it('gives NL a declaration history, a shared rule and an active trained model, seen by its analyst only', async () => {
    const { seedRiskDemo } = await import('../../seed/risk-demo.ts');
    const seeded = await seedRiskDemo(t.rt.db);
    const nl = await t.as('nl.analyst@demo.eucab.eu');
    const ds = (await nl.get('/api/v1/risk/datasets')).json().items;
    expect(ds).toMatchObject([{ id: seeded.datasetId, row_count: 4000, positives: 920, is_demo: true }]);
    const models = (await nl.get('/api/v1/risk/models')).json().items;
    expect(models).toMatchObject([{ id: seeded.modelId, version: 1, active: true }]);
    const m = (await nl.get(`/api/v1/risk/models/${seeded.modelId}`)).json();
    expect(m.trained_on.rules).toContain('NL.low-value-per-kg');
    expect(m.metrics.validation.auc).toBeGreaterThan(0.6);
    // AT's analyst does not see NL's data, NL's analyst does not see AT's
    const atIds = (await analyst.get('/api/v1/risk/datasets')).json().items.map((d: { id: string }) => d.id);
    expect(atIds).not.toContain(seeded.datasetId);
    expect((await nl.get(`/api/v1/risk/batches/${ids.batch}`)).statusCode).toBe(404);
  }, 120_000);
});

describe('training runs in a worker thread', () => {
  it('the API keeps answering while a model trains (event order, not timing)', async () => {
    const res = await analyst.post('/api/v1/risk/models/train', {
      datasetIds: [ids.dataset],
      trees: 1000,
      activate: false,
    });
    expect(res.statusCode, res.body).toBe(202);
    const jobId = res.json().jobId as string;
    const phase = async () => (await analyst.get(`/api/v1/jobs/${jobId}`)).json().progress.phase;
    await expect.poll(phase, { timeout: 120_000, interval: 50 }).toBe('training');
    for (let i = 0; i < 3; i++) expect((await analyst.get('/api/v1/risk/models')).statusCode).toBe(200);
    const during = (await analyst.get(`/api/v1/jobs/${jobId}`)).json();
    expect(during).toMatchObject({ state: 'running', progress: { phase: 'training' } });
    expect(during.progress.done).toBeLessThan(during.progress.total);
    expect((await t.waitForJob(jobId)).state).toBe('succeeded');
  }, 180_000);
});
