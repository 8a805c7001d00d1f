import type { MatrixCtx, WriteCase } from './harness.ts';

/**
 * Write cases of the innovation area (src/modules/innovation): asking to join a common initiative
 * (any writer of another administration who may read it) and the lead's decision (the record's
 * author, NCP or deputy; the lead's other people read the request but may not decide; people of
 * other administrations do not see it).
 */
const d = (cc: string, who: string) => `${cc}.${who}@demo.eucab.eu`;

/** A fresh published common initiative led by SK (EUCAB, TLP:GREEN). */
async function skCommon(ctx: MatrixCtx): Promise<string> {
  const r = await ctx.ok(d('sk', 'ncp'), 'POST', '/api/v1/registry/common_initiative', {
    data: {
      title: `Matrix common initiative ${ctx.token()}`,
      objective: 'Share annotated X-ray images.',
      domain: 'ai_image_recognition',
    },
    publish: true,
  });
  return r.id as string;
}

export function innovationCases(): WriteCase[] {
  return [
    {
      op: 'POST /api/v1/innovation/common/{id}/join-requests',
      owner: d('cz', 'expert'),
      otherOrg: d('pl', 'expert'),
      sameOrgNoRole: d('cz', 'analyst'),
      // Any writer of an administration other than the lead may ask; the observer may not.
      expect: { owner: 201, otherOrg: 201, sameOrgNoRole: 201, readOnlyOrg: 403 },
      prepare: async (ctx) => ({
        url: `/api/v1/innovation/common/${await skCommon(ctx)}/join-requests`,
        body: { role: 'partner' },
      }),
    },
    {
      op: 'POST /api/v1/innovation/join-requests/{requestId}/decision',
      owner: d('sk', 'ncp'),
      otherOrg: d('cz', 'ncp'),
      sameOrgNoRole: d('sk', 'expert'),
      // The lead's other people read the request (403); other administrations do not see it (404).
      expect: { owner: 200, otherOrg: 404, sameOrgNoRole: 403, readOnlyOrg: 404 },
      prepare: async (ctx) => {
        const id = await skCommon(ctx);
        const req = await ctx.ok(d('cz', 'expert'), 'POST', `/api/v1/innovation/common/${id}/join-requests`, {
          role: 'pilot_site',
        });
        return { url: `/api/v1/innovation/join-requests/${req.id}/decision`, body: { decision: 'approve' } };
      },
    },
  ];
}
