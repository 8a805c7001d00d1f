import { type RawBuilder, sql } from 'kysely';
import type { AssignmentRole, CampaignSharing, ResponseStatus } from '../db/mapping-schema.ts';
import { type Actor, canWrite, isOrgManager, isPlatformAdmin, isReadOnlyOrg, isUser } from './actor.ts';
import { definePolicy } from './policy.ts';

/**
 * Mapping exercises (src/modules/mapping): questionnaires, campaigns, responses and results.
 * Every decision of the module is taken here — abilities per row and the SQL filters of lists.
 *
 * - Questionnaires: every signed-in user reads the published versions; the coordinators of the
 *   questionnaire's network and the platform administrators import them (and new versions).
 * - Campaigns: a coordinator of a network sends a version of a questionnaire (of that network, or
 *   of none) to administrations. A campaign is read by its network's coordinators, the users of the
 *   participating administrations and the Commission (observers).
 * - Assignments: the NCP / deputy of a participating administration names respondents and
 *   validators among its users (and removes them) while the campaign accepts answers; a removed
 *   person no longer reads or drafts the response, which stays with the administration.
 * - Answers feed records: the coordinators map a repeat group to a registry kind; the records are
 *   created by the registry's own operations as the validator (registry-policy.ts decides).
 * - Responses: an administration's response is read and drafted by its assigned colleagues (a
 *   person's response by that person) and its NCP / deputy; it is validated by a validator or the
 *   NCP / deputy who is not its last editor; the coordinator reads validated responses and
 *   reopens them; in `named` campaigns every participant reads the validated responses.
 * - Results (validated responses only): the coordinator sees everything, named; participants see
 *   everything in `named`, aggregates with small-cell suppression (k = 3, own answer apart) in
 *   `aggregate_only`, nothing in `coordinator_only`. Commission observers see the aggregate view in
 *   `named` and `aggregate_only`, nothing in `coordinator_only`. Who is missing: the coordinator
 *   (all), each NCP / deputy (their own administration). Exports: the coordinator, and the
 *   participants of `named` campaigns.
 */

export interface CampaignFacts {
  networkId: string;
  sharing: CampaignSharing;
  opensAt: Date;
  closesAt: Date;
  /** The caller's administration takes part in the campaign. */
  participant: boolean;
  /** The caller's assignments in the campaign. */
  myRoles: ReadonlySet<AssignmentRole>;
}

export interface ResponseFacts {
  organisationId: string;
  respondentUserId: string | null;
  status: ResponseStatus;
  lastEditorId: string | null;
}

export type ResultView = 'full' | 'aggregate' | 'none';

export function isCoordinatorOf(a: Actor, networkId: string | null): boolean {
  return isUser(a) && networkId !== null && a.networkRoles.get(networkId) === 'coordinator';
}

/** May the actor import a questionnaire (or a new version of one) for this network (null: none)? */
export function canImportQuestionnaire(a: Actor, networkId: string | null): boolean {
  return canWrite(a) && (isPlatformAdmin(a) || isCoordinatorOf(a, networkId));
}

export function questionnaireAbilities(a: Actor, q: { network_id: string | null }) {
  const read = isUser(a);
  return {
    read,
    export: read,
    importVersion: canImportQuestionnaire(a, q.network_id),
    sendCampaign: canWrite(a) && [...a.networkRoles].some(([, r]) => r === 'coordinator'),
  };
}

/** May the actor send a campaign from this network with a questionnaire of `questionnaireNetwork`? */
export function canSendCampaign(a: Actor, networkId: string, questionnaireNetwork: string | null): boolean {
  return (
    canWrite(a) &&
    isCoordinatorOf(a, networkId) &&
    (questionnaireNetwork === null || questionnaireNetwork === networkId)
  );
}

export function acceptsAnswers(f: Pick<CampaignFacts, 'opensAt' | 'closesAt'>, now: Date): boolean {
  return now >= f.opensAt && now < f.closesAt;
}

export function canReadCampaign(a: Actor, f: CampaignFacts): boolean {
  return isUser(a) && (isCoordinatorOf(a, f.networkId) || f.participant || isReadOnlyOrg(a));
}

/** What the actor sees of the results of a campaign they may read. */
export function resultView(a: Actor, f: CampaignFacts): ResultView {
  if (!canReadCampaign(a, f)) return 'none';
  if (isCoordinatorOf(a, f.networkId)) return 'full';
  if (f.sharing === 'coordinator_only') return 'none';
  if (f.participant && f.sharing === 'named') return 'full';
  return 'aggregate';
}

export function campaignAbilities(a: Actor, f: CampaignFacts, now: Date) {
  const read = canReadCampaign(a, f);
  const coordinator = isCoordinatorOf(a, f.networkId);
  const manager = f.participant && isUser(a) && isOrgManager(a, a.orgId);
  const results = resultView(a, f);
  return {
    read,
    extend: read && coordinator && canWrite(a),
    /** Map repeat groups to registry kinds (answers feed draft records): the coordinators. */
    mapRecords: read && coordinator && canWrite(a),
    /** Assign (and remove assignments): the NCP / deputy while the campaign accepts answers. */
    assign: read && manager && canWrite(a) && acceptsAnswers(f, now),
    results,
    /** Response rate and who is missing: all administrations, the caller's own, or none. */
    rate: (coordinator ? 'all' : manager ? 'own' : 'none') as 'all' | 'own' | 'none',
    export: coordinator || (results === 'full' && f.participant),
  };
}

