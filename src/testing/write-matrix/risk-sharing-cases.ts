import type { MatrixCtx, WriteCase } from './harness.ts';

/**
 * Write cases of risk sharing (src/modules/risk-sharing). NL's risk analyst writes factors and
 * recommendations; the risk-management network's coordinator (nl.expert) publishes a
 * recommendation; recipients are the other administrations' analysts (members of the network).
 * nl.ncp is a colleague outside the network and without the analyst role; de.ncp likewise for the
 * recipient (the recommendation, kept in the network, is not theirs to read: 404).
 */
const d = (cc: string, who: string) => `${cc}.${who}@demo.eucab.eu`;
const ANALYST = d('nl', 'analyst');
const COORDINATOR = d('nl', 'expert');

const FACTOR = (token: string) => ({
  title: `Matrix factor ${token}`,
  family: 'financial',
  risk_area: 'Undervaluation',
  indicators: [{ role: 'hs_prefix', operator: 'prefix', value: '8703' }],
  rationale: 'Write matrix.',
});

const RECOMMENDATION = (token: string) => ({
  title: `Matrix recommendation ${token}`,
  family: 'financial',
  rules: [
    { rule_id: `m-${token}`, name: 'Cars', weight: 1, conditions: [{ op: 'hsPrefix', prefixes: ['8703'] }] },
  ],
  selection_budget: 2,
  valid_from: '2026-01-01',
  valid_to: '2026-06-30',
});

async function draftFactor(ctx: MatrixCtx): Promise<string> {
  return (await ctx.ok(ANALYST, 'POST', '/api/v1/registry/risk_factor', { data: FACTOR(ctx.token()) })).id;
}

async function draftRecommendation(ctx: MatrixCtx): Promise<string> {
  return (
    await ctx.ok(ANALYST, 'POST', '/api/v1/registry/profile_recommendation', {
      data: RECOMMENDATION(ctx.token()),
    })
  ).id;
}

let published: Promise<string> | undefined;
/** One recommendation published by the coordinator (responses may be recorded again and again). */
function publishedRecommendation(ctx: MatrixCtx): Promise<string> {
  published ??= (async () => {
    const id = await draftRecommendation(ctx);
    await ctx.ok(ANALYST, 'POST', `/api/v1/registry/profile_recommendation/${id}/submit`);
    await ctx.ok(COORDINATOR, 'POST', `/api/v1/registry/profile_recommendation/${id}/approve`, {});
    return id;
  })();
  return published;
}

export function riskSharingCases(): WriteCase[] {
  return [
    {
      op: 'POST /api/v1/risk-sharing/factors/{id}/rule',
      owner: ANALYST,
      otherOrg: d('fr', 'analyst'),
      sameOrgNoRole: d('nl', 'ncp'),
      // Another administration and the Commission do not read the draft factor (404); the NCP
      // reads it but may not add risk rules (403).
      expect: { owner: 201, otherOrg: 404, readOnlyOrg: 404 },
      prepare: async (ctx) => ({
        url: `/api/v1/risk-sharing/factors/${await draftFactor(ctx)}/rule`,
        body: { ruleId: `m-${ctx.token()}` },
      }),
    },
    {
      op: 'POST /api/v1/risk-sharing/recommendations/{id}/backtest',
      owner: ANALYST,
      otherOrg: d('fr', 'analyst'),
      sameOrgNoRole: d('nl', 'ncp'),
      // The NCP may change the draft but has no history to run it on (not a risk analyst): 403.
      expect: { owner: 202, otherOrg: 404, readOnlyOrg: 404 },
      prepare: async (ctx) => ({
        url: `/api/v1/risk-sharing/recommendations/${await draftRecommendation(ctx)}/backtest`,
        body: {},
      }),
    },
    {
      op: 'POST /api/v1/risk-sharing/recommendations/{id}/adoption',
      owner: d('de', 'analyst'),
      otherOrg: d('be', 'analyst'),
      sameOrgNoRole: d('de', 'ncp'),
      // Every other administration that reads it responds (BE too); the Commission's observer
      // reads but does not respond (403); an NCP outside the network does not read it (404).
      expect: { owner: 201, otherOrg: 201, sameOrgNoRole: 404 },
      prepare: async (ctx) => ({
        url: `/api/v1/risk-sharing/recommendations/${await publishedRecommendation(ctx)}/adoption`,
        body: { adoption: 'adapted', reason: 'Budget of 1 %' },
      }),
    },
    {
      op: 'POST /api/v1/risk-sharing/recommendations/{id}/feedback',
      owner: d('de', 'analyst'),
      otherOrg: d('be', 'analyst'),
      sameOrgNoRole: d('de', 'ncp'),
      expect: { owner: 201, otherOrg: 201, sameOrgNoRole: 404 },
      prepare: async (ctx) => ({
        url: `/api/v1/risk-sharing/recommendations/${await publishedRecommendation(ctx)}/feedback`,
        body: { periodFrom: '2026-01-01', periodTo: '2026-01-31', controls: 10, irregularities: 2 },
      }),
    },
  ];
}
