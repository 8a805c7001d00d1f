import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { loadActor } from '../auth/actor-loader.ts';
import { loadConfig } from '../config/config.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { seedDemoData } from '../seed/demo-data.ts';
import { buildApp } from '../server/app.ts';
import { createRuntime } from '../server/runtime.ts';
import { DEMO_PASSWORD, TestClient } from '../testing/test-app.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { enqueueJob, registerJobKind } from './index.ts';

// A handler that reports progress, then blocks on its first attempt until the process stops.
const attempts: number[] = [];
let firstStarted!: () => void;
let started: Promise<void>;
registerJobKind({
  kind: 'test.restartable',
  parse: (d) => z.object({ steps: z.number() }).parse(d),
  async run(ctx) {
    attempts.push(ctx.attempt);
    await ctx.progress({ done: 1, total: ctx.data.steps, phase: 'working' });
    if (ctx.attempt === 1) {
      firstStarted();
      // blocks until the runtime stops (its signal is aborted), as long work would
      await new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)));
    }
    await ctx.progress({ done: ctx.data.steps, total: ctx.data.steps, phase: 'working' });
    return { attempt: ctx.attempt, file: (await ctx.file())?.name };
  },
});

const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  PORT: '0',
  PUBLIC_URL: 'http://127.0.0.1:3999',
  WEB_DIST: './web/dist-absent',
});
const mailer = { send: async () => {} };
let handle: DatabaseHandle;
// the runtimes close this wrapper; the database itself stays open across "restarts"
const keepOpen = () => ({ ...handle, close: async () => {} });

async function start() {
  // staleSeconds 0: on PostgreSQL the previous process's heartbeat counts as stale at once
  const rt = await createRuntime(config, {
    handle: keepOpen(),
    mailer,
    log: () => {},
    jobs: { staleSeconds: 0 },
  });
  const app = await buildApp(rt);
  await app.ready();
  const client = new TestClient(app);
  const login = await client.post('/api/v1/auth/login', {
    email: 'at.analyst@demo.eucab.eu',
    password: DEMO_PASSWORD,
  });
  expect(login.statusCode).toBe(200);
  return { rt, app, client };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const rt = await createRuntime(config, { handle: keepOpen(), mailer, log: () => {} });
  await seedDemoData(rt.db, { password: DEMO_PASSWORD });
  await rt.close();
}, 120_000);
afterAll(async () => handle?.close());

it.each([
  ['a crashed process (nothing written at stop)', true],
  ['a graceful stop (running jobs are queued again)', false],
])(
  'a job interrupted by %s runs again after the restart (attempt 2) and its result is there',
  async (_, crash) => {
    attempts.length = 0;
    started = new Promise<void>((r) => {
      firstStarted = r;
    });
    const one = await start();
    await one.rt.jobs.start();
    const actor = (await loadActor(one.rt.db, await userId(one.rt.db), null))!;
    const { id } = await enqueueJob(one.rt, actor, {
      kind: 'test.restartable',
      data: { steps: 4 },
      file: { name: 'input.csv', bytes: Buffer.from('x'), contentType: 'text/csv' },
    });
    await started;
    const during = (await one.client.get(`/api/v1/jobs/${id}`)).json();
    expect(during).toMatchObject({
      state: 'running',
      attempt: 1,
      progress: { done: 1, total: 4, phase: 'working' },
    });

    if (crash) await one.rt.jobs.stop({ crash: true });
    await one.app.close();
    await one.rt.close();

    const two = await start();
    // before the new runner starts: progress of the interrupted run is still readable
    const between = (await two.client.get(`/api/v1/jobs/${id}`)).json();
    expect(between.progress).toMatchObject({ done: 1, total: 4 });
    expect(['running', 'queued']).toContain(between.state);
    await two.rt.jobs.start();
    const row = await two.rt.jobs.waitForJob(id);
    expect(row).toMatchObject({ state: 'succeeded', attempt: 2 });
    const after = (await two.client.get(`/api/v1/jobs/${id}`)).json();
    expect(after).toMatchObject({
      state: 'succeeded',
      attempt: 2,
      progress: { done: 4, total: 4 },
      result: { attempt: 2, file: 'input.csv' },
    });
    expect(attempts).toEqual([1, 2]);
    const audit = await two.rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['job.enqueued', 'job.requeued', 'job.succeeded']);
    await two.app.close();
    await two.rt.close();
  },
);

async function userId(db: DatabaseHandle['db']) {
  const u = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'at.analyst@demo.eucab.eu')
    .executeTakeFirstOrThrow();
  return u.id;
}
