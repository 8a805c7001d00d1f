/**
 * The access matrix of screening: every endpoint × caller relation, against a table written by
 * hand. Screening queries, uploads, parties and cases belong to the owning administration alone
 * (its screening reviewers); lists and diffs are reference data for every signed-in user; list
 * versions are loaded by platform administrators only.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { demoListV2, finishedBatch, upload } from './screening-test-helpers.ts';

const CALLERS = {
  ownReviewer: 'at.analyst@demo.eucab.eu',
  ownUser: 'at.expert@demo.eucab.eu',
  otherReviewer: 'be.analyst@demo.eucab.eu',
  coordinator: 'nl.expert@demo.eucab.eu', // coordinator of the risk-management network
  platformAdmin: 'admin@demo.eucab.eu',
  commission: 'observer@demo.eucab.eu',
  anonymous: null,
} as const;
type Caller = keyof typeof CALLERS;
const ORDER = Object.keys(CALLERS) as Caller[];

let t: TestApp;
const c = {} as Record<Caller, TestClient>;
let batch: { batchId: string; jobId: string };
let caseId: string;
let versionId: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const k of ORDER) c[k] = CALLERS[k] ? await t.as(CALLERS[k]!) : t.client();
  const res = await upload(
    c.ownReviewer,
    '/api/v1/screening/batches',
    'name\nIvan Fiktivov\nOmar Exampleman\n',
    'p.csv',
  );
  batch = res.json();
  const b = await finishedBatch(t, c.ownReviewer, batch);
  caseId = b.rows[0].hits[0].caseId;
  versionId = (await c.ownReviewer.get('/api/v1/screening/lists')).json().versions[0].id;
});
afterAll(async () => t?.close());

// expected status per caller, in ORDER: ownReviewer, ownUser, otherReviewer, coordinator, platformAdmin, commission, anonymous
// '-' = not checked here (the caller's own records, covered elsewhere)
type Row = [string, (who: TestClient) => Promise<LightMyRequestResponse>, Array<number | '-'>];
const ROWS: Row[] = [
  ['GET lists', (w) => w.get('/api/v1/screening/lists'), [200, 200, 200, 200, 200, 200, 401]],
  [
    'GET list diff',
    (w) => w.get(`/api/v1/screening/lists/${versionId}/diff`),
    [200, 200, 200, 200, 200, 200, 401],
  ],
  [
    'POST screen (answer only)',
    (w) => w.post('/api/v1/screening/screen', { name: 'Ivan Fiktivov' }),
    [200, 200, 200, 200, 403, 403, 401],
  ],
  [
    'POST screen + save',
    (w) => w.post('/api/v1/screening/screen', { name: 'Saved Party', save: true }),
    ['-', 403, '-', 403, 403, 403, 401],
  ],
  [
    'POST batch upload',
    (w) => upload(w, '/api/v1/screening/batches', 'name\nX\n', 'x.csv'),
    ['-', 403, '-', 403, 403, 403, 401],
  ],
  [
    'GET batch',
    (w) => w.get(`/api/v1/screening/batches/${batch.batchId}`),
    [200, 404, 404, 404, 404, 404, 401],
  ],
  [
    'GET batch report',
    (w) => w.get(`/api/v1/screening/batches/${batch.batchId}/report`),
    [200, 404, 404, 404, 404, 404, 401],
  ],
  ['GET batch job', (w) => w.get(`/api/v1/jobs/${batch.jobId}`), [200, 404, 404, 404, 404, 404, 401]],
  ['GET case', (w) => w.get(`/api/v1/screening/cases/${caseId}`), [200, 404, 404, 404, 404, 404, 401]],
  [
    'POST case decision',
    (w) =>
      w.post(`/api/v1/screening/cases/${caseId}/decision`, { decision: 'dismiss', reason: 'access test' }),
    ['-', 404, 404, 404, 404, 404, 401],
  ],
  [
    'POST list upload',
    (w) =>
      upload(
        w,
        '/api/v1/screening/lists/upload?listId=demo&format=ftm-jsonl&label=v2&demo=true',
        demoListV2(),
        'v2.jsonl',
      ),
    [403, 403, 403, 403, '-', 403, 401],
  ],
  [
    'POST list load (configured)',
    (w) => w.post('/api/v1/screening/lists/load', { listId: 'un' }),
    [403, 403, 403, 403, 400, 403, 401],
  ],
];

// lists: does the caller see the own administration's batch / case?
const SEES: Array<[string, (w: TestClient) => Promise<boolean>, boolean[]]> = [
  [
    'batch in GET batches',
    async (w) =>
      ((await w.get('/api/v1/screening/batches')).json().items ?? []).some(
        (b: { id: string }) => b.id === batch.batchId,
      ),
    [true, false, false, false, false, false, false],
  ],
  [
    'case in GET cases',
    async (w) =>
      ((await w.get('/api/v1/screening/cases')).json().items ?? []).some(
        (x: { id: string }) => x.id === caseId,
      ),
    [true, false, false, false, false, false, false],
  ],
  [
    'batch job in GET jobs',
    async (w) =>
      ((await w.get('/api/v1/jobs')).json().items ?? []).some((j: { id: string }) => j.id === batch.jobId),
    [true, false, false, false, false, false, false],
  ],
];

describe('screening access matrix', () => {
  it('every endpoint × caller relation answers as the table says', async () => {
    const got: string[] = [];
    const failures: string[] = [];
    for (const [name, call, expected] of ROWS) {
      const line: string[] = [];
      for (const [i, who] of ORDER.entries()) {
        const want = expected[i];
        if (want === '-') {
          line.push('  -');
          continue;
        }
        const res = await call(c[who]);
        const status = res.statusCode === 202 ? 202 : res.statusCode;
        line.push(String(status).padStart(3));
        if (status !== want)
          failures.push(`${name} as ${who}: ${status}, expected ${want} (${res.body.slice(0, 120)})`);
      }
      got.push(`${name.padEnd(28)} ${line.join(' ')}`);
    }
    for (const [name, sees, expected] of SEES) {
      const line: string[] = [];
      for (const [i, who] of ORDER.entries()) {
        const v = await sees(c[who]);
        line.push(v ? '  R' : '  –');
        if (v !== expected[i]) failures.push(`${name} as ${who}: ${v}, expected ${expected[i]}`);
      }
      got.push(`${name.padEnd(28)} ${line.join(' ')}`);
    }
    console.log(`screening access matrix (${ORDER.join(', ')}):\n${got.join('\n')}`);
    expect(failures).toEqual([]);
  });

  it('refused decisions changed nothing; the own reviewer decides', async () => {
    const before = (await c.ownReviewer.get(`/api/v1/screening/cases/${caseId}`)).json();
    expect(before.state).toBe('open');
    const res = await c.ownReviewer.post(`/api/v1/screening/cases/${caseId}/decision`, {
      decision: 'confirm',
      reason: 'same passport',
    });
    expect(res.statusCode).toBe(200);
    expect((await c.ownReviewer.get(`/api/v1/screening/cases/${caseId}`)).json()).toMatchObject({
      state: 'confirmed',
      reason: 'same passport',
    });
  });

  it('abilities follow the policy', async () => {
    const ab = async (w: TestClient) => (await w.get('/api/v1/screening/abilities')).json().abilities;
    expect(await ab(c.ownReviewer)).toEqual({
      readLists: true,
      screen: true,
      review: true,
      loadLists: false,
    });
    expect(await ab(c.ownUser)).toEqual({ readLists: true, screen: true, review: false, loadLists: false });
    expect(await ab(c.platformAdmin)).toEqual({
      readLists: true,
      screen: false,
      review: false,
      loadLists: true,
    });
    expect(await ab(c.commission)).toEqual({
      readLists: true,
      screen: false,
      review: false,
      loadLists: false,
    });
    expect(await ab(c.anonymous)).toEqual({
      readLists: false,
      screen: false,
      review: false,
      loadLists: false,
    });
  });
});
