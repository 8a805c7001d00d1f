import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { feedbackBody } from '../../contract/risk-information.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { confirmReceipt, listFeedback, sendFeedback } from './operations/feedback.ts';

const params = z.strictObject({ id: z.uuid('id: the id of a risk information') });

/** Receipt and feedback of recipient administrations on a risk information (issue 17). */
export async function riskInformationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/risk-information/:id/feedback',
    {
      schema: {
        tags: ['risk-information'],
        summary:
          'Receipts and feedback on a risk information I may read: every recipient’s for its author’s administration, my own administration’s for a recipient',
        params,
      },
    },
    async (req) => listFeedback(deps.db, requireUser(req), req.params.id),
  );

  r.put(
    '/risk-information/:id/receipt',
    {
      schema: {
        tags: ['risk-information'],
        summary: 'Confirm for my administration that it received a risk information (once)',
        params,
      },
    },
    async (req) => confirmReceipt(deps, requireUser(req), req.params.id),
  );

  r.put(
    '/risk-information/:id/feedback',
    {
      schema: {
        tags: ['risk-information'],
        summary:
          'Report for my administration on the controls made after a risk information: control performed, result, usefulness',
        params,
        body: feedbackBody,
      },
    },
    async (req) => sendFeedback(deps, requireUser(req), req.params.id, req.body),
  );
}
