import type { MatrixCtx, WriteCase } from './harness.ts';

/**
 * Write cases of discussions on records' threads (src/registry/thread-routes.ts), on a discussion
 * of the risk-management network published to all of EUCAB (so every signed-in caller reads it:
 * a refusal is a 403). nl.expert coordinates that network; fr.expert and nl.analyst read it.
 * Posting and replying is the registry's `POST …/comments` (registry-cases.ts).
 */
const COORDINATOR = 'nl.expert@demo.eucab.eu';
const OTHER = 'fr.expert@demo.eucab.eu';
const COLLEAGUE = 'nl.analyst@demo.eucab.eu';
const common = { variant: 'discussion', owner: COORDINATOR, otherOrg: OTHER, sameOrgNoRole: COLLEAGUE };
const base = '/api/v1/registry/discussion';

async function discussion(ctx: MatrixCtx): Promise<string> {
  const d = await ctx.ok(COORDINATOR, 'POST', base, {
    data: { topic: `Matrix discussion ${ctx.token()}`, body: 'Opening text.', network: 'risk-management' },
    marking: { distribution: 'eucab', tlp: 'green' },
  });
  return d.id as string;
}

/** A fresh discussion with one post by `author`: the post's URL. */
async function post(ctx: MatrixCtx, author: string): Promise<string> {
  const id = await discussion(ctx);
  const p = await ctx.ok(author, 'POST', `${base}/${id}/comments`, { body: 'A post of the write matrix.' });
  return `${base}/${id}/comments/${p.id}`;
}

export function threadCases(): WriteCase[] {
  return [
    {
      ...common,
      op: 'PATCH /api/v1/registry/{kind}/{id}/comments/{postId}',
      // Only the post's author edits it (a coordinator hides, never edits).
      expect: { owner: 200 },
      prepare: async (ctx) => ({
        url: await post(ctx, COORDINATOR),
        body: { body: 'Edited by the matrix.' },
      }),
    },
    {
      ...common,
      op: 'POST /api/v1/registry/{kind}/{id}/comments/{postId}/withdraw',
      expect: { owner: 200 },
      prepare: async (ctx) => ({ url: `${await post(ctx, COORDINATOR)}/withdraw` }),
    },
    {
      ...common,
      op: 'POST /api/v1/registry/{kind}/{id}/comments/{postId}/hide',
      // The network's coordinator hides another's post; its author and other readers may not.
      expect: { owner: 200 },
      prepare: async (ctx) => ({
        url: `${await post(ctx, OTHER)}/hide`,
        body: { reason: 'Hidden by the write matrix.' },
      }),
    },
    {
      ...common,
      op: 'PUT /api/v1/registry/{kind}/{id}/subscription',
      // Every reader who may write follows or leaves a thread for themself; the Commission only reads.
      expect: { owner: 200, otherOrg: 200, sameOrgNoRole: 200 },
      prepare: async (ctx) => ({
        url: `${base}/${await discussion(ctx)}/subscription`,
        body: { subscribed: false },
      }),
    },
  ];
}
