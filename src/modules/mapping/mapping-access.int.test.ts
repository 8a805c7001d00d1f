import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { COORDINATOR, ids, importCapacity, openCampaign, setResponse, user } from './mapping-test-helpers.ts';

/**
 * The access matrix of mapping exercises, written by hand: for each sharing mode, each caller and
 * each endpoint, the exact status (and, for results, the view). Campaign to AT, BE, DE, NL:
 * AT and BE validated, DE reopened, NL a draft. Callers: the coordinator (fr.expert), AT's NCP,
 * AT's assigned respondent (at.expert), a participant without assignment (be.expert), an
 * administration outside the campaign (pt.expert), the Commission observer, a platform administrator.
 */
type Mode = 'named' | 'aggregate_only' | 'coordinator_only';
const MODES: Mode[] = ['named', 'aggregate_only', 'coordinator_only'];
const CALLERS = {
  coordinator: COORDINATOR,
  ncp: user('at', 'ncp'),
  respondent: user('at', 'expert'),
  participant: user('be', 'expert'),
  outsider: user('pt', 'expert'),
  observer: 'observer@demo.eucab.eu',
  admin: 'admin@demo.eucab.eu',
} as const;
type Caller = keyof typeof CALLERS;

/** Expected status per mode (named / aggregate_only / coordinator_only) for one caller. */
const m = (named: number | string, aggregate: number | string, coordinatorOnly: number | string) => ({
  named,
  aggregate_only: aggregate,
  coordinator_only: coordinatorOnly,
});
const all = (s: number | string) => m(s, s, s);

// results: 'full' / 'aggregate' = 200 with that view
const MATRIX: Record<string, Record<Caller, Record<Mode, number | string>>> = {
  campaign: {
    coordinator: all(200),
    ncp: all(200),
    respondent: all(200),
    participant: all(200),
    outsider: all(404),
    observer: all(200),
    admin: all(404),
  },
  'response AT (validated)': {
    coordinator: all(200),
    ncp: all(200),
    respondent: all(200),
    participant: m(200, 404, 404),
    outsider: all(404),
    observer: all(404),
    admin: all(404),
  },
  'response BE (validated)': {
    coordinator: all(200),
    ncp: m(200, 404, 404),
    respondent: m(200, 404, 404),
    participant: m(200, 404, 404),
    outsider: all(404),
    observer: all(404),
    admin: all(404),
  },
  'response DE (reopened)': {
    coordinator: all(404),
    ncp: all(404),
    respondent: all(404),
    participant: all(404),
    outsider: all(404),
    observer: all(404),
    admin: all(404),
  },
  'response NL (draft)': {
    coordinator: all(404),
    ncp: all(404),
    respondent: all(404),
    participant: all(404),
    outsider: all(404),
    observer: all(404),
    admin: all(404),
  },
  rate: {
    coordinator: all('all'),
    ncp: all('own'),
    respondent: all(403),
    participant: all(403),
    outsider: all(404),
    observer: all(403),
    admin: all(404),
  },
  summaries: {
    coordinator: all('full'),
    ncp: m('full', 'aggregate', 403),
    respondent: m('full', 'aggregate', 403),
    participant: m('full', 'aggregate', 403),
    outsider: all(404),
    observer: m('aggregate', 'aggregate', 403),
    admin: all(404),
  },
  export: {
    coordinator: all(200),
    ncp: m(200, 403, 403),
    respondent: m(200, 403, 403),
    participant: m(200, 403, 403),
    outsider: all(404),
    observer: all(403),
    admin: all(404),
  },
};
// crosstab, coverage and radar follow the summaries row
const RESULT_PATHS = {
  summaries: 'summaries',
  crosstab: 'crosstab?rows=region&cols=has_unit',
  coverage: 'coverage?list=arusha_factor',
  radar: 'radar?list=arusha_factor&measure=maturity',
} as const;

let t: TestApp;
const sessions = new Map<string, TestClient>();
const campaigns = {} as Record<Mode, string>;
const responses = {} as Record<Mode, Record<string, string>>;
let questionnaireId = '';

const answers = (i: number) => ({
  staff: 100 * (i + 1),
  has_unit: i % 2 === 0,
  region: ['north', 'south', 'east', 'west'][i % 4],
  tools: ['xray'],
  remarks: `Remark ${i}`,
  integrity: { f1: { maturity: 1 + i }, f2: { maturity: 2 } },
});

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '10000' } });
  for (const email of Object.values(CALLERS)) sessions.set(email, await t.as(email));
  const coord = sessions.get(COORDINATOR)!;
  const q = await importCapacity(t, coord);
  questionnaireId = q.questionnaireId;
  const { org } = await ids(t);
  const ncp = sessions.get(CALLERS.ncp)!;
  for (const mode of MODES) {
    const c = await openCampaign(t, coord, q.versionId, mode, ['AT', 'BE', 'DE', 'NL']);
    campaigns[mode] = c.id;
    await ncp.post(`/api/v1/mapping/campaigns/${c.id}/assignments`, {
      userId: await t.userId(CALLERS.respondent),
      role: 'respondent',
    });
    await setResponse(t, c.id, 'AT', answers(0));
    await setResponse(t, c.id, 'BE', answers(1));
    await setResponse(t, c.id, 'DE', answers(2), 'reopened');
    await setResponse(t, c.id, 'NL', answers(3), 'draft');
    const rows = await t.rt.db
      .selectFrom('mapping_responses')
      .select(['id', 'organisation_id'])
      .where('campaign_id', '=', c.id)
      .execute();
    responses[mode] = Object.fromEntries(
      ['AT', 'BE', 'DE', 'NL'].map((cc) => [cc, rows.find((r) => r.organisation_id === org(cc))!.id]),
    );
  }
}, 180_000);
afterAll(async () => t?.close());

