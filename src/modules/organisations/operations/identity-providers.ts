import type { Actor } from '../../../access/actor.ts';
import { canManageOrganisations } from '../../../access/admin-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { change } from '../../../core/change.ts';
import { forbidden, notFound } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';

function mayManage(a: Actor) {
  if (!canManageOrganisations(a)) throw forbidden('Only platform administrators manage identity providers.');
}

/** The one redirect URI every provider is registered with. */
function redirectUri(deps: AppDeps) {
  return `${deps.config.publicUrl}/api/v1/auth/oidc/callback`;
}

/** The identity providers and their organisations (never the client secret). */
export async function listIdentityProviders(deps: AppDeps, a: Actor) {
  mayManage(a);
  const rows = await deps.db
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
  return { items: rows, redirectUri: redirectUri(deps) };
}

/** Registers an identity provider bound to one organisation. */
export async function createIdentityProvider(
  deps: AppDeps,
  a: Actor,
  b: { organisationId: string; name: string; issuer: string; clientId: string; clientSecret: string },
) {
  mayManage(a);
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
  return { ...p, redirectUri: redirectUri(deps) };
}

/** Enables or disables an identity provider. */
export async function setIdentityProviderEnabled(deps: AppDeps, a: Actor, id: string, enabled: boolean) {
  mayManage(a);
  return change(deps, async (trx) => {
    const p = await trx
      .updateTable('identity_providers')
      .set({ enabled })
      .where('id', '=', id)
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
}
