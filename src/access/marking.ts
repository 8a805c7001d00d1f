import type { z } from 'zod';
import type { Trx } from '../db/connection.ts';
import type { Distribution, Tlp } from '../db/schema.ts';
import { badRequest } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import type { markingBody } from './marking-schema.ts';
import { checkMarking, TLP_RULES } from './tlp.ts';

export type Marking = z.infer<typeof markingBody>;

export interface ResolvedMarking {
  distribution: Distribution;
  distribution_network_id: string | null;
  sharing_group_id: string | null;
  tlp: Tlp;
  recipients: string[];
  /** The organisations named by the 'organisations' distribution (ids, the owner left out). */
  named_org_ids: string[];
  /** Their codes, for the audit trail. */
  named_org_codes: string[];
}

/**
 * Validates distribution + TLP + named recipients + named organisations (any shared record kind)
 * and resolves them to stored values: public needs CLEAR, a sharing group or network must exist,
 * TLP:RED names at least one recipient besides the author (who is always one), recipients only
 * with RED; the 'organisations' distribution names at least one existing organisation besides the
 * owning one (which always reads), named organisations only with that distribution. Under TLP:RED
 * the named organisations are kept but, like the distribution, give no reading.
 */
export async function resolveMarking(
  trx: Trx,
  a: Actor & { userId: string; orgId: string },
  defaultNetworkId: string,
  m: Marking,
  ownerOrgId: string = a.orgId,
): Promise<ResolvedMarking> {
  const problem = checkMarking(m.distribution, m.tlp);
  if (problem) throw badRequest(problem, [{ field: 'body.distribution', message: problem }]);
  const distributionNetworkId =
    m.distribution === 'network' ? (m.distributionNetworkId ?? defaultNetworkId) : null;
  const sharingGroupId = m.distribution === 'sharing_group' ? (m.sharingGroupId ?? null) : null;
  if (m.distribution === 'sharing_group') {
    if (!sharingGroupId) {
      throw badRequest('Choose the sharing group.', [
        { field: 'body.sharingGroupId', message: 'is required for sharing-group distribution' },
      ]);
    }
    const g = await trx
      .selectFrom('sharing_groups')
      .select('id')
      .where('id', '=', sharingGroupId)
      .executeTakeFirst();
    if (!g)
      throw badRequest('No such sharing group.', [{ field: 'body.sharingGroupId', message: 'unknown' }]);
  }
  if (distributionNetworkId) {
    const n = await trx
      .selectFrom('networks')
      .select('id')
      .where('id', '=', distributionNetworkId)
      .executeTakeFirst();
    if (!n)
      throw badRequest('No such network.', [{ field: 'body.distributionNetworkId', message: 'unknown' }]);
  }
  let recipients: string[] = [];
  if (TLP_RULES[m.tlp].namedRecipientsOnly) {
    recipients = [...new Set([a.userId, ...m.recipientIds])];
    const found = await trx
      .selectFrom('users')
      .select('id')
      .where('id', 'in', recipients)
      .where('status', '=', 'active')
      .execute();
    if (found.length !== recipients.length) {
      throw badRequest('A named recipient is unknown or disabled.', [
        { field: 'body.recipientIds', message: 'unknown user' },
      ]);
    }
    if (recipients.length < 2) {
      throw badRequest('TLP:RED needs at least one named recipient besides you.', [
        { field: 'body.recipientIds', message: 'name at least one recipient' },
      ]);
    }
  } else if (m.recipientIds.length) {
    throw badRequest('Named recipients apply to TLP:RED only.', [
      { field: 'body.recipientIds', message: 'only with TLP:RED' },
    ]);
  }
  const named = await resolveNamedOrganisations(trx, m, ownerOrgId);
  return {
    distribution: m.distribution,
    distribution_network_id: distributionNetworkId,
    sharing_group_id: sharingGroupId,
    tlp: m.tlp,
    recipients,
    named_org_ids: named.map((o) => o.id),
    named_org_codes: named.map((o) => o.code),
  };
}

async function resolveNamedOrganisations(trx: Trx, m: Marking, ownerOrgId: string) {
  const ids = [...new Set(m.organisationIds ?? [])].filter((id) => id !== ownerOrgId);
  if (m.distribution !== 'organisations') {
    if (ids.length)
      throw badRequest('Named organisations apply to the distribution "named organisations" only.', [
        { field: 'body.organisationIds', message: 'only with the organisations distribution' },
      ]);
    return [];
  }
  // Organisations have no inactive state: an id is valid when the organisation exists.
  const found = ids.length
    ? await trx
        .selectFrom('organisations')
        .select(['id', 'code'])
        .where('id', 'in', ids)
        .orderBy('code')
        .execute()
    : [];
  const unknown = ids.filter((id) => !found.some((o) => o.id === id));
  if (unknown.length)
    throw badRequest(`No such organisation: ${unknown.join(', ')}.`, [
      { field: 'body.organisationIds', message: `unknown organisation ${unknown.join(', ')}` },
    ]);
  if (found.length === 0)
    throw badRequest('Name at least one organisation besides the owning one.', [
      { field: 'body.organisationIds', message: 'name at least one organisation' },
    ]);
  return found;
}

/** Stores the lists of a resolved marking: the named recipients and the named organisations. */
export async function setMarkingLists(trx: Trx, kind: string, id: string, m: ResolvedMarking): Promise<void> {
  await setRecipients(trx, kind, id, m.recipients);
  await trx
    .deleteFrom('record_organisations')
    .where('record_kind', '=', kind)
    .where('record_id', '=', id)
    .execute();
  if (m.named_org_ids.length)
    await trx
      .insertInto('record_organisations')
      .values(m.named_org_ids.map((o) => ({ record_kind: kind, record_id: id, organisation_id: o })))
      .execute();
}

/** The codes of organisations (for the audit trail's before/after lists). */
export async function organisationCodes(trx: Trx, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await trx
    .selectFrom('organisations')
    .select('code')
    .where('id', 'in', [...ids])
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}

/** Replaces the named recipients of a record. */
export async function setRecipients(trx: Trx, kind: string, id: string, recipients: string[]): Promise<void> {
  await trx
    .deleteFrom('record_recipients')
    .where('record_kind', '=', kind)
    .where('record_id', '=', id)
    .execute();
  if (recipients.length) {
    await trx
      .insertInto('record_recipients')
      .values(recipients.map((u) => ({ record_kind: kind, record_id: id, user_id: u })))
      .execute();
  }
}
