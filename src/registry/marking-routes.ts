import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../route-kit/deps.ts';
import { markingRules } from './operations/markings.ts';

/** The markings and distributions with the rules the platform enforces (read by marking editors). */
export async function markingRoutes(app: FastifyInstance, _deps: AppDeps) {
  app.get(
    '/markings',
    {
      schema: {
        tags: ['registry'],
        summary: 'TLP markings and distributions with the rules the platform enforces',
      },
    },
    async () => markingRules(),
  );
}