/** The actor is one of the people who answer for this response (or its NCP / deputy). */
export function isAnswering(a: Actor, f: CampaignFacts, r: ResponseFacts): boolean {
  if (!isUser(a) || a.orgId !== r.organisationId || !f.participant) return false;
  if (isOrgManager(a, r.organisationId) || f.myRoles.has('validator')) return true;
  // a person's response: that person while they hold the assignment (removed: it stays with the NCP)
  return f.myRoles.has('respondent') && (r.respondentUserId === null || r.respondentUserId === a.userId);
}

export function responseAbilities(a: Actor, f: CampaignFacts, r: ResponseFacts, now: Date) {
  const answering = isAnswering(a, f, r);
  const coordinator = isCoordinatorOf(a, f.networkId);
  const validated = r.status === 'validated';
  const read =
    answering || (validated && (coordinator || (f.sharing === 'named' && f.participant && isUser(a))));
  const open = acceptsAnswers(f, now) && !validated && canWrite(a);
  const validator = isUser(a) && (f.myRoles.has('validator') || isOrgManager(a, r.organisationId));
  return {
    read,
    update: answering && open,
    validate: answering && open && validator && r.lastEditorId !== null && r.lastEditorId !== a.userId,
    reopen: validated && coordinator && canWrite(a),
  };
}

const FALSE = sql<boolean>`false`;

function coordinatedNetworks(a: Actor): string[] {
  return [...a.networkRoles].filter(([, r]) => r === 'coordinator').map(([id]) => id);
}

function inList(ids: readonly string[]): RawBuilder<unknown> {
  return ids.length ? sql`(${sql.join(ids.map((id) => sql`${id}::uuid`))})` : sql`(NULL::uuid)`;
}

/** SQL over campaigns `alias`: the campaigns the actor may read (same rule as canReadCampaign). */
function readableCampaigns(a: Actor, alias: string): RawBuilder<boolean> {
  if (!isUser(a)) return FALSE;
  if (isReadOnlyOrg(a)) return sql<boolean>`true`;
  const c = (col: string) => sql.ref(`${alias}.${col}`);
  return sql<boolean>`(${c('network_id')} IN ${inList(coordinatedNetworks(a))} OR EXISTS (SELECT 1 FROM mapping_campaign_participants p WHERE p.campaign_id = ${c('id')} AND p.organisation_id = ${a.orgId}::uuid))`;
}

/** SQL over responses `alias`: the responses the actor may read (same rule as responseAbilities.read). */
function readableResponses(a: Actor, alias: string): RawBuilder<boolean> {
  if (!isUser(a)) return FALSE;
  const r = (col: string) => sql.ref(`${alias}.${col}`);
  const participant = sql`EXISTS (SELECT 1 FROM mapping_campaign_participants p WHERE p.campaign_id = ${r('campaign_id')} AND p.organisation_id = ${a.orgId}::uuid)`;
  const role = (name: AssignmentRole) =>
    sql`EXISTS (SELECT 1 FROM mapping_assignments s WHERE s.campaign_id = ${r('campaign_id')} AND s.user_id = ${a.userId}::uuid AND s.role = ${name})`;
  const manager = isOrgManager(a, a.orgId);
  const answering = sql<boolean>`(${r('organisation_id')} = ${a.orgId}::uuid AND ${participant} AND (${sql.lit(manager)} OR ${role('validator')} OR (${role('respondent')} AND (${r('respondent_user_id')} IS NULL OR ${r('respondent_user_id')} = ${a.userId}::uuid))))`;
  const others = sql<boolean>`(${r('status')} = 'validated' AND EXISTS (SELECT 1 FROM mapping_campaigns c WHERE c.id = ${r('campaign_id')} AND (c.network_id IN ${inList(coordinatedNetworks(a))} OR (c.sharing = 'named' AND ${participant}))))`;
  return sql<boolean>`(${answering} OR ${others})`;
}

/** Questionnaires and their versions: every signed-in user reads them. */
export const questionnairePolicy = definePolicy({
  resource: 'mapping_questionnaire',
  tables: ['mapping_questionnaires', 'mapping_questionnaire_versions'],
  abilities: questionnaireAbilities,
  readable: (a: Actor) => (isUser(a) ? sql<boolean>`true` : FALSE),
});

/**
 * Campaigns, their participants, assignments, reminders sent and record mappings (abilities at the current
 * time; operations that decide at another instant call `campaignAbilities` with it).
 */
export const campaignPolicy = definePolicy({
  resource: 'mapping_campaign',
  tables: [
    'mapping_campaigns',
    'mapping_campaign_participants',
    'mapping_assignments',
    'mapping_reminders_sent',
    'mapping_record_mappings',
  ],
  abilities: (a: Actor, f: CampaignFacts) => campaignAbilities(a, f, new Date()),
  readable: readableCampaigns,
});

/** A response with the facts of its campaign (the caller's participation and assignments). */
export interface ResponseRow {
  campaign: CampaignFacts;
  response: ResponseFacts;
}

/** Responses, their saved versions, the records their repeat-group entries fed and their file answers. */
export const responsePolicy = definePolicy({
  resource: 'mapping_response',
  tables: [
    'mapping_responses',
    'mapping_response_versions',
    'mapping_record_links',
    'mapping_response_files',
  ],
  abilities: (a: Actor, r: ResponseRow) => responseAbilities(a, r.campaign, r.response, new Date()),
  readable: readableResponses,
});
