import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { COORDINATOR, importCapacity, openCampaign, setResponse, user } from './mapping-test-helpers.ts';

/**
 * The privacy rule of aggregate-only campaigns through the API: for every result endpoint and
 * filter, every visible figure rests on at least 3 administrations (counts ≥ 3, statistics on n ≥ 3,
 * complements ≥ 3), no hidden cell follows from a visible total by subtraction, and this holds
 * again after any one administration's answer changes (seeded random data, so failures replay).
 * The caller's own administration is apart: changing its answer changes no figure at all.
 */
const K = 3;
const OTHERS = ['BE', 'DE', 'NL', 'IT', 'ES', 'PL', 'SE', 'FI'];
const REGIONS = ['north', 'south', 'east', 'west'];
const TOOLS = ['xray', 'dogs', 'lab'];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function randomAnswers(r: () => number) {
  const skew = (n: number) => Math.min(n - 1, Math.floor(r() ** 2 * n));
  const tools = TOOLS.filter(() => r() < 0.4);
  return {
    staff: Math.floor(r() * 1000),
    has_unit: r() < 0.5,
    region: REGIONS[skew(REGIONS.length)],
    ...(tools.length ? { tools } : {}),
    remarks: `secret ${Math.floor(r() * 1e6)}`,
    integrity: Object.fromEntries(
      ['f1', 'f2', 'f3'].filter(() => r() < 0.7).map((f) => [f, { maturity: 1 + Math.floor(r() * 5) }]),
    ),
  };
}

type Json = Record<string, unknown> & { [k: string]: never | unknown };
const problems: string[] = [];
const fail = (where: string, what: string) => problems.push(`${where}: ${what}`);
const small = (v: unknown) => typeof v === 'number' && v < K;

function checkAdditive(where: string, parts: (number | null)[], total: number | null) {
  if (total === null) return;
  const hidden = parts.filter((p) => p === null).length;
  const rest = total - parts.reduce<number>((s, p) => s + (p ?? 0), 0);
  if (hidden === 0 && rest !== 0) fail(where, `visible parts do not add up (${rest})`);
  if (hidden > 0 && rest > 0 && rest < K) fail(where, `hidden parts follow by subtraction (${rest})`);
  if (hidden === 1 && rest > 0) fail(where, 'one hidden part follows by subtraction');
}

function checkSummary(where: string, s: Json) {
  if (small(s.n)) fail(where, `n = ${s.n}`);
  if (s.kind === 'choice') {
    const cats = s.categories as { value: string; count: number | null; percent: number | null }[];
    for (const c of cats) {
      if (c.count !== null && c.count > 0 && c.count < K) fail(`${where} ${c.value}`, `count = ${c.count}`);
      if (s.multiple && c.count !== null && typeof s.n === 'number' && s.n - c.count < K)
        fail(`${where} ${c.value}`, `complement ${s.n - c.count}`);
    }
    if (!s.multiple)
      checkAdditive(
        where,
        cats.map((c) => c.count),
        s.n as number | null,
      );
  }
  if (s.kind === 'number') {
    if (s.mean !== null && s.n === null) fail(where, 'a mean without a visible n');
    if ('min' in s || 'max' in s) fail(where, 'minimum or maximum shown');
  }
  if (s.kind === 'text' && s.values) fail(where, 'free text shown');
}

async function checkAll(s: TestClient, campaignId: string, label: string) {
  const base = `/api/v1/mapping/campaigns/${campaignId}/results`;
  const figures: unknown[] = [];
  for (const filter of [
    '',
    '&filterQuestion=has_unit&filterValue=true',
    '&filterQuestion=region&filterValue=north',
  ]) {
    const sum = (await s.get(`${base}/summaries?${filter.slice(1)}`)).json();
    if (small(sum.respondents)) fail(`${label} summaries${filter}`, `respondents = ${sum.respondents}`);
    for (const item of sum.items) checkSummary(`${label} ${item.code}${filter}`, item.summary);
    figures.push(sum.items);
    const ct = (await s.get(`${base}/crosstab?rows=region&cols=has_unit${filter}`)).json().crosstab;
    ct.cells.forEach((row: (number | null)[], i: number) => {
      for (const v of row) if (v !== null && v > 0 && v < K) fail(`${label} crosstab${filter}`, `cell ${v}`);
      checkAdditive(`${label} crosstab row ${i}${filter}`, row, ct.rowTotals[i]);
    });
    ct.cols.forEach((_: string, j: number) => {
      checkAdditive(
        `${label} crosstab col ${j}${filter}`,
        ct.cells.map((r: (number | null)[]) => r[j]!),
        ct.colTotals[j],
      );
    });
    checkAdditive(`${label} crosstab total${filter}`, ct.rowTotals, ct.total);
    figures.push(ct);
  }
  const cov = (await s.get(`${base}/coverage?list=arusha_factor`)).json();
  for (const v of cov.totals) if (small(v)) fail(`${label} coverage`, `total ${v}`);
  if (cov.rows.length > 1) fail(`${label} coverage`, 'other administrations’ rows shown');
  figures.push(cov.totals);
  const radar = (await s.get(`${base}/radar?list=arusha_factor&measure=maturity`)).json();
  for (const a of radar.axes) if (small(a.others)) fail(`${label} radar ${a.code}`, `median of ${a.others}`);
  figures.push(
    radar.axes.map((a: { othersMedian: number | null; others: number | null }) => [a.othersMedian, a.others]),
  );
  return figures;
}

let t: TestApp;
let viewer: TestClient;
let campaignId = '';
const state = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '10000' } });
  const coord = await t.as(COORDINATOR);
  viewer = await t.as(user('at', 'ncp'));
  const q = await importCapacity(t, coord);
  campaignId = (await openCampaign(t, coord, q.versionId, 'aggregate_only', ['AT', ...OTHERS])).id;
  const r = rng(20260511);
  for (const cc of ['AT', ...OTHERS]) {
    state.set(cc, randomAnswers(r));
    await setResponse(t, campaignId, cc, state.get(cc)!);
  }
}, 180_000);
afterAll(async () => t?.close());

describe('aggregate-only campaigns: the 3-administration rule through the API', () => {
  it('holds for every endpoint and filter, and again after any one administration’s answer changes', async () => {
    await checkAll(viewer, campaignId, 'initial');
    // the test can fail: figures are shown where they rest on enough administrations, hidden elsewhere
    const sum = (await viewer.get(`/api/v1/mapping/campaigns/${campaignId}/results/summaries`)).json();
    const code = (c: string) => sum.items.find((i: { code: string }) => i.code === c).summary;
    expect(code('staff')).toMatchObject({ n: 8 });
    expect(code('staff').mean).toEqual(expect.any(Number));
    const counts = code('region').categories.map((c: { count: number | null }) => c.count);
    expect(counts.some((c: number | null) => c === null)).toBe(true);
    expect(counts.some((c: number | null) => c !== null)).toBe(true);
    const r = rng(7);
    for (const cc of OTHERS) {
      for (let v = 0; v < 2; v++) {
        await setResponse(t, campaignId, cc, randomAnswers(r));
        await checkAll(viewer, campaignId, `${cc} changed (${v})`);
      }
      await setResponse(t, campaignId, cc, state.get(cc)!);
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('the own administration is apart: changing its answer changes no figure, only `own`', async () => {
    const before = await checkAll(viewer, campaignId, 'own before');
    await setResponse(t, campaignId, 'AT', randomAnswers(rng(99)));
    const after = await checkAll(viewer, campaignId, 'own after');
    expect(after).toEqual(before);
    expect(problems).toEqual([]);
  }, 120_000);
});
