import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAuditRule, mayReadAuditDetails } from '../../access/audit-policy.ts';
import { loadActor } from '../../auth/actor-loader.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { finishedBatch, upload as uploadFile } from '../screening/screening-test-helpers.ts';

/**
 * Audit entries show their details (changes: file names, entity ids, scores, batch names) only to
 * those who may read the record they describe, by that record kind's own policy. The platform
 * administrator and the administration's NCP (without the risk / screening roles) still see that
 * the events happened, with `changes: null, valuesHidden: true`.
 */

const SAMPLE = new URL('../../seed/kcs-sample/', import.meta.url);
const lines = (f: string) => readFileSync(new URL(f, SAMPLE), 'utf8').trimEnd().split('\n');

// Values that describe the records' content and must not leak to those who may not read them.
const HISTORY_FILE = 'probe-history-zq7.csv';
const DATASET_NAME = 'Probe dataset zq7';
const BATCH_FILE = 'probe-batch-zq7.csv';
const BATCH_NAME = 'Probe batch zq7';
const PARTY_FILE = 'probe-parties-zq7.csv';
const ENTITY_ID = 'ftm-eucab-demo-p1';
const DECISION_REASON = 'Same person zq7: passport number matches';
const SECRETS = [HISTORY_FILE, DATASET_NAME, BATCH_FILE, BATCH_NAME, PARTY_FILE, ENTITY_ID, DECISION_REASON];

const KINDS = ['risk_dataset', 'risk_batch', 'screening_case', 'screening_batch', 'job'] as const;

let t: TestApp;
let analyst: TestClient;
const ids: Record<string, string> = {};