async function got(caller: Caller, mode: Mode, what: string): Promise<number | string> {
  const s = sessions.get(CALLERS[caller])!;
  const c = campaigns[mode];
  const base = `/api/v1/mapping/campaigns/${c}`;
  if (what === 'campaign') return (await s.get(base)).statusCode;
  if (what.startsWith('response '))
    return (await s.get(`/api/v1/mapping/responses/${responses[mode][what.slice(9, 11)]}`)).statusCode;
  if (what === 'rate') {
    const r = await s.get(`${base}/results/rate`);
    if (r.statusCode !== 200) return r.statusCode;
    return r.json().administrations.length === 4
      ? 'all'
      : r.json().administrations.length === 1
        ? 'own'
        : 'wrong';
  }
  if (what === 'export') return (await s.get(`${base}/results/export?format=json`)).statusCode;
  if (what === 'export xlsx')
    return (await s.get(`${base}/results/export?format=xlsx&labels=true`)).statusCode;
  const r = await s.get(`${base}/results/${RESULT_PATHS[what as keyof typeof RESULT_PATHS]}`);
  return r.statusCode === 200 ? r.json().view : r.statusCode;
}

describe('mapping access matrix', () => {
  it('every caller × mode × endpoint gets exactly the status and view written in the matrix', async () => {
    const wrong: string[] = [];
    const lines: string[] = [];
    for (const [what, row] of Object.entries({
      ...MATRIX,
      'export xlsx': MATRIX.export!,
      crosstab: MATRIX.summaries!,
      coverage: MATRIX.summaries!,
      radar: MATRIX.summaries!,
    }))
      for (const caller of Object.keys(CALLERS) as Caller[]) {
        const cells: string[] = [];
        for (const mode of MODES) {
          const want = row[caller][mode];
          const have = await got(caller, mode, what);
          cells.push(String(have).padStart(10));
          if (have !== want) wrong.push(`${what} / ${caller} / ${mode}: expected ${want}, got ${have}`);
        }
        lines.push(`${what.padEnd(24)} ${caller.padEnd(12)} ${cells.join(' ')}`);
      }
    console.log(`Mapping access matrix (named / aggregate_only / coordinator_only):\n${lines.join('\n')}`);
    expect(wrong).toEqual([]);
  }, 300_000);

  it('lists follow the same rules: campaigns, responses and trends', async () => {
    const n = async (caller: Caller, url: string, key = 'items') =>
      ((await sessions.get(CALLERS[caller])!.get(url)).json()[key] as unknown[]).length;
    expect(await n('coordinator', '/api/v1/mapping/campaigns')).toBe(3);
    expect(await n('observer', '/api/v1/mapping/campaigns')).toBe(3);
    expect(await n('outsider', '/api/v1/mapping/campaigns')).toBe(0);
    expect(await n('coordinator', `/api/v1/mapping/campaigns/${campaigns.named}/responses`)).toBe(2);
    expect(await n('participant', `/api/v1/mapping/campaigns/${campaigns.named}/responses`)).toBe(2);
    expect(await n('participant', `/api/v1/mapping/campaigns/${campaigns.aggregate_only}/responses`)).toBe(0);
    expect(await n('ncp', `/api/v1/mapping/campaigns/${campaigns.aggregate_only}/responses`)).toBe(1);
    const trends = `/api/v1/mapping/questionnaires/${questionnaireId}/trends?question=staff`;
    expect(await n('coordinator', trends, 'campaigns')).toBe(3);
    expect(await n('ncp', trends, 'campaigns')).toBe(2);
    expect(await n('observer', trends, 'campaigns')).toBe(2);
    expect(await n('outsider', trends, 'campaigns')).toBe(0);
  });

  it('aggregate view: no free text, no minimum or maximum, own answer apart; named view: the text', async () => {
    const s = sessions.get(CALLERS.ncp)!;
    const agg = (
      await s.get(`/api/v1/mapping/campaigns/${campaigns.aggregate_only}/results/summaries`)
    ).json();
    const remarks = agg.items.find((i: { code: string }) => i.code === 'remarks').summary;
    expect(remarks).toMatchObject({ kind: 'text', withheld: true });
    expect(remarks.values).toBeUndefined();
    expect(agg.own).toMatchObject({ staff: 100 });
    // one other administration (BE) validated: nothing rests on 3
    const staff = agg.items.find((i: { code: string }) => i.code === 'staff').summary;
    expect(staff).toMatchObject({ n: null, mean: null });
    expect(staff.min).toBeUndefined();
    const named = (
      await s.get(`/api/v1/mapping/campaigns/${campaigns.named}/results/summaries?question=remarks`)
    ).json();
    expect(named.items[0].summary.values.sort()).toEqual(['Remark 0', 'Remark 1']);
  });
});
