import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../route-kit/caller.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import { approveBody, rejectBody } from './approval-schema.ts';
import { KINDS, kindByName } from './kinds/index.ts';
import { approvalView, approveRecord, rejectRecord, withdrawCorrection } from './operations/approvals.ts';

const params = z.strictObject({
  kind: z.enum(KINDS.map((k) => k.name) as [string, ...string[]]),
  id: z.uuid(),
});

/** Approval steps of registry records: the state of a record's approval, and the decisions on its waiting step. */
export async function approvalRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/registry/:kind/:id/approval',
    {
      schema: {
        tags: ['registry'],
        summary:
          "A record's approval steps (done, waiting, pending), my abilities, and its rounds of decisions",
        params,
      },
    },
    async (req) => approvalView(deps.db, req.actor, kindByName(req.params.kind)!, req.params.id),
  );

  r.post(
    '/registry/:kind/:id/approve',
    {
      schema: {
        tags: ['registry'],
        summary:
          'Approve the step a submitted record (or a proposed correction) waits for: the last step publishes it (applies the correction)',
        params,
        body: approveBody,
      },
    },
    async (req) =>
      approveRecord(deps, requireUser(req), kindByName(req.params.kind)!, {
        id: req.params.id,
        comment: req.body?.comment,
      }),
  );

  r.post(
    '/registry/:kind/:id/reject',
    {
      schema: {
        tags: ['registry'],
        summary:
          'Reject the step a submitted record waits for (it returns to draft) or a proposed correction (discarded), with the reason',
        params,
        body: rejectBody,
      },
    },
    async (req) =>
      rejectRecord(deps, requireUser(req), kindByName(req.params.kind)!, {
        id: req.params.id,
        reason: req.body.reason,
      }),
  );

  r.post(
    '/registry/:kind/:id/correction/withdraw',
    {
      schema: {
        tags: ['registry'],
        summary:
          'Withdraw the correction I proposed of a published record while it awaits approval (the published version stays)',
        params,
      },
    },
    async (req) =>
      withdrawCorrection(deps, requireUser(req), kindByName(req.params.kind)!, { id: req.params.id }),
  );
}
