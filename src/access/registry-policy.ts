import { type RawBuilder, sql } from 'kysely';
import { approvalSteps } from '../contract/access-shapes.ts';
import type { KindDefinition } from '../contract/registry-kinds.ts';
import type { RecordAbilities } from '../contract/registry-records.ts';
import { NO_RECORD_ABILITIES } from '../contract/registry-records.ts';
import type { RecordStatus } from '../db/schema.ts';
import { forbidden } from '../http/errors.ts';
import { type Actor, canWrite, isUser } from './actor.ts';
import { type ApprovalRound, approvalAbilities, holdsStep } from './approval-policy.ts';
import { type PersonalEnvelope, personalAbilities, personalReadable } from './personal-data-policy.ts';
import {
  editedBy,
  readableFilter,
  type SharedEnvelope,
  sharedAbilities,
  sharedFilterParts,
} from './shared-record-policy.ts';
import { NAMED_RECIPIENTS_ONLY, TLP_RULES } from './tlp.ts';

/**
 * Registry records use the shared-record policy (distribution × TLP × named recipients × named
 * organisations × co-editors) plus the workflow: drafts and submitted records stay inside the
 * owning organisation (and with the record's co-editors) until published; while a record waits
 * for approval, the holders of its kind's approval steps read it too (not under TLP:RED, where
 * only named recipients read). Kinds with approval steps are published when the last step is
 * approved (src/access/approval-policy.ts): never by the submitter. A correction of a published
 * record of such a kind waits for the same steps (an open round with the proposed data): the
 * holders of the steps read the record meanwhile, and the owner's editors, the proposer and the
 * holders see the proposed correction (`correction`); only the proposer withdraws it.
 */
export interface RegistryEnvelope extends SharedEnvelope, Omit<PersonalEnvelope, 'owner_org_id' | 'status'> {
  status: RecordStatus;
  submitted_by: string | null;
  /** The open approval round (submitted records of kinds with approval steps), else null. */
  approval: ApprovalRound | null;
  /** Kinds released at an embargo: the moment (ISO 8601, UTC); absent or null reads as not yet. */
  embargo_at?: string | null;
  /** Kinds released at an embargo: the translators and reviewers of the record's language versions. */
  embargo_reader_ids?: readonly string[];
}

/** What the caller may do with a record: declared in the contract (src/contract/registry-records.ts). */
export type { RecordAbilities } from '../contract/registry-records.ts';
export { NO_RECORD_ABILITIES };

const VISIBLE_OUTSIDE: readonly RecordStatus[] = ['published', 'retracted'];

export function recordAbilities(a: Actor, r: RegistryEnvelope, kind: KindDefinition): RecordAbilities {
  // Records about a person (trainers): the personal-data rules narrow what the registry allows.
  if (kind.personalData) return personalAbilities(a, r, workflowAbilities(a, r, kind));
  const abilities = workflowAbilities(a, r, kind);
  if (!kind.embargoField) return abilities;
  // Released at an embargo: the audience reads once the record is published and the moment has
  // passed; before, only the insiders (the owning administration, co-editors, translators and
  // reviewers of its language versions; under TLP:RED only those who are named recipients).
  const insider = embargoInsider(a, r);
  if (isReleased(r) ? abilities.read || insider : insider) {
    if (abilities.read) return { ...abilities, comment: abilities.comment && isReleased(r) };
    return { ...NO_RECORD_ABILITIES, read: true, quote: TLP_RULES[r.tlp].quoteInNotifications };
  }
  return NO_RECORD_ABILITIES;
}

/** Published (or retracted) and the embargo has passed (a record without its moment is not released). */
export function isReleased(r: Pick<RegistryEnvelope, 'status' | 'embargo_at'>, now = Date.now()): boolean {
  const at = r.embargo_at ? Date.parse(r.embargo_at) : Number.NaN;
  return VISIBLE_OUTSIDE.includes(r.status) && !Number.isNaN(at) && at <= now;
}

/** Who reads a record of a kind released at an embargo before the moment (see recordAbilities). */
export function embargoInsider(a: Actor, r: RegistryEnvelope): boolean {
  if (!isUser(a)) return false;
  if (TLP_RULES[r.tlp].namedRecipientsOnly && !r.recipients.includes(a.userId)) return false;
  return (
    a.orgId === r.owner_org_id ||
    r.editor_ids.includes(a.userId) ||
    (r.embargo_reader_ids ?? []).includes(a.userId)
  );
}

