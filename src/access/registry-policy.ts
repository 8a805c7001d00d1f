import { type RawBuilder, sql } from 'kysely';
import { approvalSteps } from '../contract/access-shapes.ts';
import type { KindDefinition } from '../contract/registry-kinds.ts';
import type { RecordAbilities } from '../contract/registry-records.ts';
import type { RecordStatus } from '../db/schema.ts';
import { forbidden } from '../http/errors.ts';
import { type Actor, canWrite, isUser } from './actor.ts';
import { type ApprovalRound, approvalAbilities, holdsStep } from './approval-policy.ts';
import {
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
 * approved (src/access/approval-policy.ts): never by the submitter.
 */
export interface RegistryEnvelope extends SharedEnvelope {
  status: RecordStatus;
  submitted_by: string | null;
  /** The open approval round (submitted records of kinds with approval steps), else null. */
  approval: ApprovalRound | null;
}

/** What the caller may do with a record: declared in the contract (src/contract/registry-records.ts). */
export type { RecordAbilities } from '../contract/registry-records.ts';

const VISIBLE_OUTSIDE: readonly RecordStatus[] = ['published', 'retracted'];

export function recordAbilities(a: Actor, r: RegistryEnvelope, kind: KindDefinition): RecordAbilities {
  const shared = sharedAbilities(a, r);
  const steps = approvalSteps(kind);
  const own = isUser(a) && a.orgId === r.owner_org_id;
  const coEditor = shared.read && isUser(a) && r.editor_ids.includes(a.userId);
  const waiting = r.status === 'submitted' && !TLP_RULES[r.tlp].namedRecipientsOnly;
  const approver = waiting && steps.some((s) => holdsStep(a, r, s, r.approval?.reviewer_ids ?? []));
  const read = (shared.read && (VISIBLE_OUTSIDE.includes(r.status) || own || coEditor)) || approver;
  const live = r.status !== 'retracted';
  const decide = approvalAbilities(a, r, steps, r.approval);
  // The owner (author, NCP / deputy) manages; co-editors only change the content.
  const manage = read && shared.share;
  return {
    read,
    update: read && shared.update && live && r.status !== 'submitted',
    share: manage && live,
    export: read && shared.export,
    submit: manage && steps.length > 0 && r.status === 'draft',
    // With approval steps, the approval of the last step publishes; otherwise the owner publishes the draft.
    publish: steps.length > 0 ? read && decide.approve && decide.last : manage && r.status === 'draft',
    retract: read && shared.retract && live,
    comment: read && canWrite(a) && r.status === 'published',
    quote: read && shared.quote,
    restrictedFields: read && own,
    editors: manage && live,
    approve: read && decide.approve,
    reject: read && decide.reject,
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
export type KindForFilter = Pick<KindDefinition, 'name' | 'workflow' | 'network'>;

/**
 * The SQL equivalent of `recordAbilities(...).read` for the alias of registry_records: the shared
 * filter, narrowed to published records outside the owning organisation and the co-editors; or
 * a submitted record (not TLP:RED) waiting for approval by a step the actor holds. The kind is
 * handed in (its approval steps decide who reads while it waits): src/access never looks kinds up.
 */
export function readableRecords(a: Actor, k: KindForFilter, alias: string): RawBuilder<boolean> {
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
  return sql<boolean>`(${base} OR (${col('status')} = 'submitted' AND ${notRed} AND (${holdsAlways ? sql`true` : sql`false`} OR ${reviewer})))`;
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
