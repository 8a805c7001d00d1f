import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { IndexLoadingError } from './index-cache.ts';
import { screeningAbilitiesOf } from './operations/abilities.ts';
import { screenParty } from './operations/screen-one.ts';
import { partyBody } from './screening-schema.ts';
import { startListLoading } from './startup.ts';

/** The 503 of a matcher index still loading tells the client when to come back (Retry-After). */
async function withRetryAfter<T>(reply: FastifyReply, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof IndexLoadingError) reply.header('Retry-After', String(err.retryAfterSeconds));
    throw err;
  }
}

/**
 * Screening (tag `screening`): the lists' loading at start, abilities and screening one party.
 * The other routes, by resource: batch-routes.ts, case-routes.ts, list-routes.ts (all listed in
 * manifest.ts); what they do is in operations/.
 */
export async function screeningRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onReady', async () => {
    await startListLoading(deps);
  });

  r.get(
    '/screening/abilities',
    { schema: { tags: ['screening'], summary: 'What I may do in screening; thresholds; lists in use' } },
    async (req) => screeningAbilitiesOf(deps.db, req.actor),
  );

  r.post(
    '/screening/screen',
    {
      // A query (answered and forgotten); with `save` it stores a party and needs `write` too.
      config: { scope: 'read' },
      schema: {
        tags: ['screening'],
        summary:
          'Screen one party: explained hits at or above the review band. The query is not stored unless `save` (reviewers) stores it as a party.',
        body: partyBody,
      },
    },
    async (req, reply) => withRetryAfter(reply, screenParty(deps, requireUser(req), req.body)),
  );
}
