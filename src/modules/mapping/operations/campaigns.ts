import type { Actor } from '../../../access/actor.ts';
import {
  campaignAbilities,
  campaignPolicy,
  canSendCampaign,
  responsePolicy,
} from '../../../access/mapping-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { change } from '../../../core/change.ts';
import type { Database } from '../../../db/connection.ts';
import type { AssignmentRole, CampaignSharing, RespondentUnit } from '../../../db/mapping-schema.ts';
import type { Questionnaire } from '../../../engines/questionnaire/index.ts';
import { badRequest, forbidden, notFound } from '../../../http/errors.ts';
import { enqueue } from '../../../outbox/outbox-worker.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { campaignFacts, loadCampaign } from '../campaign-access.ts';
import { checkBindings } from '../code-list-bindings.ts';
import { iso } from '../mapping-format.ts';
import { recordMappingsOf } from './record-mappings.ts';

export type CampaignTarget =
  | { kind: 'all' }
  | { kind: 'network'; networkId: string }
  | { kind: 'sharing_group'; sharingGroupId: string }
  | { kind: 'list'; organisationIds: string[] };

export interface CampaignInput {
  questionnaireVersionId: string;
  networkId?: string | undefined;
  title: string;
  opensAt: string;
  closesAt: string;
  respondentUnit: RespondentUnit;
  sharing: CampaignSharing;
  target: CampaignTarget;
  reminderDays: number[];
}

/** The national administrations a target names (only national administrations answer). */
async function resolveTarget(db: Database, target: CampaignTarget): Promise<string[]> {
  let q = db.selectFrom('organisations as o').select('o.id').where('o.type', '=', 'national_administration');
  if (target.kind === 'network')
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('network_memberships as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .select('m.id')
          .whereRef('u.organisation_id', '=', 'o.id')
          .where('m.network_id', '=', target.networkId)
          .where('m.status', '=', 'active'),
      ),
    );
  if (target.kind === 'sharing_group')
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('sharing_group_members as g')
          .select('g.organisation_id')
          .whereRef('g.organisation_id', '=', 'o.id')
          .where('g.sharing_group_id', '=', target.sharingGroupId),
      ),
    );
  if (target.kind === 'list') {
    const ids = [...new Set(target.organisationIds)];
    const found = await q.where('o.id', 'in', ids).execute();
    if (found.length !== ids.length)
      throw badRequest('Every organisation of the list must be a national administration.', [
        { field: 'body.target.organisationIds', message: 'unknown or not a national administration' },
      ]);
    return found.map((o) => o.id);
  }
  return (await q.execute()).map((o) => o.id);
}

/**
 * Opens a campaign: a coordinator sends a questionnaire version to a set of administrations.
 * One response per administration is created (respondent unit "administration"); each NCP is notified.
 */
