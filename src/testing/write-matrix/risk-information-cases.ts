import type { MatrixCtx, WriteCase } from './harness.ts';

/**
 * Write cases of risk information (src/modules/risk-information): a recipient administration
 * confirms receipt and sends feedback. The target: a fresh published TLP:AMBER risk information of
 * the Netherlands named to Germany; the caller the operation is for is Germany's analyst. Any
 * writer of a named administration answers for it (a colleague without the role too); an
 * administration not named, and the Commission (not named), do not read it: 404.
 */
const d = (cc: string, who: string) => `${cc}.${who}@demo.eucab.eu`;

async function namedToGermany(ctx: MatrixCtx): Promise<string> {
  const r = await ctx.ok(d('nl', 'analyst'), 'POST', '/api/v1/registry/risk_information', {
    data: {
      title: `Matrix risk information ${ctx.token()}`,
      family: 'financial',
      modus_operandi: 'Undervaluation.',
      recommended_action: 'Check the invoice.',
      valid_from: '2030-01-01',
      urgency: 'medium',
    },
    marking: { distribution: 'organisations', tlp: 'amber', organisationIds: [await ctx.orgId('DE')] },
    publish: true,
  });
  return r.id as string;
}

export function riskInformationCases(): WriteCase[] {
  const common = {
    owner: d('de', 'analyst'),
    otherOrg: d('at', 'analyst'),
    sameOrgNoRole: d('de', 'expert'),
    expect: { owner: 200, sameOrgNoRole: 200, otherOrg: 404, readOnlyOrg: 404 },
  };
  return [
    {
      op: 'PUT /api/v1/risk-information/{id}/receipt',
      ...common,
      prepare: async (ctx) => ({ url: `/api/v1/risk-information/${await namedToGermany(ctx)}/receipt` }),
    },
    {
      op: 'PUT /api/v1/risk-information/{id}/feedback',
      ...common,
      prepare: async (ctx) => ({
        url: `/api/v1/risk-information/${await namedToGermany(ctx)}/feedback`,
        body: { controlPerformed: true, result: 'no_irregularity', usefulness: 'useful' },
      }),
    },
  ];
}
