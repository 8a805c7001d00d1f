import { expressionBuilder, type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type Actor, isOrgManager, isPlatformAdmin, isUser } from './actor.ts';
import { jobReadableFilter } from './job-policy.ts';
import { readableCampaigns, readableResponses } from './mapping-policy.ts';
import { readableRisk } from './risk-policy.ts';
import { canReadLists, screeningOrgFilter } from './screening-policy.ts';
import { SHARED_KINDS } from './shared-kinds.ts';

/**
 * Who may see an audit event, and who may read its details (`changes`: the before/after values,
 * file names, scores, entity ids — whatever describes the record's content).
 *
 * - The event itself (who, when, action, record kind and id) is seen by platform administrators,
 *   by the NCP / deputy of the event's organisation, by the actor, by the user it is about, and
 *   by whoever may read the details.
 * - The details are decided by the record kind's own policy, through ONE registry below
 *   (`AUDIT_KIND_RULES`): risk data → risk analysts of the owning administration
 *   (`risk-policy.ts`); screening parties, cases and batches → screening reviewers of the owning
 *   administration (`screening-policy.ts`); jobs and their files → whoever may read the job
 *   (`job-policy.ts`); shared records (registry kinds, announcements among them) → their readers
 *   (`SHARED_KINDS`); the platform's own objects (users, memberships, organisations, …) → those
 *   entitled to the event.
 * - A record kind without a rule has hidden details (deny by default); `audit-policy.test.ts`
 *   fails when code writes an audit event with a kind that has no rule.
 */

/** SQL context of one audit row: its alias and whether the actor is entitled to the event. */
export interface AuditRuleContext {
  /** Alias of the `audit_events` row (columns record_kind, record_id, organisation_id, actor_id). */
  e: string;
  /** The actor is entitled to the event (administrator, NCP of its organisation, actor, subject). */
  entitled: RawBuilder<boolean>;
}

export interface AuditDetailRule {
  /** SQL: may the actor read the details of this event? */
  details(a: Actor, kind: string, ctx: AuditRuleContext): RawBuilder<boolean>;
  /** Fields of `changes` shown only to readers of the owning organisation. */
  ownerOnlyFields?: readonly string[];
}

const FALSE = sql<boolean>`false`;

/**
 * `id` (the uuid primary key of alias `rec`) = the event's record id, in a form that uses the
 * primary key index and never fails on a record id that is not a uuid.
 */
function sameId(rec: string, e: string): RawBuilder<boolean> {
  const rid = sql.ref(`${e}.record_id`);
  return sql<boolean>`${sql.ref(`${rec}.id`)} = (CASE WHEN ${rid} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN ${rid}::uuid END)`;
}

/** The record exists in `table` (id = the event's record id) and passes `readable` (alias `rec`). */
function recordReadable(
  table: string,
  readable: (alias: string) => RawBuilder<boolean>,
): AuditDetailRule['details'] {
  return (_a, _kind, { e }) =>
    sql<boolean>`EXISTS (SELECT 1 FROM ${sql.table(table)} AS rec WHERE ${sameId('rec', e)} AND ${readable('rec')})`;
}

/** Shared records (access envelope): their readers, by the kind's readable filter. */
function sharedRule(kind: string): AuditDetailRule {
  const entry = SHARED_KINDS[kind]!;
  return {
    details: (a, k, ctx) => recordReadable(entry.table, (rec) => entry.readable(a, k, rec))(a, k, ctx),
    ownerOnlyFields: entry.ownerOnlyFields,
  };
}

/** Risk datasets, models and batches: risk analysts of the owning administration. */
function riskRule(table: 'risk_datasets' | 'risk_models' | 'risk_batches'): AuditDetailRule {
  return { details: (a, k, ctx) => recordReadable(table, (rec) => readableRisk(a, rec))(a, k, ctx) };
}

/** Screening parties, cases and batches: screening reviewers of the owning administration. */
function screeningRule(
  table: 'screening_parties' | 'screening_cases' | 'screening_batches',
): AuditDetailRule {
  return {
    details: (a, k, ctx) => {
      const org = screeningOrgFilter(a);
      if (org === null) return FALSE;
      return recordReadable(
        table,
        (rec) => sql<boolean>`${sql.ref(`${rec}.organisation_id`)} = ${org}::uuid`,
      )(a, k, ctx);
    },
  };
}

/** Jobs (and imports run as jobs, whose record id is the job's): whoever may read the job. */
const jobRule: AuditDetailRule = {
  details: (a, _k, { e }) => {
    if (!isUser(a)) return FALSE;
    const eb = expressionBuilder<DB, never>();
    const q = eb
      .selectFrom('jobs')
      .select(sql`1`.as('one'))
      .where(jobReadableFilter(a))
      .where(sameId('jobs', e));
    return sql<boolean>`EXISTS (${q})`;
  },
};

/** The platform's own objects: those entitled to the event (as before this policy). */
const entitledRule: AuditDetailRule = { details: (_a, _k, { entitled }) => entitled };

/**
 * Record kind → detail rule. Every kind the code writes to the audit trail must be here; a kind
 * missing here has hidden details.
 */
