import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../server/auth-plugin.ts';
import type { AppDeps } from '../server/deps.ts';
import type { KindDefinition } from './definition.ts';
import { addRecord } from './operations/create.ts';
import { getRecord } from './operations/get.ts';
import { editRecord } from './operations/update.ts';
import { createBody, idParams, updateBody } from './registry-schemas.ts';

/** A kind's single record: read (with history and comments), create, replace. */
export function registryRecordRoutes(app: FastifyInstance, deps: AppDeps, kind: KindDefinition) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = `/registry/${kind.name}`;
  const tags = [`registry: ${kind.labelPlural}`];

  r.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: `One ${kind.label.toLowerCase()}: data, marking, history, comments, abilities`,
        params: idParams,
      },
    },
    async (req) => getRecord(deps.db, req.actor, kind, req.params),
  );

  r.post(
    base,
    {
      schema: {
        tags,
        summary: `Create a ${kind.label.toLowerCase()} (draft, or published at once where no second person must approve)`,
        body: createBody,
      },
    },
    async (req, reply) => reply.status(201).send(await addRecord(deps, requireUser(req), kind, req.body)),
  );

  r.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Replace the data (a published record gets a corrected version)',
        params: idParams,
        body: updateBody,
      },
    },
    async (req) => editRecord(deps, requireUser(req), kind, { ...req.body, id: req.params.id }),
  );
}
