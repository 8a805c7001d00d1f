import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type Actor, isOrgManager, isPlatformAdmin, isUser } from './actor.ts';
import { jobPolicy } from './job-policy.ts';
import { campaignPolicy, responsePolicy } from './mapping-policy.ts';
import { definePolicy, type TableName } from './policy.ts';
import { riskBatchPolicy, riskDatasetPolicy, riskModelPolicy } from './risk-policy.ts';
import { recommendationResponsePolicy } from './risk-sharing-policy.ts';
import {
  canReadLists,
  screeningBatchPolicy,
  screeningCasePolicy,
  screeningPartyPolicy,
} from './screening-policy.ts';
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

/**
 * The detail rule of one record kind, in one of two forms (each readable both in SQL, for lists,
 * and in code, for one row — `auditEventPolicy.abilities`):
 * - `subject`: the details are read by whoever may read the event's record through its kind's
 *   policy (the record's table and that policy's `readable`);
 * - `who`: the details are read by every signed-in user (`all`), by those entitled to the event
 *   (`entitled`), or by nobody (`none`), decided from the actor alone.
 */
export type AuditDetailRule = (
  | {
      subject: { table: TableName; readable: (a: Actor, kind: string, alias: string) => RawBuilder<boolean> };
    }
  | { who: (a: Actor) => 'all' | 'entitled' | 'none' }
) & {
  /** Fields of `changes` shown only to readers of the owning organisation. */
  ownerOnlyFields?: readonly string[];
};

const FALSE = sql<boolean>`false`;

/**
 * `id` (the uuid primary key of alias `rec`) = the event's record id, in a form that uses the
 * primary key index and never fails on a record id that is not a uuid.
 */
function sameId(rec: string, e: string): RawBuilder<boolean> {
  const rid = sql.ref(`${e}.record_id`);
  return sql<boolean>`${sql.ref(`${rec}.id`)} = (CASE WHEN ${rid} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN ${rid}::uuid END)`;
}

/** The record exists in its table (id = the event's record id) and its policy lets the actor read it. */
export function auditSubjectReadable(a: Actor, kind: string, e: string): RawBuilder<boolean> | null {
  const rule = AUDIT_KIND_RULES[kind];
  if (!rule || !('subject' in rule)) return null;
  const { table, readable } = rule.subject;
  return sql<boolean>`EXISTS (SELECT 1 FROM ${sql.table(table)} AS rec WHERE ${sameId('rec', e)} AND ${readable(a, kind, 'rec')})`;
}

/** Shared records (access envelope): their readers, by the kind's readable filter. */
function sharedRule(kind: string): AuditDetailRule {
  const entry = SHARED_KINDS[kind]!;
  return {
    subject: { table: entry.table, readable: entry.readable },
    ownerOnlyFields: entry.ownerOnlyFields,
  };
}

/** A record of a kind with a resource policy: its readers. */
function policyRule(
  table: TableName,
  policy: { readable(a: Actor, alias: string): RawBuilder<boolean> },
): AuditDetailRule {
  return { subject: { table, readable: (a, _kind, alias) => policy.readable(a, alias) } };
}

/** The platform's own objects: those entitled to the event (as before this policy). */
const entitledRule: AuditDetailRule = { who: () => 'entitled' };

/**
 * Record kind → detail rule. Every kind the code writes to the audit trail must be here; a kind
 * missing here has hidden details.
 */
export const AUDIT_KIND_RULES: Readonly<Record<string, AuditDetailRule>> = Object.freeze({
  // shared records: every registry kind (network announcements included)
  ...Object.fromEntries(Object.keys(SHARED_KINDS).map((k) => [k, sharedRule(k)])),
  // risk analysis (src/modules/risk)
  risk_dataset: policyRule('risk_datasets', riskDatasetPolicy),
  risk_model: policyRule('risk_models', riskModelPolicy),
  risk_batch: policyRule('risk_batches', riskBatchPolicy),
  // responses to profile recommendations (src/modules/risk-sharing)
  recommendation_response: policyRule('recommendation_responses', recommendationResponsePolicy),
  // sanctions screening (src/modules/screening)
  screening_party: policyRule('screening_parties', screeningPartyPolicy),
  screening_case: policyRule('screening_cases', screeningCasePolicy),
  screening_batch: policyRule('screening_batches', screeningBatchPolicy),
  screening_list_version: { who: (a) => (canReadLists(a) ? 'entitled' : 'none') },
  // mapping exercises (src/modules/mapping): questionnaires are read by every user; campaigns and
  // responses by their readers (mapping-policy.ts); assignments by those entitled to the event
  mapping_questionnaire: { who: (a) => (isUser(a) ? 'all' : 'entitled') },
  mapping_campaign: policyRule('mapping_campaigns', campaignPolicy),
  mapping_response: policyRule('mapping_responses', responsePolicy),
  mapping_assignment: entitledRule,
  // background jobs and the imports that run as jobs (whose record id is the job's)
  job: policyRule('jobs', jobPolicy),
  import_job: policyRule('jobs', jobPolicy),
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
  const entitled = auditEventEntitled(a, e);
  const branches = Object.entries(AUDIT_KIND_RULES).map(([kind, rule]) => {
    if ('subject' in rule) return sql`WHEN ${kind} THEN (${auditSubjectReadable(a, kind, e)})`;
    const who = rule.who(a);
    return sql`WHEN ${kind} THEN (${who === 'all' ? sql<boolean>`true` : who === 'entitled' ? entitled : FALSE})`;
  });
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

/** An audit event as its policy decides on it. */
export interface AuditEventRow extends AuditRowRef {
  /**
   * The event's record is readable to the actor through its kind's policy (for kinds whose
   * details follow their record; false when the record no longer exists; ignored otherwise).
   */
  subjectReadable: boolean;
}

export interface AuditEventAbilities {
  /** See that the event happened (who, when, action, record kind and id). */
  read: boolean;
  /** Read its details (`changes`). */
  details: boolean;
}

/** The row rule equal to `auditEventEntitled` (SQL). */
function entitledTo(a: Actor, row: AuditRowRef): boolean {
  if (!isUser(a)) return false;
  return (
    isPlatformAdmin(a) ||
    (isOrgManager(a, a.orgId) && row.organisation_id === a.orgId) ||
    row.actor_id === a.userId ||
    (row.record_kind === 'user' && row.record_id === a.userId)
  );
}

function auditEventAbilities(a: Actor, row: AuditEventRow): AuditEventAbilities {
  const entitled = entitledTo(a, row);
  const rule = AUDIT_KIND_RULES[row.record_kind];
  let details = false;
  if (rule && isUser(a)) {
    if ('subject' in rule) details = row.subjectReadable;
    else {
      const who = rule.who(a);
      details = who === 'all' || (who === 'entitled' && entitled);
    }
  }
  return { read: entitled || details, details };
}

/** The audit trail: every list and export of events starts from `readable`. */
export const auditEventPolicy = definePolicy<AuditEventRow, AuditEventAbilities>({
  resource: 'audit_event',
  tables: ['audit_events'],
  abilities: auditEventAbilities,
  readable: (a, alias) => auditEventVisible(a, alias),
  fields: (a, row, data) =>
    auditChangesFor(a, { ...row, changes: data }, auditEventAbilities(a, row).details).changes ?? {},
});
