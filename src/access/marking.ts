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
}

/**
 * Validates distribution + TLP + named recipients (any shared record kind) and resolves them to
 * stored values: public needs CLEAR, a sharing group or network must exist, TLP:RED names at
 * least one recipient besides the author (who is always one), recipients only with RED.
 */
export async function resolveMarking(
  trx: Trx,
  a: Actor & { userId: string },
  defaultNetworkId: string,
  m: Marking,
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
  return {
    distribution: m.distribution,
    distribution_network_id: distributionNetworkId,
    sharing_group_id: sharingGroupId,
    tlp: m.tlp,
    recipients,
  };
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
