import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import {
  assignBody,
  assignmentParams,
  campaignBody,
  extendBody,
  idParams,
  recordMappingsBody,
} from './mapping-schema.ts';
import {
  assignInCampaign,
  createCampaign,
  extendCampaign,
  getCampaign,
  listCampaigns,
  removeAssignment,
} from './operations/campaigns.ts';
import { setRecordMappings } from './operations/record-mappings.ts';
import { listResponses } from './operations/responses.ts';

/** Campaigns of mapping exercises (tag `mapping`): open, list, read, extend, assign. */
export async function mappingCampaignRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/mapping/campaigns',
    {
      schema: {
        tags: ['mapping'],
        summary: 'Send a questionnaire version to administrations (coordinator of the network)',
        description:
          'target: all national administrations, a network’s member administrations, a sharing group, or a list. sharing: named | aggregate_only | coordinator_only. Each NCP is notified.',
        body: campaignBody,
      },
    },
    async (req, reply) => reply.code(201).send(await createCampaign(deps, requireUser(req), req.body)),
  );

  r.get(
    '/mapping/campaigns',
    { schema: { tags: ['mapping'], summary: 'Campaigns you may see, with abilities' } },
    async (req) => listCampaigns(deps.db, requireUser(req)),
  );

  r.get(
    '/mapping/campaigns/:id',
    {
      schema: {
        tags: ['mapping'],
        summary: 'One campaign: participants, your assignments and responses, abilities',
        params: idParams,
      },
    },
    async (req) => getCampaign(deps.db, requireUser(req), req.params.id),
  );

  r.post(
    '/mapping/campaigns/:id/extend',
    {
      schema: {
        tags: ['mapping'],
        summary: 'Move the close later (coordinator)',
        params: idParams,
        body: extendBody,
      },
    },
    async (req) => extendCampaign(deps, requireUser(req), req.params.id, req.body.closesAt),
  );

  r.post(
    '/mapping/campaigns/:id/assignments',
    {
      schema: {
        tags: ['mapping'],
        summary: 'Assign a respondent or the validator in your administration (NCP / deputy)',
        params: idParams,
        body: assignBody,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await assignInCampaign(deps, requireUser(req), req.params.id, req.body)),
  );

  r.delete(
    '/mapping/campaigns/:id/assignments/:assignmentId',
    {
      schema: {
        tags: ['mapping'],
        summary: 'Remove an assignment of your administration (NCP / deputy); a draft stays with it',
        params: assignmentParams,
      },
    },
    async (req, reply) => {
      await removeAssignment(deps, requireUser(req), req.params.id, req.params.assignmentId);
      return reply.code(204).send();
    },
  );

  r.put(
    '/mapping/campaigns/:id/record-mappings',
    {
      schema: {
        tags: ['mapping'],
        summary: 'Map repeat groups to registry kinds: validated entries become draft records (coordinator)',
        description:
          'Replaces the mappings (an empty list removes them). Each is checked against the kind now: field types, code lists, required fields. Each validation then creates a draft record per entry for the administration (author: the validator); re-validation updates drafts and leaves published records alone.',
        params: idParams,
        body: recordMappingsBody,
      },
    },
    async (req) => setRecordMappings(deps, requireUser(req), req.params.id, req.body.mappings),
  );

  r.get(
    '/mapping/campaigns/:id/responses',
    {
      schema: { tags: ['mapping'], summary: 'Responses of the campaign you may read', params: idParams },
    },
    async (req) => listResponses(deps.db, requireUser(req), req.params.id),
  );
}
