import { type RawBuilder, sql } from 'kysely';
import type { KindDefinition } from '../contract/registry-kinds.ts';
import type { RecordAbilities } from '../contract/registry-records.ts';
import type { RecordStatus } from '../db/schema.ts';
import { forbidden } from '../http/errors.ts';
import { type Actor, canWrite, isUser } from './actor.ts';
import { readableFilter, type SharedEnvelope, sharedAbilities } from './shared-record-policy.ts';

/**
 * Registry records use the shared-record policy (distribution × TLP × named recipients) plus the
 * workflow: drafts and submitted records stay inside the owning organisation until published;
 * four-eyes kinds are published by another person of the same organisation than the submitter.
 */
export interface RegistryEnvelope extends SharedEnvelope {
  status: RecordStatus;
  submitted_by: string | null;
}

/** What the caller may do with a record: declared in the contract (src/contract/registry-records.ts). */
export type { RecordAbilities } from '../contract/registry-records.ts';

const VISIBLE_OUTSIDE: readonly RecordStatus[] = ['published', 'retracted'];

export function recordAbilities(a: Actor, r: RegistryEnvelope, kind: KindDefinition): RecordAbilities {
  const shared = sharedAbilities(a, r);
  const own = isUser(a) && a.orgId === r.owner_org_id;
  const read = shared.read && (VISIBLE_OUTSIDE.includes(r.status) || own);
  const live = r.status !== 'retracted';
  const ownWriter = read && own && canWrite(a);
  return {
    read,
    update: read && shared.update && live && r.status !== 'submitted',
    share: read && shared.share && live,
    export: read && shared.export,
    submit: read && shared.update && kind.workflow.fourEyes && r.status === 'draft',
    // Four-eyes: another writer of the owning organisation than the submitter approves. Otherwise
    // the draft is published by whoever may change it (its author, or the NCP / deputy).
    publish: kind.workflow.fourEyes
      ? ownWriter && r.status === 'submitted' && r.submitted_by !== a.userId
      : read && shared.update && r.status === 'draft',
    retract: read && shared.retract && live,
    comment: read && canWrite(a) && r.status === 'published',
    quote: read && shared.quote,
    restrictedFields: read && own,
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

/** The SQL equivalent of `recordAbilities(...).read` for the alias of registry_records. */
export function readableRecords(a: Actor, kind: string, alias: string): RawBuilder<boolean> {
  const own = isUser(a)
    ? sql<boolean>`${sql.ref(`${alias}.owner_org_id`)} = ${a.orgId}::uuid`
    : sql<boolean>`false`;
  return sql<boolean>`(${readableFilter(a, kind, alias)} AND (${sql.ref(`${alias}.status`)} IN ('published', 'retracted') OR ${own}))`;
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
