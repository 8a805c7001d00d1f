import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { IndexLoadingError, indexCache } from './index-cache.ts';
import { demoListV2, finishedBatch, upload } from './screening-test-helpers.ts';

let t: TestApp;
let reviewer: TestClient;
let admin: TestClient;

const PARTIES = [
  'name,country,birth_date,reference',
  'Ivan Fiktivov,RU,1961-04-12,C-1',
  'Erika Mustermann Beispiel,,,C-2',
  'Viktor Samplov,RU,1969-07-21,C-3',
  'Anna Harmless Trading,DE,,C-4',
].join('\n');

beforeAll(async () => {
  t = await createTestApp();
  reviewer = await t.as('at.analyst@demo.eucab.eu');
  admin = await t.as('admin@demo.eucab.eu');
});
afterAll(async () => t?.close());

type Hit = {
  entityId: string;
  band: string;
  score: number;
  explanation: string[];
  caseId?: string;
  caseState?: string;
  suppressed?: boolean;
  isDemo: boolean;
};

describe('screening in the platform', () => {
  it('starts with the hand-made demo list, marked as demo', async () => {
    const res = await reviewer.get('/api/v1/screening/lists');
    expect(res.statusCode).toBe(200);
    const v = res.json().versions;
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ listId: 'demo', isDemo: true, entryCount: 6 });
  });

  it('is described in the OpenAPI document under the tag screening', async () => {
    const doc = (await t.client().get('/api/v1/openapi.json')).json();
    expect(doc.paths['/api/v1/screening/screen'].post.tags).toEqual(['screening']);
    expect(
      Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/screening')).length,
    ).toBeGreaterThanOrEqual(10);
  });

  it('screens one party with explained hits, storing nothing', async () => {
    const res = await reviewer.post('/api/v1/screening/screen', {
      name: 'Ivan Fiktivov',
      birthDate: '1961-04-12',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.threshold).toBe(0.8);
    expect(body.reviewThreshold).toBe(0.65);
    const hit = body.hits[0] as Hit;
    expect(hit.entityId).toBe('ftm-eucab-demo-p1');
    expect(hit.band).toBe('match');
    expect(hit.isDemo).toBe(true);
    expect(hit.explanation.join(' ')).toMatch(/name "Ivan Fiktivov" ~ primary name "Ivan Fiktivov"/);
    expect(body.saved).toBeNull();
    const parties = await t.rt.db.selectFrom('screening_parties').select('id').execute();
    expect(parties).toHaveLength(0);
    // bad input changes nothing
    expect((await reviewer.post('/api/v1/screening/screen', { name: '' })).statusCode).toBe(400);
    expect((await reviewer.post('/api/v1/screening/screen', { name: 'x', extra: 1 })).statusCode).toBe(400);
  });

  let batchId: string;
  let ivanCase: string;
  let erikaCase: string;

  it('answers 503 with Retry-After while the matcher index loads', async () => {
    const spy = vi.spyOn(indexCache(t.rt.db), 'ready').mockRejectedValueOnce(new IndexLoadingError());
    try {
      const res = await reviewer.post('/api/v1/screening/screen', { name: 'Ivan Fiktivov' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json().detail).toMatch(/index is loading/);
    } finally {
      spy.mockRestore();
    }
    expect((await reviewer.post('/api/v1/screening/screen', { name: 'Ivan Fiktivov' })).statusCode).toBe(200);
  });

  it('batch-screens a party file: cases for threshold hits, a downloadable report', async () => {
    const res = await upload(reviewer, '/api/v1/screening/batches?kind=parties', PARTIES, 'parties.csv');
    expect(res.statusCode).toBe(202);
    batchId = res.json().batchId;
    const b = await finishedBatch(t, reviewer, res.json());
    expect(b.state).toBe('succeeded');
    expect(b.rows).toHaveLength(4);
    const byRef = Object.fromEntries(
      b.rows.map((r: { reference: string; hits: Hit[] }) => [r.reference, r.hits]),
    );
    expect(byRef['C-1'][0]).toMatchObject({
      entityId: 'ftm-eucab-demo-p1',
      band: 'match',
      caseState: 'open',
    });
    expect(byRef['C-2'][0].entityId).toBe('ftm-eucab-demo-p2');
    expect(byRef['C-3']).toHaveLength(0); // not listed in version 1
    expect(byRef['C-4']).toHaveLength(0);
    ivanCase = byRef['C-1'][0].caseId;
    erikaCase = byRef['C-2'][0].caseId;
    const rep = await reviewer.get(`/api/v1/screening/batches/${batchId}/report?format=csv`);
    expect(rep.statusCode).toBe(200);
    expect(rep.body.split('\n')[0]).toMatch(/^# CONFIDENTIAL to AT/);
    expect(rep.body).toContain('ftm-eucab-demo-p1');
    expect(rep.body).toMatch(/Anna Harmless Trading,DE,,no hit/);
    const x = await reviewer.get(`/api/v1/screening/batches/${batchId}/report?format=xlsx`);
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('a party file with a bad row stores nothing and names line and column', async () => {
    const before = await t.rt.db.selectFrom('screening_parties').select('id').execute();
    const res = await upload(
      reviewer,
      '/api/v1/screening/batches',
      'name,kind\nGood Name,person\n,person\nOther,planet\n',
      'bad.csv',
    );
    expect(res.statusCode).toBe(202);
    const b = await finishedBatch(t, reviewer, res.json());
    expect(b.state).toBe('failed');
    expect(b.errors).toEqual([
      { line: 3, column: 'name', reason: 'The name is empty.' },
      expect.objectContaining({ line: 4, column: 'kind' }),
    ]);
    const after = await t.rt.db.selectFrom('screening_parties').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('dismisses a false positive with a reason (audited); re-screening keeps it suppressed', async () => {
    expect(
      (
        await reviewer.post(`/api/v1/screening/cases/${ivanCase}/decision`, {
          decision: 'dismiss',
          reason: '',
        })
      ).statusCode,
    ).toBe(400);
    const res = await reviewer.post(`/api/v1/screening/cases/${ivanCase}/decision`, {
      decision: 'dismiss',
      reason: 'Different person: other father name and place of birth',
    });
    expect(res.statusCode).toBe(200);
    expect(
      (
        await reviewer.post(`/api/v1/screening/cases/${ivanCase}/decision`, {
          decision: 'confirm',
          reason: 'again',
        })
      ).statusCode,
    ).toBe(409);
    const audit = await t.rt.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('record_id', '=', ivanCase)
      .where('action', '=', 'screening.case_dismissed')
      .execute();
    expect(audit).toHaveLength(1);
    // the same file again: the dismissed pair is reported as suppressed, the case stays dismissed
    const again = await upload(reviewer, '/api/v1/screening/batches', PARTIES, 'parties.csv');
    const b = await finishedBatch(t, reviewer, again.json());
    const ivan = b.rows.find((r: { reference: string }) => r.reference === 'C-1').hits[0] as Hit;
    expect(ivan).toMatchObject({ caseId: ivanCase, suppressed: true, caseState: 'dismissed' });
    const c = (await reviewer.get(`/api/v1/screening/cases/${ivanCase}`)).json();
    expect(c.state).toBe('dismissed');
    expect(c.explanation.length).toBeGreaterThan(0);
    // also dismiss Erika's case: its entry will be amended in version 2
    expect(
      (
        await reviewer.post(`/api/v1/screening/cases/${erikaCase}/decision`, {
          decision: 'dismiss',
          reason: 'Not the listed person',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('a new list version: diff, re-screen raises a new case and lifts the suppression of the amended entry only', async () => {
    const res = await upload(
      admin,
      '/api/v1/screening/lists/upload?listId=demo&format=ftm-jsonl&label=Demo%20v2&demo=true',
      demoListV2(),
      'demo-v2.jsonl',
    );
    expect(res.statusCode).toBe(202);
    const jobId = res.json().jobId;
    await t.waitForJob(jobId);
    const job = (await admin.get(`/api/v1/jobs/${jobId}`)).json();
    expect(job.state).toBe('succeeded');
    expect(job.result.rescreen).toMatchObject({ entries: 2, raised: 1, reopened: 1 });
    const versions = (await reviewer.get('/api/v1/screening/lists')).json().versions;
    expect(versions).toHaveLength(2);
    const diff = (await reviewer.get(`/api/v1/screening/lists/${versions[0].id}/diff`)).json();
    expect(diff.added.map((e: { id: string }) => e.id)).toEqual(['ftm-eucab-demo-p4']);
    expect(diff.removed).toEqual([]);
    expect(diff.amended).toHaveLength(1);
    expect(diff.amended[0].id).toBe('ftm-eucab-demo-p2');
    expect(diff.amended[0].changes.map((c: { field: string }) => c.field)).toEqual(['names']);
    expect(diff.unchanged).toBe(5);
    const cases = (await reviewer.get('/api/v1/screening/cases?state=pending')).json().items as Array<{
      id: string;
      entity_id: string;
      party_name: string;
      raised_count: number;
    }>;
    const viktor = cases.find((c) => c.entity_id === 'ftm-eucab-demo-p4');
    expect(viktor?.party_name).toBe('Viktor Samplov');
    const erika = cases.find((c) => c.id === erikaCase);
    expect(erika?.raised_count).toBe(2);
    expect(cases.find((c) => c.id === ivanCase)).toBeUndefined();
    expect((await reviewer.get(`/api/v1/screening/cases/${ivanCase}`)).json().state).toBe('dismissed');
  });

  it('loading the same content again creates no version', async () => {
    const res = await upload(
      admin,
      '/api/v1/screening/lists/upload?listId=demo&format=ftm-jsonl&label=again',
      demoListV2(),
      'demo-v2.jsonl',
    );
    await t.waitForJob(res.json().jobId);
    const job = (await admin.get(`/api/v1/jobs/${res.json().jobId}`)).json();
    expect(job.result.created).toBe(false);
    expect((await reviewer.get('/api/v1/screening/lists')).json().versions).toHaveLength(2);
  });

  it('a declaration file: parties and goods lines (shipped annexes and goods_measure records), selection with reasons', async () => {
    // an administration adds a goods measure as a registry record (published at once, EUCAB-wide)
    const nl = await t.as('nl.analyst@demo.eucab.eu');
    const rec = await nl.post('/api/v1/registry/goods_measure', {
      data: {
        measure_id: 'nl-2026-horses',
        title: 'Live horses to FR (test measure)',
        code_prefixes: ['010121'],
        applies_export: true,
        country_role: 'destination',
        countries: ['FR'],
        valid_from: '2026-01-01',
        legal_basis: 'Test decree 2026/1, Article 2',
      },
      publish: true,
    });
    expect(rec.statusCode).toBe(201);
    const csv = [
      'declaration id,date,direction,hs code,country of destination,exporter,consignee',
      'D-1,2026-08-01,export,84571010,RU,Harmless Exports GmbH,Nobody Special',
      'D-2,2026-08-01,export,01012100,FR,Harmless Exports GmbH,Viktor Samplov',
      'D-3,2026-08-01,import,01012100,FR,Harmless Exports GmbH,Someone Else',
    ].join('\n');
    const res = await upload(reviewer, '/api/v1/screening/batches?kind=declarations', csv, 'decl.csv');
    expect(res.statusCode).toBe(202);
    const b = await finishedBatch(t, reviewer, res.json());
    expect(b.state).toBe('succeeded');
    const byRef = Object.fromEntries(
      b.declarations.map((d: { declaration_ref: string }) => [d.declaration_ref, d]),
    );
    expect(byRef['D-1'].selected).toBe(true);
    expect(byRef['D-1'].reasons.join()).toMatch(/eu-833-2014-annex-XL/);
    expect(byRef['D-2'].selected).toBe(true);
    expect(byRef['D-2'].reasons.join()).toMatch(
      /consignee "Viktor Samplov" matches demo entry ftm-eucab-demo-p4/,
    );
    expect(byRef['D-2'].reasons.join()).toMatch(
      /goods code 01012100 under measure record:nl-2026-horses \(Test decree 2026\/1, Article 2\)/,
    );
    expect(byRef['D-3'].selected).toBe(false); // import: the measure covers export only
  });
});
