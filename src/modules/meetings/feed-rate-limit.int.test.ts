import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

/** The calendar feed is rate-limited per link: one busy link never slows another down. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_CALENDAR_FEED_PER_HOUR: '3' } });
});
afterAll(async () => t?.close());

const path = (url: string) => new URL(url).pathname;

describe('the calendar feed rate limit', () => {
  it('answers 429 with Retry-After and a sentence after the hourly limit of one link; other links still read', async () => {
    const nl = await t.as('nl.analyst@demo.eucab.eu');
    const de = await t.as('de.analyst@demo.eucab.eu');
    const busy = path((await nl.post('/api/v1/account/calendar-feed')).json().url);
    const quiet = path((await de.post('/api/v1/account/calendar-feed')).json().url);
    const anon = t.client();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await anon.get(busy)).statusCode);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await anon.get(busy);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(limited.json()).toMatchObject({ status: 429, title: 'Too many requests' });
    expect(limited.json().detail).toContain('more than 3 times in the last hour');
    // the limit is per link, not per client address
    expect((await anon.get(quiet)).statusCode).toBe(200);
  });
});
