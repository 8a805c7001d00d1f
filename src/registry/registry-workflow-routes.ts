import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { markingBody } from '../access/marking-schema.ts';
import { requireUser } from '../route-kit/caller.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import type { KindDefinition } from './definition.ts';
import { commentOnRecord } from './operations/comments.ts';
import { changeSharing } from './operations/share.ts';
import { publishRecord, retractRecord, submitRecord } from './operations/workflow.ts';
import { commentBody, idParams, submitBody, transitionBody } from './registry-schemas.ts';

const TRANSITIONS = { submit: submitRecord, publish: publishRecord, retract: retractRecord } as const;

/** A kind's workflow (submit, publish, retract), sharing and comments. */
export function registryWorkflowRoutes(app: FastifyInstance, deps: AppDeps, kind: KindDefinition) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = `/registry/${kind.name}`;
  const tags = [`registry: ${kind.labelPlural.en}`];

  for (const [action, operation] of Object.entries(TRANSITIONS)) {
    r.post(
      `${base}/:id/${action}`,
      {
        schema: {
          tags,
          summary: `${action[0]!.toUpperCase()}${action.slice(1)}`,
          params: idParams,
          body: action === 'submit' ? submitBody : transitionBody,
        },
      },
      async (req) => {
        const b = req.body as { note?: string; reviewerIds?: string[] } | null | undefined;
        return operation(deps, requireUser(req), kind, {
          id: req.params.id,
          note: b?.note,
          reviewerIds: b?.reviewerIds,
        });
      },
    );
  }

  r.post(
    `${base}/:id/share`,
    {
      schema: {
        tags,
        summary: 'Change distribution, TLP marking and named recipients (owning organisation only)',
        params: idParams,
        body: markingBody,
      },
    },
    async (req) => changeSharing(deps, requireUser(req), kind, { ...req.body, id: req.params.id }),
  );

  r.post(
    `${base}/:id/comments`,
    {
      schema: {
        tags,
        summary: 'Comment, give feedback or register interest (e.g. in joint procurement)',
        params: idParams,
        body: commentBody,
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await commentOnRecord(deps, requireUser(req), kind, { ...req.body, id: req.params.id })),
  );
}
