import type { MatrixCtx, WriteCase } from './harness.ts';

/**
 * Write cases of the generated training programme (src/modules/training/programme-*.ts): only a
 * coordinator of the training network (FR's expert in the demo) starts a programme and runs the
 * generator; another administration's expert and an FR colleague without that role are refused.
 */
const d = (cc: string, who: string) => `${cc}.${who}@demo.eucab.eu`;
const COORDINATOR = d('fr', 'expert');

async function programme(ctx: MatrixCtx): Promise<string> {
  const p = await ctx.ok(COORDINATOR, 'POST', '/api/v1/training/programmes', {
    title: `Matrix programme ${ctx.token()}`,
    year: 2027,
  });
  return p.id as string;
}

export function trainingProgrammeCases(): WriteCase[] {
  return [
    {
      op: 'POST /api/v1/training/programmes',
      owner: COORDINATOR,
      otherOrg: d('de', 'expert'),
      sameOrgNoRole: d('fr', 'ncp'),
      expect: { owner: 201 },
      prepare: async (ctx) => ({
        url: '/api/v1/training/programmes',
        body: { title: `Matrix programme ${ctx.token()}`, year: 2027 },
      }),
    },
    {
      op: 'POST /api/v1/training/programmes/{id}/generate',
      owner: COORDINATOR,
      otherOrg: d('de', 'expert'),
      sameOrgNoRole: d('fr', 'ncp'),
      // the draft is FR's: another administration does not see it (404)
      expect: { owner: 202, otherOrg: 404, readOnlyOrg: 404 },
      prepare: async (ctx) => ({
        url: `/api/v1/training/programmes/${await programme(ctx)}/generate`,
        // no such campaign: the job fails at once with a message; the matrix checks the start only
        body: { campaignId: '00000000-0000-4000-8000-000000000000', timeLimitSeconds: 5 },
      }),
    },
  ];
}
