import type { Actor } from '../../../access/actor.ts';
import { canSetIatiIdentifier } from '../../../access/admin-policy.ts';
import { diffFields, recordAudit } from '../../../audit/audit-log.ts';
import { change } from '../../../core/change.ts';
import { badRequest, conflict, forbidden, notFound } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';

/** An IATI organisation identifier: the registration agency's prefix, a dash, the number. */
export const IATI_ORG_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]*-[A-Za-z0-9._:/-]+$/;

/**
 * Sets (or clears, with null) an administration's IATI organisation identifier — the reporting
 * organisation of its projects' IATI export. Its NCP or a platform administrator; an identifier
 * names one organisation only.
 */
export async function setIatiIdentifier(deps: AppDeps, a: Actor, orgId: string, iatiOrgId: string | null) {
  return change(deps, async (trx) => {
    const before = await trx
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound();
    if (!canSetIatiIdentifier(a, orgId))
      throw forbidden('Only the administration’s NCP sets its IATI organisation identifier.');
    if (before.type !== 'national_administration' && before.type !== 'commission')
      throw badRequest('Only national administrations and the Commission report to IATI.');
    if (iatiOrgId !== null) {
      const taken = await trx
        .selectFrom('organisations')
        .select('name')
        .where('iati_org_id', '=', iatiOrgId)
        .where('id', '<>', orgId)
        .executeTakeFirst();
      if (taken) throw conflict(`The IATI organisation identifier ${iatiOrgId} is already ${taken.name}’s.`);
    }
    const o = await trx
      .updateTable('organisations')
      .set({ iati_org_id: iatiOrgId })
      .where('id', '=', orgId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, a, {
      action: 'organisation.updated',
      recordKind: 'organisation',
      recordId: o.id,
      organisationId: o.id,
      changes: diffFields(before, o, ['iati_org_id']),
    });
    return { id: o.id, iatiOrgId: o.iati_org_id };
  });
}