export async function createCampaign(deps: Pick<AppDeps, 'db' | 'outbox'>, a: Actor, input: CampaignInput) {
  const { db } = deps;
  const v = await db
    .selectFrom('mapping_questionnaire_versions as v')
    .innerJoin('mapping_questionnaires as q', 'q.id', 'v.questionnaire_id')
    .select(['v.id', 'v.version', 'v.definition', 'q.code', 'q.network_id'])
    .where('v.id', '=', input.questionnaireVersionId)
    .executeTakeFirst();
  if (!v)
    throw badRequest('No such questionnaire version.', [
      { field: 'body.questionnaireVersionId', message: 'unknown' },
    ]);
  const networkId = input.networkId ?? v.network_id;
  if (!networkId)
    throw badRequest('Name the network that runs the campaign (networkId).', [
      { field: 'body.networkId', message: 'required for a questionnaire of no network' },
    ]);
  if (!canSendCampaign(a, networkId, v.network_id))
    throw forbidden(
      "Only a coordinator of the questionnaire's network sends campaigns (with a questionnaire of that network).",
    );
  const opens = new Date(input.opensAt);
  const closes = new Date(input.closesAt);
  if (!(closes > opens) || closes <= new Date())
    throw badRequest('The campaign must close after it opens, and in the future.', [
      { field: 'body.closesAt', message: 'must be after opensAt and in the future' },
    ]);
  const bindings = await checkBindings(db, v.definition as Questionnaire);
  if (bindings.length)
    throw badRequest(
      `Version ${v.version} of "${v.code}" names platform code lists or codes that do not exist, so its results could not pivot on them: ${bindings.map((b) => b.reason).join(' ')} Import a new version that names existing lists and codes.`,
      bindings.map((b) => ({
        field: 'body.questionnaireVersionId',
        message: b.missingCodes.length
          ? `code list ${b.list} has no ${b.missingCodes.join(', ')}`
          : `no code list ${b.list}`,
      })),
    );
  const orgs = await resolveTarget(db, input.target);
  if (orgs.length === 0)
    throw badRequest('The target names no national administration.', [
      { field: 'body.target', message: 'no administration' },
    ]);
  const id = await change(deps, async (trx) => {
    const c = await trx
      .insertInto('mapping_campaigns')
      .values({
        questionnaire_version_id: v.id,
        network_id: networkId,
        title: input.title,
        opens_at: opens,
        closes_at: closes,
        respondent_unit: input.respondentUnit,
        sharing: input.sharing,
        target: JSON.stringify(input.target),
        reminder_days: [...new Set(input.reminderDays)].sort((x, y) => y - x),
        created_by: a.userId!,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('mapping_campaign_participants')
      .values(orgs.map((o) => ({ campaign_id: c.id, organisation_id: o })))
      .execute();
    if (input.respondentUnit === 'administration')
      await trx
        .insertInto('mapping_responses')
        .values(orgs.map((o) => ({ campaign_id: c.id, organisation_id: o, answers: '{}' })))
        .execute();
    await recordAudit(trx, a, {
      action: 'mapping_campaign.opened',
      recordKind: 'mapping_campaign',
      recordId: c.id,
      changes: {
        questionnaire: v.code,
        version: v.version,
        sharing: input.sharing,
        respondentUnit: input.respondentUnit,
        administrations: orgs.length,
        opensAt: opens.toISOString(),
        closesAt: closes.toISOString(),
      },
    });
    await enqueue(trx, 'mapping.campaign_opened', { campaignId: c.id });
    return c.id;
  });
  return getCampaign(db, a, id);
}

/** Campaigns the caller may read, newest first, with abilities. */
export async function listCampaigns(db: Database, a: Actor) {
  const rows = await db
    .selectFrom('mapping_campaigns as c')
    .innerJoin('mapping_questionnaire_versions as v', 'v.id', 'c.questionnaire_version_id')
    .innerJoin('mapping_questionnaires as q', 'q.id', 'v.questionnaire_id')
    .select([
      'c.id',
      'c.title',
      'c.network_id',
      'c.opens_at',
      'c.closes_at',
      'c.sharing',
      'c.respondent_unit',
      'q.id as questionnaire_id',
      'q.code as questionnaire_code',
      'v.version',
    ])
    .where(campaignPolicy.readable(a, 'c'))
    .orderBy('c.created_at', 'desc')
    .limit(500)
    .execute();
  const now = new Date();
  const items = [];
  for (const c of rows) {
    const facts = await campaignFacts(db, a, c);
    items.push({ ...campaignView(c), abilities: campaignAbilities(a, facts, now) });
  }
  return { items };
}

function campaignView(c: {
  id: string;
  title: string;
  network_id: string;
  opens_at: Date;
  closes_at: Date;
  sharing: CampaignSharing;
  respondent_unit: RespondentUnit;
  questionnaire_id: string;
  questionnaire_code: string;
  version: string;
}) {
  return {
    id: c.id,
    title: c.title,
    networkId: c.network_id,
    opensAt: iso(c.opens_at),
    closesAt: iso(c.closes_at),
    sharing: c.sharing,
    respondentUnit: c.respondent_unit,
    questionnaireId: c.questionnaire_id,
    questionnaireCode: c.questionnaire_code,
    version: c.version,
  };
}

/** One campaign: participants, the caller's assignments and readable responses, abilities. */
export async function getCampaign(db: Database, a: Actor, id: string) {
  const { row, facts } = await loadCampaign(db, a, id);
  const abilities = campaignAbilities(a, facts, new Date());
  const participants = await db
    .selectFrom('mapping_campaign_participants as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['o.id', 'o.code', 'o.name', 'o.names'])
    .where('p.campaign_id', '=', id)
    .orderBy('o.code')
    .execute();
  const assignments = await db
    .selectFrom('mapping_assignments as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 'u.display_name', 's.role', 's.organisation_id'])
    .where('s.campaign_id', '=', id)
    .where('s.organisation_id', '=', a.orgId ?? '00000000-0000-0000-0000-000000000000')
    .where((eb) => (abilities.rate === 'own' ? eb.val(true) : eb('s.user_id', '=', a.userId!)))
    .execute();
  const responses = await db
    .selectFrom('mapping_responses as r')
    .select(['r.id', 'r.organisation_id', 'r.respondent_user_id', 'r.status'])
    .where('r.campaign_id', '=', id)
    .where('r.organisation_id', '=', a.orgId ?? '00000000-0000-0000-0000-000000000000')
    .where(responsePolicy.readable(a, 'r'))
    .execute();
  return {
    ...campaignView(row),
    networkCode: row.network_code,
    target: row.target,
    reminderDays: row.reminder_days,
    participants: participants.map((p) => ({ id: p.id, code: p.code, name: p.name, names: p.names })),
    myRoles: [...facts.myRoles],
    assignments: assignments.map((s) => ({
      id: s.id,
      userId: s.user_id,
      displayName: s.display_name,
      role: s.role,
      // the same rule as DELETE …/assignments/:id (the caller's own administration, while it accepts answers)
      abilities: { remove: abilities.assign },
    })),
    recordMappings: await recordMappingsOf(db, id),
    myResponses: responses.map((r) => ({
      id: r.id,
      respondentUserId: r.respondent_user_id,
      status: r.status,
    })),
    abilities,
  };
}

/** The coordinator moves the close later (late answers are refused until then). */
export async function extendCampaign(
  deps: Pick<AppDeps, 'db' | 'outbox'>,
  a: Actor,
  id: string,
  closesAt: string,
) {
  const { row, facts } = await loadCampaign(deps.db, a, id);
  if (!campaignAbilities(a, facts, new Date()).extend)
    throw forbidden('Only a coordinator of the campaign’s network extends it.');
  const closes = new Date(closesAt);
  if (!(closes > row.closes_at) || closes <= new Date())
    throw badRequest('The new close must be later than the current one and in the future.', [
      { field: 'body.closesAt', message: 'not later than the current close' },
    ]);
  await change(deps, async (trx) => {
    await trx.updateTable('mapping_campaigns').set({ closes_at: closes }).where('id', '=', id).execute();
    await recordAudit(trx, a, {
      action: 'mapping_campaign.extended',
      recordKind: 'mapping_campaign',
      recordId: id,
      changes: { closesAt: { before: row.closes_at.toISOString(), after: closes.toISOString() } },
    });
  });
  return getCampaign(deps.db, a, id);
}

/** The NCP / deputy names a respondent or the validator of their administration's answer. */
export async function assignInCampaign(
  deps: Pick<AppDeps, 'db' | 'outbox'>,
  a: Actor,
  id: string,
  input: { userId: string; role: AssignmentRole },
) {
  const { row, facts } = await loadCampaign(deps.db, a, id);
  if (!campaignAbilities(a, facts, new Date()).assign)
    throw forbidden(
      'The NCP or a deputy of a participating administration assigns, while the campaign is open.',
    );
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'organisation_id', 'status'])
    .where('id', '=', input.userId)
    .executeTakeFirst();
  if (user?.status !== 'active' || user.organisation_id !== a.orgId)
    throw badRequest('Assign an active user of your own administration.', [
      { field: 'body.userId', message: 'not an active user of your administration' },
    ]);
  const assignmentId = await change(deps, async (trx) => {
    const s = await trx
      .insertInto('mapping_assignments')
      .values({
        campaign_id: id,
        organisation_id: a.orgId!,
        user_id: user.id,
        role: input.role,
        assigned_by: a.userId!,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // person unit: the person's response (kept when an earlier assignment was removed)
    const existing =
      row.respondent_unit === 'person' && input.role === 'respondent'
        ? await trx
            .selectFrom('mapping_responses')
            .select('id')
            .where('campaign_id', '=', id)
            .where('respondent_user_id', '=', user.id)
            .executeTakeFirst()
        : undefined;
    if (row.respondent_unit === 'person' && input.role === 'respondent' && !existing)
      await trx
        .insertInto('mapping_responses')
        .values({ campaign_id: id, organisation_id: a.orgId!, respondent_user_id: user.id, answers: '{}' })
        .execute();
    await recordAudit(trx, a, {
      action: 'mapping_assignment.created',
      recordKind: 'mapping_assignment',
      recordId: s.id,
      changes: { campaign: id, user: user.id, role: input.role },
    });
    await enqueue(trx, 'mapping.assigned', { assignmentId: s.id });
    return s.id;
  });
  return { id: assignmentId, userId: user.id, role: input.role };
}

/**
 * The NCP / deputy removes an assignment of their administration (audited). A person's draft stays
 * with the administration: the response is kept, its NCP / deputy and validator still read it.
 */
export async function removeAssignment(
  deps: Pick<AppDeps, 'db' | 'outbox'>,
  a: Actor,
  id: string,
  assignmentId: string,
) {
  const { facts } = await loadCampaign(deps.db, a, id);
  const s = await deps.db
    .selectFrom('mapping_assignments')
    .select(['id', 'user_id', 'role', 'organisation_id'])
    .where('id', '=', assignmentId)
    .where('campaign_id', '=', id)
    .executeTakeFirst();
  // another administration's assignments are not the caller's to see
  if (!s || s.organisation_id !== a.orgId) throw notFound('No such assignment in your administration.');
  if (!campaignAbilities(a, facts, new Date()).assign)
    throw forbidden(
      'The NCP or a deputy of the administration removes assignments, while the campaign is open.',
    );
  await change(deps, async (trx) => {
    await trx.deleteFrom('mapping_assignments').where('id', '=', s.id).execute();
    await recordAudit(trx, a, {
      action: 'mapping_assignment.removed',
      recordKind: 'mapping_assignment',
      recordId: s.id,
      organisationId: s.organisation_id,
      changes: { campaign: id, user: s.user_id, role: s.role },
    });
  });
}
