import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoMaturity, seedIntegrityDemo } from '../../seed/integrity-demo.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

/**
 * The integrity area's trends and gaps (GET /integrity/overview, the home tiles) on the demo data:
 * everything through the policies; the self-assessment shows the caller's own administration
 * against the others' median and never another administration's maturity.
 */
const URL = '/api/v1/integrity/overview';
let t: TestApp;
let de: TestClient;
let pt: TestClient;
let nl: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await seedIntegrityDemo(t.rt);
  de = await t.as('de.ncp@demo.eucab.eu');
  pt = await t.as('pt.expert@demo.eucab.eu');
  nl = await t.as('nl.expert@demo.eucab.eu');
}, 300_000);
afterAll(async () => t?.close());

describe('integrity overview', () => {
  it('401 without sign-in', async () => {
    expect((await t.client().get(URL)).statusCode).toBe(401);
  });

  it('the coverage matrix counts readable initiatives per administration and key factor; a new one shows at once', async () => {
    const before = (await de.get(URL)).json().coverage;
    expect(before.factors).toHaveLength(10);
    expect(before.administrations).toHaveLength(27);
    const row = (
      c: { administrations: { code: string; counts: number[] }[]; factors: string[] },
      code: string,
    ) =>
      Object.fromEntries(
        c.factors.map((f, i) => [f, c.administrations.find((x) => x.code === code)!.counts[i]]),
      );
    expect(row(before, 'MT')).toEqual(Object.fromEntries(before.factors.map((f: string) => [f, 0])));
    const mt = await t.as('mt.expert@demo.eucab.eu');
    const created = await mt.post('/api/v1/registry/integrity_initiative', {
      data: {
        title: 'Rotation of officers at the port of Valletta',
        summary: 'Three-year rotation.',
        factors: ['hr_management', 'leadership_commitment'],
        type: 'hr_strategy',
        stage: 'ongoing',
        start_date: '2026-01-01',
      },
      publish: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const after = (await de.get(URL)).json().coverage;
    expect(row(after, 'MT')).toMatchObject({ hr_management: 1, leadership_commitment: 1, automation: 0 });
    expect(after.totals[after.factors.indexOf('hr_management')]).toBe(
      before.totals[before.factors.indexOf('hr_management')] + 1,
    );
  });

  it('my administration’s maturity against the others’ median and the change since 2025 — nobody else’s maturity', async () => {
    const sa = (await de.get(URL)).json().selfAssessment;
    expect(sa).toMatchObject({
      view: 'aggregate',
      campaign: { version: '2026' },
      previous: { version: '2025' },
    });
    for (const f of sa.factors) {
      expect(f.value).toBe(demoMaturity('DE', f.code, 2026));
      expect(f.previousValue).toBe(demoMaturity('DE', f.code, 2025));
      expect(f.change).toBe(f.value - f.previousValue);
      expect(f.others).toBeGreaterThanOrEqual(3);
    }
    // Changing another administration's answer would move only the median: the answer carries no
    // per-administration figure but the caller's own.
    expect(Object.keys(sa.factors[0]).sort()).toEqual(
      ['change', 'code', 'others', 'othersMedian', 'previousValue', 'value'].sort(),
    );
    const observer = await t.as('observer@demo.eucab.eu');
    const seen = (await observer.get(URL)).json().selfAssessment;
    expect(seen.factors.every((f: { value: number | null }) => f.value === null)).toBe(true);
  });

  it('overdue lessons-learned actions and the latest items, each as the caller may read them; home tiles', async () => {
    const mine = (await pt.get(URL)).json();
    expect(mine.overdueActions.count).toBe(2);
    expect(mine.latest.length).toBeGreaterThan(0);
    const outsider = (await nl.get(URL)).json();
    expect(outsider.overdueActions.count).toBe(0); // the lessons are the integrity network's (TLP:AMBER)
    expect(outsider.latest.some((x: { kind: string }) => x.kind === 'lesson_learned')).toBe(false);
    const tiles = (await pt.get('/api/v1/home')).json().tiles as {
      id: string;
      count: number;
      link: string;
    }[];
    expect(tiles.find((x) => x.id === 'integrity.overdue-actions')).toMatchObject({
      count: 2,
      link: '/integrity',
    });
    expect(tiles.find((x) => x.id === 'integrity.factor-gaps')).toMatchObject({ count: 0 });
  });
});
