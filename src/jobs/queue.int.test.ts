import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { executorFor } from './queue.ts';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
  await migrateToLatest(h.db as never);
}, 120_000);
afterAll(async () => h?.close());

it("a failing BEGIN…COMMIT text from pg-boss leaves the connection usable (PGlite's one session)", async () => {
  const exec = executorFor(h.db);
  await expect(exec.executeSql('BEGIN; SELECT 1; SELECT * FROM no_such_table; COMMIT;')).rejects.toThrow(
    /no_such_table/,
  );
  // the next statement on the (single) connection is not "in a failed transaction"
  const r = await exec.executeSql('SELECT 42 AS n');
  expect(r.rows).toEqual([{ n: 42 }]);
  expect((await exec.executeSql('SELECT version FROM pgboss.version')).rows).toEqual([{ version: 24 }]);
});
