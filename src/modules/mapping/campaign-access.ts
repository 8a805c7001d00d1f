import type { Actor } from '../../access/actor.ts';
import { type CampaignFacts, campaignPolicy } from '../../access/mapping-policy.ts';
import type { Database } from '../../db/connection.ts';
import type { AssignmentRole } from '../../db/mapping-schema.ts';
import type { Questionnaire } from '../../engines/questionnaire/index.ts';
import { notFound } from '../../http/errors.ts';

/** A campaign as the operations use it: its row, its questionnaire version and the caller's facts. */
export async function loadCampaign(db: Database, a: Actor, id: string) {
  const row = await db
    .selectFrom('mapping_campaigns as c')
    .innerJoin('mapping_questionnaire_versions as v', 'v.id', 'c.questionnaire_version_id')
    .innerJoin('mapping_questionnaires as q', 'q.id', 'v.questionnaire_id')
    .innerJoin('networks as n', 'n.id', 'c.network_id')
    .select([
      'c.id',
      'c.title',
      'c.network_id',
      'n.code as network_code',
      'c.opens_at',
      'c.closes_at',
      'c.respondent_unit',
      'c.sharing',
      'c.target',
      'c.reminder_days',
      'c.created_at',
      'c.questionnaire_version_id',
      'v.version',
      'v.definition',
      'q.id as questionnaire_id',
      'q.code as questionnaire_code',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('No such campaign, or you may not see it.');
  const facts = await campaignFacts(db, a, row);
  if (!campaignPolicy.abilities(a, facts).read) throw notFound('No such campaign, or you may not see it.');
  return { row, facts, definition: row.definition as Questionnaire };
}

/** The caller's facts for one campaign: does their administration take part, which assignments they hold. */
export async function campaignFacts(
  db: Database,
  a: Actor,
  c: { id: string; network_id: string; sharing: CampaignFacts['sharing']; opens_at: Date; closes_at: Date },
): Promise<CampaignFacts> {
  const [participant, roles] = await Promise.all([
    a.orgId
      ? db
          .selectFrom('mapping_campaign_participants')
          .select('organisation_id')
          .where('campaign_id', '=', c.id)
          .where('organisation_id', '=', a.orgId)
          .executeTakeFirst()
      : undefined,
    a.userId
      ? db
          .selectFrom('mapping_assignments')
          .select('role')
          .where('campaign_id', '=', c.id)
          .where('user_id', '=', a.userId)
          .execute()
      : [],
  ]);
  return {
    networkId: c.network_id,
    sharing: c.sharing,
    opensAt: c.opens_at,
    closesAt: c.closes_at,
    participant: participant !== undefined,
    myRoles: new Set<AssignmentRole>(roles.map((r) => r.role)),
  };
}

/** The caller's facts for several campaigns, with one query for participation and one for assignments. */
export async function campaignsFacts(
  db: Database,
  a: Actor,
  cs: {
    id: string;
    network_id: string;
    sharing: CampaignFacts['sharing'];
    opens_at: Date;
    closes_at: Date;
  }[],
): Promise<Map<string, CampaignFacts>> {
  const ids = cs.map((c) => c.id);
  const [participating, roles] = await Promise.all([
    a.orgId && ids.length
      ? db
          .selectFrom('mapping_campaign_participants')
          .select('campaign_id')
          .where('campaign_id', 'in', ids)
          .where('organisation_id', '=', a.orgId)
          .execute()
      : [],
    a.userId && ids.length
      ? db
          .selectFrom('mapping_assignments')
          .select(['campaign_id', 'role'])
          .where('campaign_id', 'in', ids)
          .where('user_id', '=', a.userId)
          .execute()
      : [],
  ]);
  const inCampaign = new Set(participating.map((p) => p.campaign_id));
  return new Map(
    cs.map((c) => [
      c.id,
      {
        networkId: c.network_id,
        sharing: c.sharing,
        opensAt: c.opens_at,
        closesAt: c.closes_at,
        participant: inCampaign.has(c.id),
        myRoles: new Set<AssignmentRole>(roles.filter((r) => r.campaign_id === c.id).map((r) => r.role)),
      },
    ]),
  );
}
