import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * Load protection (request-limits.ts + the cancellable pool): a bounded line of requests, and
 * the database work of a request stopped when its client goes away or its time is up. The
 * database is held busy by a transaction that locks the registry table: on PGlite it holds the
 * one session, on PostgreSQL the lock makes the registry's statements wait — both engines see
 * requests whose database work cannot proceed.
 */
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const AUTHOR = 'nl.expert@demo.eucab.eu';
const modelData = (model: string) => ({
  manufacturer: 'Load',
  model,
  category: 'nii',
  technology: 'xray_high',
});

/** Holds the registry busy until the returned release() is called. */
async function holdRegistry(app: TestApp): Promise<() => Promise<void>> {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => {
    locked = r;
  });
  const tx = app.rt.db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE registry_records IN ACCESS EXCLUSIVE MODE`.execute(trx);
    locked();
    await gate;
  });
  await isLocked;
  return async () => {
    release();
    await tx;
  };
}

async function recordsNamed(app: TestApp, model: string): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM registry_records WHERE data->>'model' = ${model}`.execute(app.rt.db);
  return r.rows[0]!.n;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a bounded line of API requests', () => {
  it('serves REQUEST_MAX_ACTIVE at once, lets REQUEST_QUEUE_MAX wait, answers one more 503 with Retry-After', async () => {
    t = await createTestApp({ env: { REQUEST_MAX_ACTIVE: '1', REQUEST_QUEUE_MAX: '1' } });
    const c = await t.as(AUTHOR);
    const release = await holdRegistry(t);
    const first = c.get('/api/v1/registry/equipment_model?limit=5');
    await settle(100);
    const second = c.get('/api/v1/registry/equipment_model?limit=5');
    await settle(100);
    const third = await c.get('/api/v1/registry/equipment_model?limit=5');
    expect(third.statusCode).toBe(503);
    expect(third.headers['retry-after']).toBe('2');
    expect(third.headers['content-type']).toContain('application/problem+json');
    expect(third.json().detail).toMatch(/busy/);
    // health checks pass the line
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    await release();
    expect((await first).statusCode).toBe(200);
    expect((await second).statusCode).toBe(200);
    // the line is free again
    expect((await c.get('/api/v1/registry/equipment_model?limit=5')).statusCode).toBe(200);
  });

  it('stops a request after REQUEST_TIMEOUT_SECONDS: 503 with Retry-After, nothing written', async () => {
    t = await createTestApp({ env: { REQUEST_TIMEOUT_SECONDS: '0.5' } });
    const c = await t.as(AUTHOR);
    const release = await holdRegistry(t);
    const before = t.rt.handle.cancellations.refused + t.rt.handle.cancellations.interrupted;
    const res = await c.post('/api/v1/registry/equipment_model', { data: modelData('Timed out') });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('2');
    await release();
    await settle(200);
    expect(await recordsNamed(t, 'Timed out')).toBe(0);
    const after = t.rt.handle.cancellations.refused + t.rt.handle.cancellations.interrupted;
    expect(after).toBeGreaterThan(before);
    // the platform answers normally afterwards
    const ok = await c.post('/api/v1/registry/equipment_model', { data: modelData('In time') });
    expect(ok.statusCode, ok.body).toBe(201);
  });
});

describe('the work of a request whose client went away stops', () => {
  it('a create abandoned while it waits for the database writes nothing', async () => {
    t = await createTestApp();
    const c = await t.as(AUTHOR);
    const key = (
      await c.post('/api/v1/account/api-keys', { name: 'load', scopes: ['read', 'write'], expiresInDays: 1 })
    ).json().key as string;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const release = await holdRegistry(t);
    const before = t.rt.handle.cancellations.refused + t.rt.handle.cancellations.interrupted;
    const abandoned = Array.from({ length: 5 }, (_, i) => {
      const body = JSON.stringify({ data: modelData(`Abandoned ${i}`) });
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/registry/equipment_model',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      });
      req.on('error', () => {});
      req.end(body);
      return req;
    });
    await settle(300);
    for (const req of abandoned) req.destroy();
    await settle(300);
    await release();
    await settle(500);
    for (let i = 0; i < 5; i++) expect(await recordsNamed(t, `Abandoned ${i}`)).toBe(0);
    const after = t.rt.handle.cancellations.refused + t.rt.handle.cancellations.interrupted;
    expect(after).toBeGreaterThanOrEqual(before + 5);
  });
});
