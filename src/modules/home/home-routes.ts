import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import type { ModuleManifest } from '../manifest.ts';
import { homeFor } from './home-operations.ts';

/** The home page's figures and what waits for the caller, from every module. */
export async function homeRoutes(app: FastifyInstance, deps: AppDeps, modules: readonly ModuleManifest[]) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/home',
    {
      schema: {
        tags: ['home'],
        summary:
          'My home page: figures of each area (records I may read) and what waits for me (approvals, endorsements, cases to review, failed jobs)',
      },
    },
    async (req) => {
      const actor = requireUser(req);
      return homeFor({ db: deps.db, actor, deps }, modules);
    },
  );
}
