import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { DEMO_2026_MISSING, demoMaturity, seedIntegrityDemo } from './integrity-demo.ts';

/**
 * The integrity demo: records across many administrations, and the self-assessment's two
 * aggregate-only campaigns, so that the radar and the trend show something at `npm start` —
 * without one administration's maturity ever shown to another.
 */
let t: TestApp;
let de: TestClient;
let pt: TestClient;
let seeded: Awaited<ReturnType<typeof seedIntegrityDemo>>;

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedIntegrityDemo(t.rt);
  de = await t.as('de.ncp@demo.eucab.eu');
  pt = await t.as('pt.expert@demo.eucab.eu');
}, 300_000);
afterAll(async () => t?.close());

describe('integrity demo data', () => {
  it('initiatives, codes of conduct and lessons learned of many administrations, marked as demo', async () => {
    expect(seeded).toMatchObject({ initiatives: 22, lessons: 7, actions: 4, codes: 10 });
    const rows = await t.rt.db
      .selectFrom('registry_records as r')
      .innerJoin('organisations as o', 'o.id', 'r.owner_org_id')
      .select(['r.kind', 'o.code', 'r.is_demo'])
      .where('r.kind', 'in', ['integrity_initiative', 'lesson_learned', 'code_of_conduct'])
      .execute();
    expect(rows.every((r) => r.is_demo)).toBe(true);
    expect(new Set(rows.filter((r) => r.kind === 'integrity_initiative').map((r) => r.code)).size).toBe(22);
    const list = (await pt.get('/api/v1/registry/action_point?state=open')).json().items as unknown[];
    expect(list.length).toBeGreaterThanOrEqual(4);
    const versions = (await pt.get('/api/v1/registry/code_of_conduct?country=FR')).json().items as {
      title: string;
    }[];
    expect(versions.map((v) => v.title).sort()).toEqual([
      '[Demo] Charte de déontologie de la douane',
      '[Demo] Customs code of ethics',
    ]);
  });

  it('two self-assessment campaigns in aggregate-only mode, answered by the 27 administrations (2026: all but two)', async () => {
    const [c2025, c2026] = seeded.campaigns;
    expect(c2025!.validated).toBe(27);
    expect(c2026!.validated).toBe(27 - DEMO_2026_MISSING.length);
    const campaigns = await t.rt.db
      .selectFrom('mapping_campaigns')
      .select(['id', 'sharing', 'is_demo', 'closes_at'])
      .orderBy('closes_at')
      .execute();
    expect(campaigns.map((c) => [c.sharing, c.is_demo])).toEqual([
      ['aggregate_only', true],
      ['aggregate_only', true],
    ]);
    const rate = (await pt.get(`/api/v1/mapping/campaigns/${c2026!.id}/results/rate`)).json();
    expect([...rate.missing].sort()).toEqual(DEMO_2026_MISSING);
  });

  it('an administration sees its own maturity against the others’ median, and the trend since 2025', async () => {
    const [, c2026] = seeded.campaigns;
    const radar = (
      await de.get(`/api/v1/mapping/campaigns/${c2026!.id}/results/radar?list=arusha_factor&measure=maturity`)
    ).json();
    expect(radar.view).toBe('aggregate');
    expect(radar.axes).toHaveLength(10);
    const automation = radar.axes.find((x: { code: string }) => x.code === 'automation');
    expect(automation.value).toBe(demoMaturity('DE', 'automation', 2026));
    expect(automation.othersMedian).toEqual(expect.any(Number));
    expect(automation.others).toBe(24);

    const questionnaire = (await de.get('/api/v1/mapping/questionnaires'))
      .json()
      .items.find((q: { code: string }) => q.code === 'integrity_self_assessment');
    const trend = (
      await de.get(`/api/v1/mapping/questionnaires/${questionnaire.id}/trends?question=maturity`)
    ).json();
    expect(trend.campaigns.map((p: { version: string }) => p.version)).toEqual(['2025', '2026']);
    // The change since 2025: the own administration's radar of both campaigns.
    const [c2025] = seeded.campaigns;
    const before = (
      await de.get(`/api/v1/mapping/campaigns/${c2025!.id}/results/radar?list=arusha_factor&measure=maturity`)
    ).json();
    const was = before.axes.find((x: { code: string }) => x.code === 'automation');
    expect(was.value).toBe(demoMaturity('DE', 'automation', 2025));
    expect(was.others).toBe(26);
  });

  it('no result shows one administration’s maturity to another', async () => {
    const [, c2026] = seeded.campaigns;
    const base = `/api/v1/mapping/campaigns/${c2026!.id}`;
    const fr = (
      await t.rt.db
        .selectFrom('organisations')
        .select('id')
        .where('code', '=', 'FR')
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      (await de.get(`${base}/results/radar?list=arusha_factor&measure=maturity&administration=${fr}`))
        .statusCode,
    ).toBe(403);
    expect((await de.get(`${base}/results/export?format=json`)).statusCode).toBe(403);
    const responses = (await de.get(`${base}/responses`)).json().items as {
      organisation: { code: string };
    }[];
    expect(responses.map((r) => r.organisation.code)).toEqual(['DE']);
    const coverage = (await de.get(`${base}/results/coverage?list=arusha_factor`)).json();
    expect(JSON.stringify(coverage)).not.toMatch(/"FR"/);
    // The Commission observer sees the aggregate view only.
    const observer = await t.as('observer@demo.eucab.eu');
    const seen = (await observer.get(`${base}/results/radar?list=arusha_factor&measure=maturity`)).json();
    expect(seen.view).toBe('aggregate');
  });
});
