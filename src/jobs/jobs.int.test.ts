import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { TestApp, TestClient } from '../testing/test-app.ts';
import { createTestApp } from '../testing/test-app.ts';
import { enqueueJob, JobFailedError, registerJobKind, runInWorker } from './index.ts';

// Test job kinds (registered at module load, before the runtime starts its queue).
const gates = new Map<string, { release: () => void; started: Promise<void>; go: Promise<void> }>();
function gate(key: string) {
  let release!: () => void;
  let markStarted!: () => void;
  const started = new Promise<void>((r) => {
    markStarted = r;
  });
  const go = new Promise<void>((r) => {
    release = r;
  });
  const g = { release, started, go, markStarted };
  gates.set(key, g);
  return g;
}

registerJobKind({
  kind: 'test.count',
  parse: (d) => z.strictObject({ n: z.number().int().min(1).max(100), gate: z.string().optional() }).parse(d),
  async run(ctx) {
    const file = await ctx.file();
    for (let i = 1; i <= ctx.data.n; i++) {
      await ctx.progress({ done: i, total: ctx.data.n, phase: 'counting' });
      if (ctx.data.gate && i === 1) {
        const g = gates.get(ctx.data.gate) as unknown as { markStarted(): void; go: Promise<void> };
        g.markStarted();
        await Promise.race([
          g.go,
          new Promise((_, rej) => ctx.signal.addEventListener('abort', () => rej(ctx.signal.reason))),
        ]);
      }
    }
    return { counted: ctx.data.n, fileSize: file?.bytes.length ?? null, attempt: ctx.attempt };
  },
});

registerJobKind({
  kind: 'test.stops-short',
  parse: (d) => z.object({}).parse(d),
  async run(ctx) {
    // Its last report comes before its final step (as an import's "saving" phase does).
    await ctx.progress({ done: 2, total: 5, phase: 'saving' });
    return { ok: true };
  },
});

registerJobKind({
  kind: 'test.bad-rows',
  readableBy: 'organisation',
  parse: (d) => z.object({}).parse(d),
  async run() {
    throw new JobFailedError('The file has 2 problems: nothing was imported.', [
      { line: 2, column: 'email', reason: '=HYPERLINK("x") is not an address' },
      { line: 7, reason: 'duplicate key' },
    ]);
  },
});

registerJobKind({
  kind: 'test.crash',
  parse: (d) => d,
  async run() {
    throw new Error('secret internal detail');
  },
});

registerJobKind({
  kind: 'test.thread',
  parse: (d) => z.object({}).parse(d),
  async run(ctx) {
    const flag = (globalThis as { __jobFlag?: SharedArrayBuffer }).__jobFlag!;
    return runInWorker(
      new URL('./testing/worker-fixtures.ts', import.meta.url),
      'blockUntilReleased',
      { flag },
      {
        onProgress: (p) => ctx.progress(p),
        signal: ctx.signal,
      },
    );
  },
});

let t: TestApp;
let analyst: TestClient;
let expert: TestClient;
let ncp: TestClient;
let deputyBe: TestClient;
let admin: TestClient;
let atAnalyst: Awaited<ReturnType<typeof loadActor>>;

async function loadActor(email: string) {
  const { loadActor: load } = await import('../auth/actor-loader.ts');
  return (await load(t.rt.db, await t.userId(email), null))!;
}

beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.as('at.analyst@demo.eucab.eu');
  expert = await t.as('at.expert@demo.eucab.eu');
  ncp = await t.as('at.ncp@demo.eucab.eu');
  deputyBe = await t.as('be.deputy@demo.eucab.eu');
  admin = await t.as('admin@demo.eucab.eu');
  atAnalyst = await loadActor('at.analyst@demo.eucab.eu');
}, 120_000);
afterAll(async () => t?.close());