function workflowAbilities(a: Actor, r: RegistryEnvelope, kind: KindDefinition): RecordAbilities {
  const shared = sharedAbilities(a, r);
  const steps = approvalSteps(kind);
  const own = isUser(a) && a.orgId === r.owner_org_id;
  const coEditor = shared.read && isUser(a) && r.editor_ids.includes(a.userId);
  // A published record of a kind with approval steps whose proposed correction waits for them.
  const correcting = steps.length > 0 && r.status === 'published' && r.approval?.correction === true;
  const waiting = (r.status === 'submitted' || correcting) && !TLP_RULES[r.tlp].namedRecipientsOnly;
  const approver = waiting && steps.some((s) => holdsStep(a, r, s, r.approval?.reviewer_ids ?? []));
  const read = (shared.read && (VISIBLE_OUTSIDE.includes(r.status) || own || coEditor)) || approver;
  const live = r.status !== 'retracted';
  // The correction's round is decided like a submission's (the proposer is its submitter).
  const decide = approvalAbilities(
    a,
    correcting ? { ...r, status: 'submitted', submitted_by: r.approval?.submitted_by ?? null } : r,
    steps,
    r.approval,
  );
  // The owner (author, NCP / deputy) manages; co-editors only change the content.
  const manage = read && shared.share;
  const update = read && shared.update && live && r.status !== 'submitted';
  const proposer = correcting && isUser(a) && r.approval?.submitted_by === a.userId;
  return {
    read,
    update,
    share: manage && live,
    export: read && shared.export,
    submit: manage && steps.length > 0 && r.status === 'draft',
    // With approval steps, the approval of the last step publishes; otherwise the owner publishes the draft.
    publish:
      steps.length > 0
        ? read && r.status === 'submitted' && decide.approve && decide.last
        : manage && r.status === 'draft',
    retract: read && shared.retract && live,
    comment: read && canWrite(a) && r.status === 'published',
    quote: read && shared.quote,
    restrictedFields: read && own,
    editors: manage && live,
    approve: read && decide.approve,
    reject: read && decide.reject,
    // The proposed correction: the owner's editors, its proposer and the holders of the steps see it.
    correction: read && correcting && (update || proposer || approver),
    withdrawCorrection: read && proposer && canWrite(a),
  };
}

/** The network a record is posted in: its own (`networkField`) or the kind's. */
export function recordNetwork(kind: KindDefinition, data: Record<string, unknown>): string {
  return kind.networkField ? String(data[kind.networkField] ?? '') : kind.network;
}

const posts = (role: string | undefined) => role === 'expert' || role === 'coordinator';

/**
 * May the actor add records of this kind (create, import)? A writer of the platform: not the
 * Commission (read-only everywhere), not anonymous or background actors. The record then belongs
 * to the actor's organisation. Every create path (REST create, import dry run and the import job)
 * asks this one function, and `GET /registry` reports it as the `create`/`import` ability.
 * Kinds whose records name their network (`networkField`) are asked with that network (`network`):
 * without one, the answer says whether the actor may post in any network.
 */
export function canCreateRecords(a: Actor, kind: KindDefinition, network?: string): boolean {
  if (!canWrite(a)) return false;
  const by = kind.access.createdBy;
  if (!by) return true;
  const inNetwork =
    by.network === true &&
    (kind.networkField && network === undefined
      ? [...a.networkCodes.values()].some(posts)
      : posts(a.networkCodes.get(network ?? kind.network)));
  return inNetwork || (by.orgRoles ?? []).some((r) => a.orgRoles.has(r));
}

/** Throws 403 unless the actor may add records of this kind (in the given network, see above). */
export function authoriseCreate(a: Actor, kind: KindDefinition, network?: string): void {
  if (canCreateRecords(a, kind, network)) return;
  if (!canWrite(a))
    throw forbidden(
      `You may not add ${kind.labelPlural.en.toLowerCase()}: your access is read-only (the European Commission observes; an API key needs the write scope).`,
    );
  const where = kind.networkField
    ? network === undefined
      ? 'the networks they are posted in'
      : `the ${network} network`
    : `the ${kind.network} network`;
  throw forbidden(
    `${kind.labelPlural.en} are added by the experts and coordinators of ${where}${kind.access.createdBy?.orgRoles?.length ? ` and by users holding the role ${kind.access.createdBy.orgRoles.join(' or ')}` : ''}: ask your NCP.`,
  );
}

/** What the registry's SQL filter needs of a kind: its name and its approval steps (as data). */
export type KindForFilter = Pick<
  KindDefinition,
  'name' | 'workflow' | 'network' | 'embargoField' | 'personalData'
>;

/**
 * The SQL equivalent of `recordAbilities(...).read` for the alias of registry_records: the shared
 * filter, narrowed to published records outside the owning organisation and the co-editors; or
 * a submitted record (not TLP:RED) waiting for approval by a step the actor holds. The kind is
 * handed in (its approval steps decide who reads while it waits): src/access never looks kinds up.
 */
