import type { Trx } from '../../core/context.ts';
import type { OutboxHandler } from '../../outbox/outbox-worker.ts';

/** The NCPs and deputies of the given administrations (active users). */
async function managersOf(trx: Trx, orgIds: readonly string[]): Promise<string[]> {
  if (orgIds.length === 0) return [];
  const rows = await trx
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select('g.user_id')
    .where('g.organisation_id', 'in', orgIds)
    .whereRef('u.organisation_id', '=', 'g.organisation_id')
    .where('g.role', 'in', ['ncp', 'ncp_deputy'])
    .where('u.status', '=', 'active')
    .execute();
  return [...new Set(rows.map((r) => r.user_id))];
}

async function notify(trx: Trx, users: readonly string[], kind: string, recordId: string, summary: string) {
  const rows = [...new Set(users)].map((user_id) => ({
    user_id,
    kind,
    record_kind: 'mapping_campaign',
    record_id: recordId,
    summary,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('notifications')
      .values(rows.slice(i, i + 500))
      .execute();
}

/**
 * After-commit work of mapping campaigns: a campaign opened → each participating administration's
 * NCP and deputies; an assignment → the assigned user; a reopened response → the administration's
 * NCP / deputies and assigned colleagues. Notifications point at the campaign (which all of them may read).
 */
export const MAPPING_HANDLERS: Readonly<Record<string, OutboxHandler>> = {
  'mapping.campaign_opened': async (trx, payload) => {
    const id = String(payload.campaignId);
    const c = await trx
      .selectFrom('mapping_campaigns')
      .select('title')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!c) return;
    const orgs = await trx
      .selectFrom('mapping_campaign_participants')
      .select('organisation_id')
      .where('campaign_id', '=', id)
      .execute();
    await notify(
      trx,
      await managersOf(
        trx,
        orgs.map((o) => o.organisation_id),
      ),
      'mapping_campaign.created',
      id,
      c.title,
    );
  },
  'mapping.assigned': async (trx, payload) => {
    const s = await trx
      .selectFrom('mapping_assignments as s')
      .innerJoin('mapping_campaigns as c', 'c.id', 's.campaign_id')
      .select(['s.user_id', 's.campaign_id', 's.role', 'c.title'])
      .where('s.id', '=', String(payload.assignmentId))
      .executeTakeFirst();
    if (!s) return;
    await notify(trx, [s.user_id], `mapping_campaign.assigned`, s.campaign_id, `${s.title} (${s.role})`);
  },
  'mapping.response_reopened': async (trx, payload) => {
    const r = await trx
      .selectFrom('mapping_responses as r')
      .innerJoin('mapping_campaigns as c', 'c.id', 'r.campaign_id')
      .select(['r.campaign_id', 'r.organisation_id', 'r.respondent_user_id', 'r.reopen_reason', 'c.title'])
      .where('r.id', '=', String(payload.responseId))
      .executeTakeFirst();
    if (!r) return;
    const assigned = await trx
      .selectFrom('mapping_assignments')
      .select('user_id')
      .where('campaign_id', '=', r.campaign_id)
      .where('organisation_id', '=', r.organisation_id)
      .execute();
    const to = [
      ...(await managersOf(trx, [r.organisation_id])),
      ...assigned.map((s) => s.user_id),
      ...(r.respondent_user_id ? [r.respondent_user_id] : []),
    ];
    await notify(trx, to, 'mapping_campaign.reopened', r.campaign_id, `${r.title}: ${r.reopen_reason ?? ''}`);
  },
};
