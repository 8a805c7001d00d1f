import type { FastifyInstance } from 'fastify';
import { DISTRIBUTION_WORDS, DISTRIBUTIONS, TLP_MARKINGS, TLP_RULES } from '../access/tlp.ts';
import type { AppDeps } from '../server/deps.ts';

/**
 * The markings and distributions with their machine rules, so that marking editors (the web app's
 * among them) decide nothing themselves: which marking names recipients, which allows public
 * distribution, which is exported.
 */
export async function markingRoutes(app: FastifyInstance, _deps: AppDeps) {
  app.get(
    '/markings',
    {
      schema: {
        tags: ['registry'],
        summary: 'TLP markings and distributions with the rules the platform enforces',
      },
    },
    async () => ({
      markings: TLP_MARKINGS.map((tlp) => ({ tlp, ...TLP_RULES[tlp] })),
      distributions: DISTRIBUTIONS.map((distribution) => ({
        distribution,
        rule: DISTRIBUTION_WORDS[distribution],
        // The lists a distribution needs besides the marking itself.
        needs:
          distribution === 'network'
            ? 'network'
            : distribution === 'sharing_group'
              ? 'sharing_group'
              : distribution === 'organisations'
                ? 'organisations'
                : null,
      })),
    }),
  );
}