export function readableRecords(a: Actor, k: KindForFilter, alias: string): RawBuilder<boolean> {
  const filter = workflowReadable(a, k, alias);
  if (k.personalData) return personalReadable(a, alias, filter);
  if (!k.embargoField) return filter;
  // The SQL of the embargo rule in recordAbilities: released records as the workflow allows, and
  // the insiders whatever the moment.
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const released = sql<boolean>`(${col('status')} IN ('published', 'retracted') AND (${col('data')}->>'embargo_at')::timestamptz <= now())`;
  if (!isUser(a)) return sql<boolean>`(${released} AND ${filter})`;
  const notRed = NAMED_RECIPIENTS_ONLY.length
    ? sql<boolean>`${col('tlp')} NOT IN (${sql.join(NAMED_RECIPIENTS_ONLY.map((m) => sql.lit(m)))})`
    : sql<boolean>`true`;
  const recipient = sql<boolean>`${col('id')} IN (SELECT rr.record_id FROM record_recipients rr
    WHERE rr.record_kind = ${k.name} AND rr.user_id = ${a.userId}::uuid)`;
  const insider = sql<boolean>`((${notRed} OR ${recipient}) AND ${embargoInsiderFilter(a, k.name, alias)})`;
  return sql<boolean>`((${released} AND ${filter}) OR ${insider})`;
}

/**
 * SQL: the user is of the owning administration, a co-editor, or a translator or reviewer of one of
 * the record's language versions (the insiders of a record under embargo; TLP:RED is checked apart).
 */
export function embargoInsiderFilter(a: Actor, kind: string, alias: string): RawBuilder<boolean> {
  if (!isUser(a)) return sql<boolean>`false`;
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<boolean>`(${col('owner_org_id')} = ${a.orgId}::uuid
    OR ${editedBy(a.userId, kind, col('id'))}
    OR ${col('id')} IN (SELECT mv.message_id FROM message_versions mv
      WHERE mv.translator_id = ${a.userId}::uuid OR mv.reviewer_id = ${a.userId}::uuid))`;
}

function workflowReadable(a: Actor, k: KindForFilter, alias: string): RawBuilder<boolean> {
  const kind = k.name;
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  if (!isUser(a))
    return sql<boolean>`(${readableFilter(a, kind, alias)} AND ${col('status')} IN ('published', 'retracted'))`;
  const own = sql<boolean>`${col('owner_org_id')} = ${a.orgId}::uuid`;
  // readableFilter AND (published or retracted OR own OR co-editor), written with each sub-query
  // once and the cheap column tests first (a co-editor reads whatever the distribution and status,
  // a named recipient under TLP:RED): the same rows, one hashed sub-plan fewer to plan and build.
  const p = sharedFilterParts(a, kind, alias);
  const base = sql<boolean>`((NOT ${p.namedOnly} OR ${p.recipient}) AND (((${p.namedOnly} OR ${p.distributed}) AND (${col('status')} IN ('published', 'retracted') OR ${own})) OR ${p.coEditor}))`;
  const steps = approvalSteps(k);
  // Steps the actor holds whatever the record (a network's coordinator, a role in a named
  // organisation), and the named reviewers of the open round; the owner's steps are covered above.
  const anyRecord = { owner_org_id: '', status: 'submitted', submitted_by: null };
  const holdsAlways = steps.some((s) => s.by !== 'named_reviewers' && holdsStep(a, anyRecord, s, []));
  const reviewer = steps.some((s) => s.by === 'named_reviewers')
    ? sql<boolean>`${col('id')} IN (SELECT s.record_id FROM record_submissions s
        WHERE s.record_kind = ${kind} AND s.state = 'open' AND ${a.userId}::uuid = ANY (s.reviewer_ids))`
    : sql<boolean>`false`;
  if (!holdsAlways && !steps.some((s) => s.by === 'named_reviewers')) return base;
  const notRed = NAMED_RECIPIENTS_ONLY.length
    ? sql<boolean>`${col('tlp')} NOT IN (${sql.join(NAMED_RECIPIENTS_ONLY.map((m) => sql.lit(m)))})`
    : sql<boolean>`true`;
  // Waiting: submitted, or published with a proposed correction in an open round.
  const waiting = sql<boolean>`(${col('status')} = 'submitted' OR (${col('status')} = 'published' AND ${col('id')} IN (
    SELECT c.record_id FROM record_submissions c
    WHERE c.record_kind = ${kind} AND c.state = 'open' AND c.proposed_data IS NOT NULL)))`;
  return sql<boolean>`(${base} OR (${waiting} AND ${notRed} AND (${holdsAlways ? sql`true` : sql`false`} OR ${reviewer})))`;
}

/** Removes the fields only the owning organisation may see. */
export function visibleData(
  kind: KindDefinition,
  data: Record<string, unknown>,
  abilities: Pick<RecordAbilities, 'restrictedFields'>,
) {
  if (abilities.restrictedFields) return data;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (!kind.fields[k]?.visibleTo) out[k] = v;
  return out;
}
