import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { change } from '../core/change.ts';
import { requireUser } from '../server/auth-plugin.ts';
import type { AppDeps } from '../server/deps.ts';
import { approvalView, approveRecord, rejectRecord } from './approval-operations.ts';
import { approveBody, rejectBody } from './approval-schema.ts';
import { KINDS, kindByName } from './kinds/index.ts';

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
        summary: 'Approve the step a submitted record waits for (the last step publishes it)',
        params,
        body: approveBody,
      },
    },
    async (req) => {
      const a = requireUser(req);
      const kind = kindByName(req.params.kind)!;
      return change(deps, (trx) => approveRecord(trx, a, kind, req.params.id, req.body?.comment));
    },
  );

  r.post(
    '/registry/:kind/:id/reject',
    {
      schema: {
        tags: ['registry'],
        summary: 'Reject the step a submitted record waits for: it returns to draft with the reason',
        params,
        body: rejectBody,
      },
    },
    async (req) => {
      const a = requireUser(req);
      const kind = kindByName(req.params.kind)!;
      return change(deps, (trx) => rejectRecord(trx, a, kind, req.params.id, req.body.reason));
    },
  );
}
