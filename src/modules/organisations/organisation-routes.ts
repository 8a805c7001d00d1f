import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { IATI_ORG_ID, setIatiIdentifier } from './operations/iati-identifier.ts';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  ORG_TYPES,
  updateOrganisation,
} from './operations/organisations.ts';

const orgBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'use 2–32 capital letters, digits or hyphens'),
  type: z.enum(ORG_TYPES),
  name: z.string().trim().min(1).max(200),
  names: z.record(z.string().regex(/^[a-z]{2,3}$/), z.string().trim().min(1).max(200)).default({}),
  countryCode: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .default(null),
});

/** The organisations of EUCAB (sharing groups and identity providers have their own route files). */
export async function organisationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'All organisations of EUCAB',
        querystring: z.strictObject({ type: z.enum(ORG_TYPES).optional() }),
      },
    },
    async (req) => listOrganisations(db, requireUser(req), req.query),
  );

  r.get(
    '/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'One organisation',
        params: z.strictObject({ id: z.uuid() }),
      },
    },
    async (req) => getOrganisation(db, requireUser(req), req.params.id),
  );

  r.post(
    '/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Create an organisation (platform administrators)',
        body: orgBody,
      },
    },
    async (req, reply) => reply.status(201).send(await createOrganisation(deps, requireUser(req), req.body)),
  );

  r.patch(
    '/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Rename an organisation (platform administrators)',
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({
          name: z.string().trim().min(1).max(200).optional(),
          names: orgBody.shape.names.optional(),
        }),
      },
    },
    async (req) => updateOrganisation(deps, requireUser(req), req.params.id, req.body),
  );

  r.put(
    '/organisations/:id/iati-identifier',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Set the IATI organisation identifier of an administration (its NCP)',
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({
          iatiOrgId: z
            .string()
            .trim()
            .max(200)
            .regex(IATI_ORG_ID, 'use an IATI organisation identifier such as NL-KVK-27378529')
            .nullable(),
        }),
      },
    },
    async (req) => setIatiIdentifier(deps, requireUser(req), req.params.id, req.body.iatiOrgId),
  );
}
