import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { defineScheduledTask } from './scheduled-task.ts';
import { createScheduler } from './scheduler.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('scheduled tasks', () => {
  it('run once per period across processes, from a schedule kept in the database', async () => {
    let runs = 0;
    const task = defineScheduledTask({
      name: 'test.count',
      description: 'Counts its runs.',
      everyMinutes: 10,
      run: async () => `run ${++runs}`,
    });
    // Two schedulers on one database, as two server processes would be.
    const a = createScheduler({ db: t.rt.db, config: t.config, mailer: t.rt.mailer }, [task], () => {});
    const b = createScheduler({ db: t.rt.db, config: t.config, mailer: t.rt.mailer }, [task], () => {});
    const t0 = new Date('2030-01-01T00:00:00Z');
    const [ra, rb] = await Promise.all([a.runDue(t0), b.runDue(t0)]);
    expect([...ra, ...rb]).toEqual(['test.count']);
    expect(runs).toBe(1);
    // Not due again within the period — also for a scheduler started afterwards (a restart).
    const c = createScheduler({ db: t.rt.db, config: t.config, mailer: t.rt.mailer }, [task], () => {});
    expect(await c.runDue(new Date('2030-01-01T00:09:59Z'))).toEqual([]);
    expect(await c.runDue(new Date('2030-01-01T00:10:00Z'))).toEqual(['test.count']);
    const [s] = await c.status();
    expect(s).toMatchObject({
      name: 'test.count',
      lastStatus: 'succeeded',
      lastMessage: 'run 2',
      everyMinutes: 10,
    });
    expect(s!.nextDueAt).toEqual(new Date('2030-01-01T00:20:00Z'));
  });

  it('a failing run is recorded with its reason and runs again at the next period', async () => {
    let fail = true;
    const task = defineScheduledTask({
      name: 'test.flaky',
      description: 'Fails once.',
      everyMinutes: 5,
      run: async () => {
        if (fail) throw new Error('the mail relay did not answer');
        return 'sent';
      },
    });
    const logged: string[] = [];
    const s = createScheduler(
      { db: t.rt.db, config: t.config, mailer: t.rt.mailer },
      [task],
      (m) => void logged.push(m),
    );
    await s.runDue(new Date('2030-02-01T00:00:00Z'));
    expect((await s.status())[0]).toMatchObject({
      lastStatus: 'failed',
      lastMessage: 'the mail relay did not answer',
    });
    expect(logged).toEqual(['scheduled task test.flaky failed']);
    fail = false;
    expect(await s.runDue(new Date('2030-02-01T00:05:00Z'))).toEqual(['test.flaky']);
    expect((await s.status())[0]).toMatchObject({ lastStatus: 'succeeded', lastMessage: 'sent' });
    expect(() => defineScheduledTask({ ...task, name: 'Flaky' })).toThrow(/lower-case/);
  });

  it('the sign-in purge deletes ended sessions and old reset links, and leaves live ones', async () => {
    const user = await t.userId('at.expert@demo.eucab.eu');
    const past = new Date(Date.now() - 3 * 24 * 3600_000);
    const future = new Date(Date.now() + 3600_000);
    await t.rt.db
      .insertInto('sessions')
      .values([
        { id: 'purge-ended', user_id: user, stage: 'full', auth_method: 'password', expires_at: past },
        { id: 'purge-live', user_id: user, stage: 'full', auth_method: 'password', expires_at: future },
      ] as never)
      .execute();
    await t.rt.db
      .insertInto('password_resets')
      .values({ token_hash: 'purge-old', user_id: user, expires_at: past } as never)
      .execute();
    const ran = await t.rt.scheduler.runDue(new Date());
    expect(ran).toContain('auth.purge-expired');
    const ids = (
      await t.rt.db.selectFrom('sessions').select('id').where('id', 'like', 'purge-%').execute()
    ).map((r) => r.id);
    expect(ids).toEqual(['purge-live']);
    expect(
      await t.rt.db
        .selectFrom('password_resets')
        .select('token_hash')
        .where('token_hash', '=', 'purge-old')
        .execute(),
    ).toEqual([]);
  });

  it('platform administrators see the tasks with their last run; nobody else does', async () => {
    expect((await t.client().get('/api/v1/scheduled-tasks')).statusCode).toBe(401);
    expect((await (await t.as('at.ncp@demo.eucab.eu')).get('/api/v1/scheduled-tasks')).statusCode).toBe(403);
    const res = await (await t.as('admin@demo.eucab.eu')).get('/api/v1/scheduled-tasks');
    expect(res.statusCode, res.body).toBe(200);
    const purge = res.json().items.find((x: { name: string }) => x.name === 'auth.purge-expired');
    expect(purge).toMatchObject({ everyMinutes: 60, lastStatus: 'succeeded' });
    expect(purge.lastMessage).toMatch(/sessions/);
  });
});
