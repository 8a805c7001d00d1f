import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

const DIR = new URL('../../seed/kcs-sample/', import.meta.url);
const lines = readFileSync(new URL('history-2020.csv', DIR), 'utf8').trimEnd().split('\n');
const HEADER = lines[0]!;
/** Trains the active model. */
const FIRST = [HEADER, ...lines.slice(1, 801)].join('\n');
/** Uploaded after the model: the rows it did not train on. */
const LATER = [HEADER, ...lines.slice(801, 1601)].join('\n');

const who = (cc: string, role: string) => `${cc}.${role}@demo.eucab.eu`;
let t: TestApp;
let nl: TestClient;
let de: TestClient;
let be: TestClient;
let coordinator: TestClient;
const ids: { factor?: string; rule?: string; rec?: string } = {};

function upload(c: TestClient, url: string, content: string, fields: Record<string, string>) {
  const boundary = '----eucabshare';
  let body = '';
  for (const [k, v] of Object.entries(fields))
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  body += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="h.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return c.request({
    method: 'POST',
    url,
    payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

async function finished(c: TestClient, jobId: string) {
  await t.waitForJob(jobId, 120_000);
  return (await c.get(`/api/v1/jobs/${jobId}`)).json();
}

async function history(content: string, name: string, mapping: unknown) {
  const res = await upload(nl, '/api/v1/risk/datasets', content, { name, mapping: JSON.stringify(mapping) });
  expect(res.statusCode, res.body).toBe(202);
  const job = await finished(nl, res.json().jobId);
  expect(job.state, JSON.stringify(job)).toBe('succeeded');
  return job.result.datasetId as string;
}

const FACTOR = {
  title: 'Electrical machinery from the sample history',
  family: 'security_safety',
  risk_area: 'Non-compliant electrical equipment',
  indicators: [{ role: 'hs_prefix', operator: 'prefix', value: '85' }],
  rationale: 'Chapter 85 declarations show most irregularities in the shared sample.',
  valid_from: '2020-01-01',
};

beforeAll(async () => {
  t = await createTestApp();
  nl = await t.as(who('nl', 'analyst'));
  de = await t.as(who('de', 'analyst'));
  be = await t.as(who('be', 'analyst'));
  coordinator = await t.as(who('nl', 'expert'));
  const proposal = await upload(nl, '/api/v1/risk/mapping-proposal', FIRST, {});
  const mapping = proposal.json().mapping;
  const first = await history(FIRST, 'KCS 2020 H1', mapping);
  const train = await nl.post('/api/v1/risk/models/train', { datasetIds: [first], trees: 10 });
  expect(train.statusCode, train.body).toBe(202);
  expect((await finished(nl, train.json().jobId)).state).toBe('succeeded');
  await history(LATER, 'KCS 2020 H2', mapping);
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('common risk factors', () => {
  it('are written by risk analysts in the shared risk families and published by the network coordinator', async () => {
    const bad = await nl.post('/api/v1/registry/risk_factor', {
      data: { ...FACTOR, family: 'safety_security' },
    });
    expect(bad.statusCode).toBe(400);
    const res = await nl.post('/api/v1/registry/risk_factor', { data: FACTOR });
    expect(res.statusCode, res.body).toBe(201);
    ids.factor = res.json().id;
    expect((await nl.post(`/api/v1/registry/risk_factor/${ids.factor}/submit`, {})).statusCode).toBe(200);
    // the submitter's colleague analyst is not the network's coordinator: only the coordinator approves
    const approve = await coordinator.post(`/api/v1/registry/risk_factor/${ids.factor}/approve`, {});
    expect(approve.statusCode, approve.body).toBe(200);
    expect((await nl.get(`/api/v1/registry/risk_factor/${ids.factor}`)).json().status).toBe('published');
  });

  it('turns into a published, executable risk rule linked back to the factor, audited', async () => {
    expect((await t.client().post(`/api/v1/risk-sharing/factors/${ids.factor}/rule`, {})).statusCode).toBe(
      401,
    );
    expect(
      (await nl.post(`/api/v1/risk-sharing/factors/${ids.factor}/rule`, { weight: 99 })).statusCode,
    ).toBe(400);
    const res = await nl.post(`/api/v1/risk-sharing/factors/${ids.factor}/rule`, {
      ruleId: 'ch85',
      weight: 1.5,
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.rule = res.json().ruleId;
    const rule = (await nl.get(`/api/v1/registry/risk_rule/${ids.rule}`)).json();
    expect(rule.status).toBe('published');
    expect(rule.data).toMatchObject({
      rule_id: 'ch85',
      family: 'security_safety',
      factor: ids.factor,
      weight: 1.5,
      conditions: [{ op: 'hsPrefix', prefixes: ['85'] }],
      valid_from: '2020-01-01',
    });
    const again = await nl.post(`/api/v1/risk-sharing/factors/${ids.factor}/rule`, { ruleId: 'ch85' });
    expect(again.statusCode).toBe(409);
    const events = await t.rt.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('record_id', '=', ids.factor!)
      .where('action', '=', 'risk_factor.rule_created')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('refuses a factor whose indicators have no condition, naming the indicator', async () => {
    const res = await nl.post('/api/v1/registry/risk_factor', {
      data: {
        ...FACTOR,
        title: 'Undervalued without a table',
        indicators: [{ role: 'value_per_kg_vs_hs6_median', operator: 'below', value: '0.5' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const turn = await nl.post(`/api/v1/risk-sharing/factors/${res.json().id}/rule`, {});
    expect(turn.statusCode).toBe(400);
    expect(turn.json().errors[0].field).toBe('indicators.0');
    // another administration does not read this draft: 404, nothing created
    const other = await be.post(`/api/v1/risk-sharing/factors/${res.json().id}/rule`, {});
    expect(other.statusCode).toBe(404);
  });
});

describe('profile recommendations', () => {
  it('are backtested on the proposer’s rows the active model did not train on, as a job', async () => {
    const res = await nl.post('/api/v1/registry/profile_recommendation', {
      data: {
        title: 'Chapter 85 at 5 %',
        family: 'security_safety',
        factors: [ids.factor],
        rules: [
          {
            rule_id: 'ch85',
            name: 'Chapter 85',
            weight: 1,
            conditions: [{ op: 'hsPrefix', prefixes: ['85'] }],
          },
        ],
        selection_budget: 5,
        valid_from: '2026-01-01',
        valid_to: '2026-06-30',
        review_date: '2026-05-31',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.rec = res.json().id;
    expect((await be.post(`/api/v1/risk-sharing/recommendations/${ids.rec}/backtest`, {})).statusCode).toBe(
      404,
    );
    expect(
      (await coordinator.post(`/api/v1/risk-sharing/recommendations/${ids.rec}/backtest`, {})).statusCode,
    ).toBe(403);
    const start = await nl.post(`/api/v1/risk-sharing/recommendations/${ids.rec}/backtest`, {});
    expect(start.statusCode, start.body).toBe(202);
    const job = await finished(nl, start.json().jobId);
    expect(job.state, JSON.stringify(job)).toBe('succeeded');
    expect(job.result.rows).toBe(800);
    expect(job.result.sources).toEqual({ datasets: 1, batches: 0, untrainedOnly: true });
    const bt = (await nl.get(`/api/v1/registry/profile_recommendation/${ids.rec}`)).json().data.backtest;
    const later = LATER.split('\n').slice(1);
    const k = Math.floor((5 * later.length) / 100);
    expect(bt.rows).toBe(800);
    expect(bt.selection_rate).toBe((k / 800) * 100);
    expect(bt.baseline_selection_rate).toBe((k / 800) * 100);
    expect(bt.hit_rate).toBeGreaterThanOrEqual(0);
    expect(bt.baseline_hit_rate).toBeGreaterThanOrEqual(0);
    expect(bt.computed_at).toMatch(/Z$/);
  });

  it('takes responses only once published, from other administrations that read it', async () => {
    const early = await de.post(`/api/v1/risk-sharing/recommendations/${ids.rec}/adoption`, {
      adoption: 'adopted',
    });
    expect(early.statusCode).toBe(404);
    expect((await nl.post(`/api/v1/registry/profile_recommendation/${ids.rec}/submit`, {})).statusCode).toBe(
      200,
    );
    const ok = await coordinator.post(`/api/v1/registry/profile_recommendation/${ids.rec}/approve`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    // the backtest is attached before submission only
    expect((await nl.post(`/api/v1/risk-sharing/recommendations/${ids.rec}/backtest`, {})).statusCode).toBe(
      409,
    );
    const url = `/api/v1/risk-sharing/recommendations/${ids.rec}`;
    expect((await de.post(`${url}/adoption`, { adoption: 'not_adopted' })).statusCode).toBe(400);
    expect((await de.post(`${url}/adoption`, { adoption: 'adopted', extra: 1 })).statusCode).toBe(400);
    expect((await nl.post(`${url}/adoption`, { adoption: 'adopted' })).statusCode).toBe(403);
    const observer = await t.as('observer@demo.eucab.eu');
    expect((await observer.post(`${url}/adoption`, { adoption: 'adopted' })).statusCode).toBe(403);
    expect((await de.post(`${url}/adoption`, { adoption: 'adapted', reason: 'Budget 3 %' })).statusCode).toBe(
      201,
    );
    expect((await de.post(`${url}/adoption`, { adoption: 'adopted' })).statusCode).toBe(201);
    const tooMany = await de.post(`${url}/feedback`, {
      periodFrom: '2026-01-01',
      periodTo: '2026-01-31',
      controls: 3,
      irregularities: 4,
    });
    expect(tooMany.statusCode).toBe(400);
    for (const f of [
      {
        periodFrom: '2026-01-01',
        periodTo: '2026-01-31',
        controls: 40,
        irregularities: 6,
        seizures: 2,
        revenue: 1200,
      },
      { periodFrom: '2026-02-01', periodTo: '2026-02-28', controls: 60, irregularities: 9, revenue: 800.5 },
    ])
      expect((await de.post(`${url}/feedback`, f)).statusCode).toBe(201);
    const beRes = await be.post(`${url}/feedback`, {
      periodFrom: '2026-01-01',
      periodTo: '2026-03-31',
      notRelevant: true,
      comment: 'No such traffic',
    });
    expect(beRes.statusCode, beRes.body).toBe(201);
  });

  it('shows each recipient its own responses, and the author and coordinator the aggregate per administration', async () => {
    const url = `/api/v1/risk-sharing/recommendations/${ids.rec}/responses`;
    const mine = (await de.get(url)).json();
    expect(mine.abilities).toEqual({ respond: true, evidence: false });
    expect(mine.aggregate).toBeNull();
    expect(new Set(mine.items.map((i: { organisation_code: string }) => i.organisation_code))).toEqual(
      new Set(['DE']),
    );
    const author = (await nl.get(url)).json();
    expect(author.abilities).toEqual({ respond: false, evidence: true });
    expect(author.aggregate).toEqual([
      expect.objectContaining({
        organisation_code: 'BE',
        adoption: null,
        reports: 1,
        not_relevant: 1,
        controls: 0,
      }),
      expect.objectContaining({
        organisation_code: 'DE',
        adoption: 'adopted',
        reports: 2,
        controls: 100,
        irregularities: 15,
        seizures: 2,
        revenue: 2000.5,
        hit_rate: 15,
      }),
    ]);
    expect((await coordinator.get(url)).json().aggregate).toHaveLength(2);
    const fr = await t.as(who('fr', 'expert'));
    const frView = await fr.get(url);
    if (frView.statusCode === 200) expect(frView.json().items).toEqual([]);
    else expect(frView.statusCode).toBe(404);
  });
});
