import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canManageOrganisations } from '../../access/admin-policy.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { change } from '../../core/change.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';

/** OIDC identity providers, each bound to one organisation (platform administrators). */
export async function identityProviderRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/identity-providers',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Identity providers and their organisations (never the client secret)',
      },
    },
    async (req) => {
      const a = requireUser(req);
      if (!canManageOrganisations(a))
        throw forbidden('Only platform administrators manage identity providers.');
      const rows = await db
        .selectFrom('identity_providers as p')
        .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
        .select([
          'p.id',
          'p.name',
          'p.issuer',
          'p.client_id',
          'p.enabled',
          'p.organisation_id',
          'o.code as organisation_code',
          'p.created_at',
        ])
        .orderBy('o.code')
        .execute();
      return { items: rows, redirectUri: `${deps.config.publicUrl}/api/v1/auth/oidc/callback` };
    },
  );

  r.post(
    '/identity-providers',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Register an identity provider for one organisation',
        body: z.strictObject({
          organisationId: z.uuid(),
          name: z.string().trim().min(1).max(100),
          issuer: z.url().max(500),
          clientId: z.string().trim().min(1).max(200),
          clientSecret: z.string().min(8).max(500),
        }),
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      if (!canManageOrganisations(a))
        throw forbidden('Only platform administrators manage identity providers.');
      const b = req.body;
      const p = await change(deps, async (trx) => {
        const p = await trx
          .insertInto('identity_providers')
          .values({
            organisation_id: b.organisationId,
            name: b.name,
            issuer: b.issuer.replace(/\/$/, ''),
            client_id: b.clientId,
            client_secret: b.clientSecret,
          })
          .returning(['id', 'name', 'issuer', 'client_id', 'organisation_id', 'enabled'])
          .executeTakeFirstOrThrow();
        await recordAudit(trx, a, {
          action: 'identity_provider.created',
          recordKind: 'identity_provider',
          recordId: p.id,
          organisationId: b.organisationId,
          changes: { name: p.name, issuer: p.issuer, client_id: p.client_id },
        });
        return p;
      });
      return reply
        .status(201)
        .send({ ...p, redirectUri: `${deps.config.publicUrl}/api/v1/auth/oidc/callback` });
    },
  );

  r.patch(
    '/identity-providers/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Enable or disable an identity provider',
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({ enabled: z.boolean() }),
      },
    },
    async (req) => {
      const a = requireUser(req);
      if (!canManageOrganisations(a))
        throw forbidden('Only platform administrators manage identity providers.');
      return change(deps, async (trx) => {
        const p = await trx
          .updateTable('identity_providers')
          .set({ enabled: req.body.enabled })
          .where('id', '=', req.params.id)
          .returning(['id', 'enabled', 'organisation_id'])
          .executeTakeFirst();
        if (!p) throw notFound();
        await recordAudit(trx, a, {
          action: 'identity_provider.updated',
          recordKind: 'identity_provider',
          recordId: p.id,
          organisationId: p.organisation_id,
          changes: { enabled: { after: p.enabled } },
        });
        return p;
      });
    },
  );
}