function multipart(file: { name: string; content: string }, fields: Record<string, string>) {
  const boundary = '----eucabaudit';
  let body = '';
  for (const [k, v] of Object.entries(fields))
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  body += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n--${boundary}--\r\n`;
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function finishedJob(jobId: string) {
  const job = await t.waitForJob(jobId);
  expect(job.state, JSON.stringify(job)).toBe('succeeded');
  return job;
}

type Item = {
  seq: number;
  action: string;
  record_kind: string;
  record_id: string | null;
  actor_label: string;
  changes: Record<string, { after?: unknown } | unknown> | null;
  valuesHidden: boolean;
};

/** Every audit event about our records the client sees, and the raw bodies it received. */
async function trail(c: TestClient): Promise<{ items: Item[]; bodies: string }> {
  let bodies = '';
  const items: Item[] = [];
  for (const kind of KINDS) {
    const res = await c.get(`/api/v1/audit?recordKind=${kind}&limit=500`);
    expect(res.statusCode).toBe(200);
    bodies += res.body;
    items.push(...(res.json().items as Item[]));
  }
  const latest = await c.get('/api/v1/audit?limit=500');
  bodies += latest.body;
  const ours = new Set(Object.values(ids));
  return { items: items.filter((i) => i.record_id && ours.has(i.record_id)), bodies };
}

beforeAll(async () => {
  t = await createTestApp();
  const { seedRiskDemo } = await import('../../seed/risk-demo.ts');
  await seedRiskDemo(t.rt.db); // NL: a history and an active model
  analyst = await t.as('nl.analyst@demo.eucab.eu'); // risk analyst + screening reviewer of NL

  // risk: a declaration history upload (a job with a file)
  const history = lines('history-2020.csv').slice(0, 601).join('\n');
  const proposal = await analyst.request({
    method: 'POST',
    url: '/api/v1/risk/mapping-proposal',
    ...multipart({ name: HISTORY_FILE, content: history }, {}),
  });
  expect(proposal.statusCode, proposal.body).toBe(200);
  const up = await analyst.request({
    method: 'POST',
    url: '/api/v1/risk/datasets',
    ...multipart(
      { name: HISTORY_FILE, content: history },
      { name: DATASET_NAME, mapping: JSON.stringify(proposal.json().mapping) },
    ),
  });
  expect(up.statusCode, up.body).toBe(202);
  ids.uploadJob = up.json().jobId;
  ids.dataset = ((await finishedJob(up.json().jobId)).result as { datasetId: string }).datasetId;

  // risk: scoring a batch with the active model
  const batch = lines('batch-2021q1.csv').slice(0, 201).join('\n');
  const sc = await analyst.request({
    method: 'POST',
    url: '/api/v1/risk/batches',
    ...multipart({ name: BATCH_FILE, content: batch }, { name: BATCH_NAME, budgetPercent: '5' }),
  });
  expect(sc.statusCode, sc.body).toBe(202);
  ids.scoreJob = sc.json().jobId;
  ids.riskBatch = ((await finishedJob(sc.json().jobId)).result as { batchId: string }).batchId;

  // screening: a party file (a job with a file) raising a case, and the case's decision
  const parties = 'name,country,birth_date,reference\nIvan Fiktivov,RU,1961-04-12,C-1\n';
  const sb = await uploadFile(analyst, '/api/v1/screening/batches?kind=parties', parties, PARTY_FILE);
  expect(sb.statusCode, sb.body).toBe(202);
  ids.screeningJob = sb.json().jobId;
  ids.screeningBatch = sb.json().batchId;
  const b = await finishedBatch(t, analyst, sb.json());
  expect(b.state).toBe('succeeded');
  ids.case = b.rows[0].hits[0].caseId;
  const d = await analyst.post(`/api/v1/screening/cases/${ids.case}/decision`, {
    decision: 'confirm',
    reason: DECISION_REASON,
  });
  expect(d.statusCode, d.body).toBe(200);
}, 240_000);
afterAll(async () => t?.close());

describe('audit details follow the policy of the record they describe', () => {
  it('the analyst / reviewer of the owning administration reads the details', async () => {
    const { items } = await trail(analyst);
    const find = (action: string, id: string) => items.find((i) => i.action === action && i.record_id === id);
    const ds = find('risk.dataset.upload', ids.dataset!);
    expect(ds?.valuesHidden).toBe(false);
    expect(ds?.changes).toMatchObject({ file: { after: HISTORY_FILE }, name: { after: DATASET_NAME } });
    expect(find('risk.batch.score', ids.riskBatch!)?.changes).toMatchObject({ name: { after: BATCH_NAME } });
    expect(find('job.enqueued', ids.uploadJob!)?.changes).toMatchObject({ file: { after: HISTORY_FILE } });
    expect(find('job.enqueued', ids.screeningJob!)?.changes).toMatchObject({ file: { after: PARTY_FILE } });
    const raised = find('screening.case_raised', ids.case!);
    expect(raised?.changes).toMatchObject({ entityId: ENTITY_ID });
    expect(typeof (raised?.changes as { score?: unknown } | undefined)?.score).toBe('number');
    expect(find('screening.case_confirmed', ids.case!)?.changes).toMatchObject({ reason: DECISION_REASON });
    expect(find('screening.batch_uploaded', ids.screeningBatch!)?.valuesHidden).toBe(false);
  });

  for (const who of ['admin@demo.eucab.eu', 'nl.ncp@demo.eucab.eu']) {
    it(`${who} sees that the events happened, with hidden details (no file name, entity id, score or batch name)`, async () => {
      const c = await t.as(who);
      const { items, bodies } = await trail(c);
      const actions = new Set(items.map((i) => `${i.action} ${i.record_id}`));
      for (const expected of [
        `risk.dataset.upload ${ids.dataset}`,
        `risk.batch.score ${ids.riskBatch}`,
        `job.enqueued ${ids.uploadJob}`,
        `job.enqueued ${ids.scoreJob}`,
        `job.enqueued ${ids.screeningJob}`,
        `job.succeeded ${ids.screeningJob}`,
        `screening.batch_uploaded ${ids.screeningBatch}`,
        `screening.case_raised ${ids.case}`,
        `screening.case_confirmed ${ids.case}`,
      ])
        expect(actions, expected).toContain(expected);
      for (const s of SECRETS) expect(bodies, s).not.toContain(s);
      expect(bodies).not.toMatch(/"score"/);
      for (const i of items) {
        expect(i.actor_label).toMatch(/nl\.analyst@demo\.eucab\.eu|system:jobs/);
        expect(i, `${i.action} ${i.record_kind}`).toMatchObject({ changes: null, valuesHidden: true });
      }
    });
  }

  it('a colleague with neither the role nor the NCP role sees none of these events', async () => {
    const c = await t.as('nl.expert@demo.eucab.eu');
    const { items, bodies } = await trail(c);
    expect(items).toEqual([]);
    for (const s of SECRETS) expect(bodies, s).not.toContain(s);
  });

  it('the row check answers as the lists do, and unknown kinds are denied', async () => {
    const ev = await t.rt.db
      .selectFrom('audit_events')
      .select(['record_kind', 'record_id', 'organisation_id', 'actor_id'])
      .where('action', '=', 'screening.case_confirmed')
      .where('record_id', '=', ids.case!)
      .executeTakeFirstOrThrow();
    const actorOf = async (email: string) => (await loadActor(t.rt.db, await t.userId(email), null))!;
    expect(await mayReadAuditDetails(t.rt.db, await actorOf('nl.analyst@demo.eucab.eu'), ev)).toBe(true);
    expect(await mayReadAuditDetails(t.rt.db, await actorOf('admin@demo.eucab.eu'), ev)).toBe(false);
    expect(await mayReadAuditDetails(t.rt.db, await actorOf('nl.ncp@demo.eucab.eu'), ev)).toBe(false);
    expect(await mayReadAuditDetails(t.rt.db, await actorOf('at.analyst@demo.eucab.eu'), ev)).toBe(false);
    const admin = await actorOf('admin@demo.eucab.eu');
    expect(await mayReadAuditDetails(t.rt.db, admin, { ...ev, record_kind: 'something_new' })).toBe(false);
  });

  it('every record kind in the trail has a rule', async () => {
    const kinds = await t.rt.db.selectFrom('audit_events').select('record_kind').distinct().execute();
    expect(kinds.length).toBeGreaterThan(5);
    expect(kinds.map((k) => k.record_kind).filter((k) => !hasAuditRule(k))).toEqual([]);
  });
});
