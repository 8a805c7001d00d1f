import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { failInterruptedImports } from './interrupted-jobs.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

it('after a restart, imports whose worker is gone are failed and leave no staged rows', async () => {
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
  expect(await db.selectFrom('import_rows').selectAll().execute()).toEqual([]);
});