describe('jobs', () => {
  it('enqueue validates input (400) before anything is stored', async () => {
    await expect(enqueueJob(t.rt, atAnalyst, { kind: 'test.count', data: { n: 0 } })).rejects.toMatchObject({
      status: 400,
    });
    await expect(enqueueJob(t.rt, atAnalyst, { kind: 'test.nope', data: {} })).rejects.toMatchObject({
      status: 400,
    });
    const observer = await loadActor('observer@demo.eucab.eu');
    await expect(enqueueJob(t.rt, observer, { kind: 'test.count', data: { n: 1 } })).rejects.toMatchObject({
      status: 403,
    });
    const n = await t.rt.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('runs a job with its file: progress, result, audit event and a notification to the starter', async () => {
    const { id } = await enqueueJob(t.rt, atAnalyst, {
      kind: 'test.count',
      data: { n: 3 },
      file: { name: 'in.csv', bytes: Buffer.from('a,b\n1,2\n'), contentType: 'text/csv' },
    });
    const row = await t.waitForJob(id);
    expect(row.state).toBe('succeeded');
    const res = await analyst.get(`/api/v1/jobs/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id,
      kind: 'test.count',
      state: 'succeeded',
      attempt: 1,
      progress: { done: 3, total: 3, phase: 'counting' },
      result: { counted: 3, fileSize: 8, attempt: 1 },
      file: { name: 'in.csv', size: 8 },
      errorCount: 0,
      abilities: { cancel: false },
    });
    const audit = await t.rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_kind', '=', 'job')
      .where('record_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['job.enqueued', 'job.succeeded']);
    await t.rt.outbox.drain();
    const notes = (await analyst.get('/api/v1/notifications')).json().items;
    expect(
      notes.some(
        (n: { kind: string; record_id: string }) => n.kind === 'job.succeeded' && n.record_id === id,
      ),
    ).toBe(true);
  });

  it('GET /jobs/:id: 401 → 400 → 404 (another user, another administration, platform admin) → 200', async () => {
    const { id } = await enqueueJob(t.rt, atAnalyst, { kind: 'test.count', data: { n: 1 } });
    await t.waitForJob(id);
    expect((await t.client().get(`/api/v1/jobs/${id}`)).statusCode).toBe(401);
    expect((await analyst.get('/api/v1/jobs/not-a-uuid')).statusCode).toBe(400);
    // starter-only kind: a colleague, the NCP, another administration, the platform administrator
    for (const other of [expert, ncp, deputyBe, admin])
      expect((await other.get(`/api/v1/jobs/${id}`)).statusCode).toBe(404);
    expect((await analyst.get(`/api/v1/jobs/${id}`)).statusCode).toBe(200);
  });

  it('a failed job reports line/column/reason; errors.csv neutralises formulas; organisation kinds are readable by colleagues only', async () => {
    const { id } = await enqueueJob(t.rt, atAnalyst, { kind: 'test.bad-rows', data: {} });
    expect((await t.waitForJob(id)).state).toBe('failed');
    const body = (await expert.get(`/api/v1/jobs/${id}`)).json();
    expect(body).toMatchObject({
      state: 'failed',
      error: 'The file has 2 problems: nothing was imported.',
      errorCount: 2,
      errors: [
        { line: 2, column: 'email', reason: '=HYPERLINK("x") is not an address' },
        { line: 7, reason: 'duplicate key' },
      ],
      abilities: { cancel: false },
    });
    expect((await deputyBe.get(`/api/v1/jobs/${id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/jobs/${id}`)).statusCode).toBe(404);
    expect((await t.client().get(`/api/v1/jobs/${id}/errors.csv`)).statusCode).toBe(401);
    expect((await deputyBe.get(`/api/v1/jobs/${id}/errors.csv`)).statusCode).toBe(404);
    const csv = await expert.get(`/api/v1/jobs/${id}/errors.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toBe('line,column,reason');
    expect(csv.body).toContain(`2,email,"'=HYPERLINK(""x"") is not an address"`);
    expect(csv.body).toContain('7,,duplicate key');
  });

  it('an unexpected error fails the job with a generic message (no internals leak)', async () => {
    const { id } = await enqueueJob(t.rt, atAnalyst, { kind: 'test.crash', data: {} });
    expect((await t.waitForJob(id)).state).toBe('failed');
    const body = (await analyst.get(`/api/v1/jobs/${id}`)).json();
    expect(body.error).toContain('unexpected error');
    expect(JSON.stringify(body)).not.toContain('secret internal detail');
  });

  it('GET /jobs lists through the policy, newest first, filtered by kind', async () => {
    expect((await t.client().get('/api/v1/jobs')).statusCode).toBe(401);
    expect((await analyst.get('/api/v1/jobs?limit=0')).statusCode).toBe(400);
    const mine = (await analyst.get('/api/v1/jobs')).json();
    expect(mine.total).toBe(4);
    const times = mine.items.map((i: { createdAt: string }) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await analyst.get('/api/v1/jobs?kind=test.bad-rows')).json().total).toBe(1);
    // a colleague sees only the organisation-readable job; other administrations and the admin none
    expect((await expert.get('/api/v1/jobs')).json().items.map((i: { kind: string }) => i.kind)).toEqual([
      'test.bad-rows',
    ]);
    expect((await deputyBe.get('/api/v1/jobs')).json().total).toBe(0);
    expect((await admin.get('/api/v1/jobs')).json().total).toBe(0);
  });

  it('cancel: 401 → 404 for non-readers → 403 for a colleague → 200 for the starter; the running handler is aborted', async () => {
    const g = gate('cancel');
    const { id } = await enqueueJob(t.rt, atAnalyst, { kind: 'test.count', data: { n: 5, gate: 'cancel' } });
    await g.started;
    const running = (await analyst.get(`/api/v1/jobs/${id}`)).json();
    expect(running).toMatchObject({ state: 'running', progress: { done: 1, total: 5, phase: 'counting' } });
    expect(running.abilities.cancel).toBe(true);
    expect((await t.client().post(`/api/v1/jobs/${id}/cancel`)).statusCode).toBe(401);
    expect((await deputyBe.post(`/api/v1/jobs/${id}/cancel`)).statusCode).toBe(404);
    expect((await expert.post(`/api/v1/jobs/${id}/cancel`)).statusCode).toBe(404);
    const res = await analyst.post(`/api/v1/jobs/${id}/cancel`);
    expect(res.statusCode).toBe(200);
    const row = await t.waitForJob(id);
    expect(row.state).toBe('cancelled');
    expect((await analyst.post(`/api/v1/jobs/${id}/cancel`)).statusCode).toBe(409);
  });

  it("the organisation's NCP may cancel an organisation-readable job; a colleague may not (403)", async () => {
    const expertActor = await loadActor('at.expert@demo.eucab.eu');
    // bad-rows kinds finish at once, so cancel it while still queued: stop this runner's pickup first
    await t.rt.jobs.stop();
    const { id } = await enqueueJob(t.rt, expertActor, { kind: 'test.bad-rows', data: {} });
    expect((await analyst.get(`/api/v1/jobs/${id}`)).json().abilities.cancel).toBe(false);
    expect((await analyst.post(`/api/v1/jobs/${id}/cancel`)).statusCode).toBe(403);
    expect((await ncp.get(`/api/v1/jobs/${id}`)).json().abilities.cancel).toBe(true);
    expect((await ncp.post(`/api/v1/jobs/${id}/cancel`)).json().state).toBe('cancelled');
    await t.rt.jobs.start();
    // the stale queue message does not run the cancelled job
    const row = await t.waitForJob(id);
    expect(row).toMatchObject({ state: 'cancelled', attempt: 0 });
  });

  it('CPU-bound work in a worker thread does not block the platform: a request is answered while the job runs', async () => {
    const flag = new SharedArrayBuffer(4);
    (globalThis as { __jobFlag?: SharedArrayBuffer }).__jobFlag = flag;
    const { id } = await enqueueJob(t.rt, atAnalyst, { kind: 'test.thread', data: {} });
    // wait until the thread reports it is blocking
    for (;;) {
      const j = (await analyst.get(`/api/v1/jobs/${id}`)).json();
      if (j.progress.phase === 'blocking') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const me = await analyst.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect((await analyst.get(`/api/v1/jobs/${id}`)).json().state).toBe('running');
    Atomics.store(new Int32Array(flag), 0, 1);
    Atomics.notify(new Int32Array(flag), 0);
    const row = await t.waitForJob(id);
    expect(row.state).toBe('succeeded');
    expect(row.result).toBe('released');
  });

  it('a user may have at most 20 jobs waiting or running (429 after that, nothing stored)', async () => {
    const expertActor = await loadActor('at.expert@demo.eucab.eu');
    await t.rt.jobs.stop(); // keep them queued
    const ids: string[] = [];
    for (let i = 0; i < 20; i++)
      ids.push((await enqueueJob(t.rt, expertActor, { kind: 'test.count', data: { n: 1 } })).id);
    await expect(enqueueJob(t.rt, expertActor, { kind: 'test.count', data: { n: 1 } })).rejects.toMatchObject(
      {
        status: 429,
      },
    );
    expect((await expert.get('/api/v1/jobs?kind=test.count')).json().total).toBe(20);
    await t.rt.jobs.start();
    for (const id of ids) expect((await t.waitForJob(id)).state).toBe('succeeded');
  });

  it('the uploaded file of a job finished more than RETENTION_JOB_FILES_DAYS (30) ago is deleted (the job stays)', async () => {
    const { id } = await enqueueJob(t.rt, atAnalyst, {
      kind: 'test.count',
      data: { n: 1 },
      file: { name: 'old.csv', bytes: Buffer.from('x'), contentType: 'text/csv' },
    });
    await t.waitForJob(id);
    const fresh = await enqueueJob(t.rt, atAnalyst, {
      kind: 'test.count',
      data: { n: 1 },
      file: { name: 'new.csv', bytes: Buffer.from('y'), contentType: 'text/csv' },
    });
    await t.waitForJob(fresh.id);
    await t.rt.db
      .updateTable('jobs')
      .set({ finished_at: new Date(Date.now() - 31 * 86_400_000) })
      .where('id', '=', id)
      .execute();
    // the privacy module's scheduled retention task purges them
    await t.rt.db.deleteFrom('scheduled_task_runs').execute();
    expect(await t.rt.scheduler.runDue(new Date())).toContain('privacy.retention');
    expect((await analyst.get(`/api/v1/jobs/${id}`)).json()).toMatchObject({
      state: 'succeeded',
      file: null,
    });
    expect((await analyst.get(`/api/v1/jobs/${fresh.id}`)).json().file).toMatchObject({ name: 'new.csv' });
  });

  it('a job that succeeded reads "N of N" even when its last report came before its last step (issue 21)', async () => {
    const { id } = await enqueueJob(t.rt, atAnalyst, { kind: 'test.stops-short', data: {} });
    expect((await t.waitForJob(id)).state).toBe('succeeded');
    expect((await analyst.get(`/api/v1/jobs/${id}`)).json().progress).toMatchObject({ done: 5, total: 5 });
  });
});
