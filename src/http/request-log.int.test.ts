import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/** Issue 21, item 7: the default log shows no line per request; REQUEST_LOG_LEVEL=info does. */
describe('request log', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function linesAfterRequests(env: Record<string, string>) {
    const lines: Record<string, unknown>[] = [];
    t = await createTestApp({
      env,
      demo: false,
      logStream: { write: (l) => void lines.push(JSON.parse(l)) },
    });
    const before = lines.length;
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/registry/nothing-here' })).statusCode).toBe(
      404,
    );
    await t.app.inject({ method: 'GET', url: '/api/v1/calendar/feed/s3cr3t-token.ics' });
    return lines.slice(before);
  }

  it('prints no per-request lines at the default levels (LOG_LEVEL=info)', async () => {
    const lines = await linesAfterRequests({ LOG_LEVEL: 'info' });
    expect(lines.filter((l) => l.msg === 'request completed' || l.msg === 'incoming request')).toEqual([]);
  });

  it('prints one structured line per request with REQUEST_LOG_LEVEL=info, secrets hidden', async () => {
    const lines = await linesAfterRequests({ LOG_LEVEL: 'info', REQUEST_LOG_LEVEL: 'info' });
    const done = lines.filter((l) => l.msg === 'request completed');
    expect(done.map((l) => (l.res as { statusCode: number }).statusCode).slice(0, 2)).toEqual([200, 404]);
    expect(done).toHaveLength(3);
    expect((done[0]!.req as { url: string }).url).toBe('/api/health');
    expect(JSON.stringify(lines)).not.toContain('s3cr3t-token');
    expect((done[2]!.req as { url: string }).url).toContain('/calendar/feed/[secret]');
    expect(typeof done[0]!.responseTime).toBe('number');
    expect(lines.some((l) => l.msg === 'incoming request')).toBe(false);
  });
});