export const AUDIT_KIND_RULES: Readonly<Record<string, AuditDetailRule>> = Object.freeze({
  // shared records: every registry kind (network announcements included)
  ...Object.fromEntries(Object.keys(SHARED_KINDS).map((k) => [k, sharedRule(k)])),
  // risk analysis (src/modules/risk)
  risk_dataset: riskRule('risk_datasets'),
  risk_model: riskRule('risk_models'),
  risk_batch: riskRule('risk_batches'),
  // sanctions screening (src/modules/screening)
  screening_party: screeningRule('screening_parties'),
  screening_case: screeningRule('screening_cases'),
  screening_batch: screeningRule('screening_batches'),
  screening_list_version: {
    details: (a, _k, { entitled }) => (canReadLists(a) ? entitled : FALSE),
  },
  // mapping exercises (src/modules/mapping): questionnaires are read by every user; campaigns and
  // responses by their readers (mapping-policy.ts); assignments by those entitled to the event
  mapping_questionnaire: { details: (a, _k, { entitled }) => (isUser(a) ? sql<boolean>`true` : entitled) },
  mapping_campaign: {
    details: (a, k, ctx) =>
      recordReadable('mapping_campaigns', (rec) => readableCampaigns(a, rec))(a, k, ctx),
  },
  mapping_response: {
    details: (a, k, ctx) =>
      recordReadable('mapping_responses', (rec) => readableResponses(a, rec))(a, k, ctx),
  },
  mapping_assignment: entitledRule,
  // background jobs and the imports that run as jobs
  job: jobRule,
  import_job: jobRule,
  // the platform's own objects
  user: entitledRule,
  membership: entitledRule,
  organisation: entitledRule,
  sharing_group: entitledRule,
  identity_provider: entitledRule,
  code_list: entitledRule,
});

export function hasAuditRule(kind: string): boolean {
  return Object.hasOwn(AUDIT_KIND_RULES, kind);
}

/** SQL: the actor is entitled to see that the event happened (not necessarily its details). */
export function auditEventEntitled(a: Actor, e = 'e'): RawBuilder<boolean> {
  if (!isUser(a)) return FALSE;
  const col = (c: string) => sql.ref(`${e}.${c}`);
  const admin = isPlatformAdmin(a);
  const manager = isOrgManager(a, a.orgId);
  const concernsMe = sql<boolean>`(${col('actor_id')} = ${a.userId}::uuid OR (${col('record_kind')} = 'user' AND ${col('record_id')} = ${a.userId}))`;
  return sql<boolean>`(${sql.lit(admin)} OR (${sql.lit(manager)} AND ${col('organisation_id')} = ${a.orgId}::uuid) OR ${concernsMe})`;
}

/**
 * SQL: may the actor read the details of event `e`? One CASE over the registered kinds; every
 * other kind answers false (deny by default).
 */
export function auditDetailsReadable(a: Actor, e = 'e'): RawBuilder<boolean> {
  if (!isUser(a)) return FALSE;
  const ctx: AuditRuleContext = { e, entitled: auditEventEntitled(a, e) };
  const branches = Object.entries(AUDIT_KIND_RULES).map(
    ([kind, rule]) => sql`WHEN ${kind} THEN (${rule.details(a, kind, ctx)})`,
  );
  return sql<boolean>`(CASE ${sql.ref(`${e}.record_kind`)} ${sql.join(branches, sql` `)} ELSE false END)`;
}

/** SQL: may the actor see event `e` in a list at all (its existence)? */
export function auditEventVisible(a: Actor, e = 'e'): RawBuilder<boolean> {
  return sql<boolean>`(${auditEventEntitled(a, e)} OR ${auditDetailsReadable(a, e)})`;
}

export interface AuditRowRef {
  record_kind: string;
  record_id: string | null;
  organisation_id: string | null;
  actor_id: string | null;
}

/** The row check: may the actor read the details of this one event (same rule as the lists)? */
export async function mayReadAuditDetails(db: Kysely<DB>, a: Actor, row: AuditRowRef): Promise<boolean> {
  if (!hasAuditRule(row.record_kind) || !isUser(a)) return false;
  const r = await sql<{ ok: boolean }>`
    SELECT ${auditDetailsReadable(a, 'e')} AS ok
    FROM (SELECT ${row.record_kind}::text AS record_kind, ${row.record_id}::text AS record_id,
                 ${row.organisation_id}::uuid AS organisation_id, ${row.actor_id}::uuid AS actor_id) AS e`.execute(
    db,
  );
  return r.rows[0]?.ok === true;
}

/**
 * What the reader gets of an event's `changes`: all of them when they may read the details
 * (less the owner-only fields outside the owning organisation), else nothing.
 */
export function auditChangesFor(
  a: Actor,
  row: { record_kind: string; organisation_id: string | null; changes: unknown },
  detailsReadable: boolean,
): { changes: Record<string, unknown> | null; valuesHidden: boolean } {
  const rule = AUDIT_KIND_RULES[row.record_kind];
  if (!rule || !detailsReadable) return { changes: null, valuesHidden: true };
  let visible = (row.changes ?? {}) as Record<string, unknown>;
  const ownerOnly = rule.ownerOnlyFields ?? [];
  if (ownerOnly.length && row.organisation_id !== a.orgId) {
    visible = Object.fromEntries(Object.entries(visible).filter(([k]) => !ownerOnly.includes(k)));
  }
  return { changes: visible, valuesHidden: false };
}
