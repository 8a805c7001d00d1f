import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { DIGEST_FREQUENCIES, getPreferences, setDigestFrequency } from './preferences.ts';

const frequency = z.enum(DIGEST_FREQUENCIES as ['off', 'daily', 'weekly']);

/** The caller's notification preferences: how often the e-mail digest comes. */
export async function notificationPreferenceRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/notifications/preferences',
    { schema: { tags: ['notifications'], summary: 'My notification preferences (the e-mail digest)' } },
    async (req) => getPreferences(deps, requireUser(req)),
  );

  r.put(
    '/notifications/preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Choose how often the e-mail digest of my notifications comes (off, daily, weekly)',
        body: z.strictObject({ digest: frequency }),
      },
    },
    async (req) => setDigestFrequency(deps, requireUser(req), req.body.digest),
  );
}
