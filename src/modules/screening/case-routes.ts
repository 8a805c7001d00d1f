import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { decideCase, getCase, listCases } from './operations/cases.ts';
import { caseListQuery, decisionBody, idParams } from './screening-schema.ts';

/** Screening cases and the review queue (tag `screening`): list, one, decision. */
export async function screeningCaseRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/screening/cases',
    {
      schema: {
        tags: ['screening'],
        summary: "My administration's cases and review queue (state=pending: open and review)",
        querystring: caseListQuery,
      },
    },
    async (req) => listCases(deps.db, requireUser(req), req.query),
  );

  r.get(
    '/screening/cases/:id',
    {
      schema: {
        tags: ['screening'],
        summary: 'A case with its explanation and the listed entry',
        params: idParams,
      },
    },
    async (req) => getCase(deps.db, requireUser(req), req.params.id),
  );

  r.post(
    '/screening/cases/:id/decision',
    {
      schema: {
        tags: ['screening'],
        summary:
          'Confirm or dismiss a case with a reason (audited). A dismissal suppresses the pair until the listed entry changes.',
        params: idParams,
        body: decisionBody,
      },
    },
    async (req) => decideCase(deps, requireUser(req), { id: req.params.id, ...req.body }),
  );
}
