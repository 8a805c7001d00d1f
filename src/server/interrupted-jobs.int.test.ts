import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { failInterruptedImports } from './interrupted-jobs.ts';

let t: TestApp;
let ncp: TestClient;
let atId: string;
beforeAll(async () => {
  // staleSeconds 0: on PostgreSQL the interrupted job's last heartbeat counts as stale at once
  t = await createTestApp({ jobs: { staleSeconds: 0 } });
  ncp = await t.as('at.ncp@demo.eucab.eu');
  atId = (
    await t.rt.db.selectFrom('organisations').select('id').where('code', '=', 'AT').executeTakeFirstOrThrow()
  ).id;
}, 120_000);
afterAll(async () => t?.close());

function csvUpload(c: TestClient, url: string, csv: string) {
  const boundary = '----eucabtest';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="restart.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  return c.request({
    method: 'POST',
    url,
    payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

it('an import interrupted by a restart resumes: staged rows are removed, restaged from the stored file, published once (attempt 2)', async () => {
  const db = t.rt.db;
  const rows = ['email,display_name'];
  for (let i = 0; i < 5000; i++) rows.push(`resume${i}@at.test,Resume ${i}`);
  const res = await csvUpload(
    ncp,
    `/api/v1/users/import?organisationId=${atId}&dryRun=false`,
    rows.join('\n'),
  );
  expect(res.statusCode).toBe(202);
  const jobId = res.json().jobId as string;
  // Wait (by state, not time) until the job has staged rows, then "kill" the process.
  for (;;) {
    const staged = await db
      .selectFrom('import_rows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('job_id', '=', jobId)
      .executeTakeFirstOrThrow();
    if (Number(staged.n) > 0) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  await t.rt.jobs.stop({ crash: true });
  const left = await db
    .selectFrom('import_rows')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('job_id', '=', jobId)
    .executeTakeFirstOrThrow();
  expect(Number(left.n)).toBeGreaterThan(0);
  const during = (await ncp.get(`/api/v1/users/import/${jobId}`)).json();
  expect(during).toMatchObject({ status: 'staging', job: { state: 'running', attempt: 1 } });
  expect((await db.selectFrom('users').select('id').where('email', 'like', 'resume%').execute()).length).toBe(
    0,
  );

  await t.rt.jobs.start(); // the "restarted server"
  const done = await t.waitForJob(jobId);
  expect(done).toMatchObject({ state: 'succeeded', attempt: 2 });
  expect((await ncp.get(`/api/v1/users/import/${jobId}`)).json()).toMatchObject({
    status: 'published',
    inserted: 5000,
    updated: 0,
    job: { attempt: 2 },
  });
  const users = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', 'like', 'resume%')
    .executeTakeFirstOrThrow();
  expect(Number(users.n)).toBe(5000);
  expect(await db.selectFrom('import_rows').select('line').where('job_id', '=', jobId).execute()).toEqual([]);
  const published = await db
    .selectFrom('audit_events')
    .select('action')
    .where('action', '=', 'user.import_published')
    .where('record_id', '=', jobId)
    .execute();
  expect(published).toHaveLength(1);
});

it('imports written before jobs existed (no job, file gone) are failed at start and leave no staged rows', async () => {
  const db = t.rt.db;
  const user = await db
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .limit(1)
    .executeTakeFirstOrThrow();
  const mk = async (minutesAgo: number) => {
    const job = await db
      .insertInto('import_jobs')
      .values({
        kind: 'users',
        organisation_id: user.organisation_id,
        created_by: user.id,
        file_name: 'f.csv',
        file_sha256: 'x',
        status: 'staging',
        heartbeat_at: new Date(Date.now() - minutesAgo * 60_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('import_rows').values({ job_id: job.id, line: 2, data: '{}' }).execute();
    return job.id;
  };
  const fresh = await mk(1);
  const stale = await mk(30);
  // On a shared PostgreSQL server another process may still run the fresh one.
  expect(await failInterruptedImports(db, 'postgres')).toBe(1);
  const status = async (id: string) =>
    await db
      .selectFrom('import_jobs')
      .select(['status', 'error'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  expect(await status(stale)).toMatchObject({ status: 'failed', error: expect.stringContaining('restart') });
  expect((await status(fresh)).status).toBe('staging');
  // PGlite serves one process: everything unfinished is orphaned.
  expect(await failInterruptedImports(db, 'pglite')).toBe(1);
  expect((await status(fresh)).status).toBe('failed');
  expect(
    await db.selectFrom('import_rows').selectAll().where('job_id', 'in', [fresh, stale]).execute(),
  ).toEqual([]);
});
