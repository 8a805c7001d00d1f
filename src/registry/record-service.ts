/*
 * The changes of registry records inside a transaction the caller holds (`trx`): create,
 * update/correct, submit/publish/retract, share, comment, each with its audit event and outbox
 * rows. Callers outside this folder use the operations (./operations: they run these in
 * `change()`); seeds and benchmarks that already hold a transaction call them directly.
 */
import { type Kysely, sql } from 'kysely';
import { type Actor, isPlatformAdmin } from '../access/actor.ts';
import { envelopeListColumns } from '../access/envelope-lists.ts';
import { type Marking, organisationCodes, resolveMarking, setMarkingLists } from '../access/marking.ts';
import {
  authoriseCreate,
  type RecordAbilities,
  type RegistryEnvelope,
  recordAbilities,
  recordNetwork,
} from '../access/registry-policy.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Trx } from '../core/context.ts';
import type { DB, RecordStatus } from '../db/schema.ts';
import { badRequest, conflict, forbidden, HttpError, notFound } from '../http/errors.ts';
import { enqueue } from '../outbox/outbox-worker.ts';
import {
  approvalRoundColumn,
  approversOf,
  checkReviewers,
  closeOpenRound,
  openRound,
  recordDecision,
} from './approvals.ts';
import { keepOwnerOnlyFields } from './co-editing.ts';
import { approvalSteps, type KindDefinition } from './definition.ts';
import { bindToOwner, type OwnerOrg } from './owner-bound.ts';
import { dataDiff, importKeyOf, recordTitle, searchableText } from './record-data.ts';
import { checkReferences, parseData } from './record-validation.ts';
import { searchVector } from './search-config.ts';

type UserActor = Actor & { userId: string; orgId: string };

export class ValidationFailed extends HttpError {
  constructor(errors: { field: string; message: string }[]) {
    super(
      400,
      'Bad request',
      `The record is invalid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      errors.map((e) => ({ field: `data.${e.field}`, message: e.message })),
    );
  }
}

/** Parses and checks the data of a record (structure, codes, references). */
export async function validateData(
  trx: Trx,
  a: Actor,
  kind: KindDefinition,
  input: unknown,
): Promise<Record<string, unknown>> {
  const parsed = parseData(kind, input);
  if (!parsed.ok) throw new ValidationFailed(parsed.errors);
  const refErrors = await checkReferences(trx, a, kind, parsed.data);
  if (refErrors.length) throw new ValidationFailed(refErrors);
  return parsed.data;
}

export async function loadRegistryEnvelope(
  trx: Kysely<DB>,
  kind: KindDefinition,
  id: string,
): Promise<
  | (RegistryEnvelope & { version: number; data: Record<string, unknown>; title: string; language: string })
  | null
> {
  const row = await trx
    .selectFrom('registry_records')
    .select([
      'id',
      'owner_org_id',
      'author_id',
      'distribution',
      'distribution_network_id',
      'sharing_group_id',
      'tlp',
      'status',
      'submitted_by',
      'version',
      'data',
      'title',
      'language',
      ...envelopeListColumns('registry_records', kind.name),
      approvalRoundColumn('registry_records', kind.name),
    ])
    .where('id', '=', id)
    .where('kind', '=', kind.name)
    .executeTakeFirst();
  if (!row) return null;
  const rec = await trx
    .selectFrom('record_recipients')
    .select('user_id')
    .where('record_kind', '=', kind.name)
    .where('record_id', '=', id)
    .execute();
  return { ...row, data: row.data as Record<string, unknown>, recipients: rec.map((x) => x.user_id) };
}

/** Loads a record for an action: 404 when unreadable, 403 when readable but not allowed. */
export async function authoriseRecord(
  trx: Kysely<DB>,
  a: Actor,
  kind: KindDefinition,
  id: string,
  action: keyof RecordAbilities,
) {
  const env = await loadRegistryEnvelope(trx, kind, id);
  if (!env) throw notFound();
  const can = recordAbilities(a, env, kind);
  if (!can.read) throw notFound();
  if (!can[action])
    throw forbidden(
      `You may read this ${kind.label.en.toLowerCase()} but not ${action} it (it is ${env.status}).`,
    );
  return env;
}

async function networkIdOf(trx: Trx, code: string): Promise<string> {
  const n = await trx.selectFrom('networks').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return n.id;
}

async function writeVersion(
  trx: Trx,
  id: string,
  version: number,
  status: RecordStatus,
  data: Record<string, unknown>,
  marking: { distribution: string; tlp: string },
  a: UserActor,
  note: string,
) {
  await trx
    .insertInto('registry_versions')
    .values({
      record_id: id,
      version,
      status,
      data: JSON.stringify(data),
      distribution: marking.distribution as never,
      tlp: marking.tlp as never,
      changed_by: a.userId,
      changed_at: new Date(),
      note,
    })
    .execute();
}

export interface CreateInput {
  data: unknown;
  marking?: Partial<Marking>;
  language?: string;
  publish?: boolean;
  isDemo?: boolean;
  /** false: nobody is notified of the publication (the demo seed's announcements). */
  notify?: boolean;
  /** A platform administrator adds the record for this administration, which then owns it. */
  onBehalfOf?: string;
}

/** The organisation a new record belongs to: the actor's, or the one a platform administrator names. */
async function owningOrganisation(trx: Trx, a: UserActor, onBehalfOf: string | undefined) {
  if (onBehalfOf !== undefined && onBehalfOf !== a.orgId && !isPlatformAdmin(a))
    throw forbidden('Only platform administrators add records on behalf of an administration.');
  const org = await trx
    .selectFrom('organisations')
    .select(['id', 'code', 'type'])
    .where('id', '=', onBehalfOf ?? a.orgId)
    .executeTakeFirst();
  if (!org)
    throw badRequest('No such organisation.', [
      { field: 'body.onBehalfOf', message: 'unknown organisation' },
    ]);
  if (onBehalfOf !== undefined && onBehalfOf !== a.orgId && org.type !== 'national_administration')
    throw badRequest('Records are added on behalf of a national administration.', [
      { field: 'body.onBehalfOf', message: 'not a national administration' },
    ]);
  return org;
}

/** Sets the owner-bound fields (src/registry/owner-bound.ts) or refuses the data with why. */
function bound(kind: KindDefinition, data: unknown, owner: OwnerOrg): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const r = bindToOwner(kind, data as Record<string, unknown>, owner);
  if (r.errors.length) throw new ValidationFailed(r.errors);
  return r.data;
}

/** Creates a record as a draft (or publishes it at once where the kind has no four-eyes step). */
export async function createRecord(trx: Trx, a: UserActor, kind: KindDefinition, input: CreateInput) {
  authoriseCreate(a, kind);
  const owner = await owningOrganisation(trx, a, input.onBehalfOf);
  const data = await validateData(trx, a, kind, bound(kind, input.data, owner));
  const network = recordNetwork(kind, data);
  if (kind.networkField) authoriseCreate(a, kind, network);
  const marking = await resolveMarking(
    trx,
    a,
    await networkIdOf(trx, network),
    {
      distribution: input.marking?.distribution ?? kind.access.distribution,
      distributionNetworkId: input.marking?.distributionNetworkId ?? null,
      sharingGroupId: input.marking?.sharingGroupId ?? null,
      tlp: input.marking?.tlp ?? kind.access.tlp,
      recipientIds: input.marking?.recipientIds ?? [],
      organisationIds: input.marking?.organisationIds ?? [],
    },
    owner.id,
  );
  const publish = input.publish ?? kind.workflow.publishAtCreation ?? false;
  if (publish && approvalSteps(kind).length) {
    throw forbidden(
      `A ${kind.label.en.toLowerCase()} is published only after a second person of your organisation approves it: save it, then submit it.`,
    );
  }
  const key = importKeyOf(kind, data);
  if (key) {
    const dup = await trx
      .selectFrom('registry_records')
      .select('id')
      .where('kind', '=', kind.name)
      .where('owner_org_id', '=', owner.id)
      .where('import_key', '=', key)
      .executeTakeFirst();
    if (dup) {
      // The id is named only to someone who may read that record (a colleague's TLP:RED record
      // is not theirs to find).
      const env = await loadRegistryEnvelope(trx, kind, dup.id);
      const readable = env !== null && recordAbilities(a, env, kind).read;
      throw conflict(
        `Your organisation already has a ${kind.label.en.toLowerCase()} with the same ${kind.importKey.join(' and ')}${readable ? ` (id ${dup.id})` : ''}.`,
      );
    }
  }
  const status: RecordStatus = publish ? 'published' : 'draft';
  const title = recordTitle(kind, data);
  const language = input.language ?? 'en';
  const now = new Date();
  const row = await trx
    .insertInto('registry_records')
    .values({
      kind: kind.name,
      owner_org_id: owner.id,
      author_id: a.userId,
      distribution: marking.distribution,
      distribution_network_id: marking.distribution_network_id,
      sharing_group_id: marking.sharing_group_id,
      tlp: marking.tlp,
      status,
      import_key: key,
      title,
      language,
      data: JSON.stringify(data),
      published_by: publish ? a.userId : null,
      published_at: publish ? now : null,
      is_demo: input.isDemo ?? false,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await sql`UPDATE registry_records SET search = ${searchVector(language, title, searchableText(kind, data))} WHERE id = ${row.id}`.execute(
    trx,
  );
  await setMarkingLists(trx, kind.name, row.id, marking);
  await writeVersion(trx, row.id, 1, status, data, marking, a, 'created');
  await recordAudit(trx, a, {
    action: `${kind.name}.created`,
    recordKind: kind.name,
    recordId: row.id,
    organisationId: owner.id,
    changes: {
      ...(owner.id !== a.orgId ? { on_behalf_of: owner.code } : {}),
      ...dataDiff(null, data),
      status: { after: status },
      tlp: marking.tlp,
      distribution: marking.distribution,
      ...(marking.named_org_codes.length ? { organisations: marking.named_org_codes } : {}),
    },
  });
  if (status === 'published' && input.notify !== false)
    await enqueue(trx, 'registry.changed', { kind: kind.name, id: row.id, event: 'published' });
  return { id: row.id, status, version: 1 };
}

/** Refuses data whose import key another record of the owning organisation has (409). */
async function checkKeyFree(
  trx: Trx,
  kind: KindDefinition,
  ownerOrgId: string,
  id: string,
  key: string | null,
) {
  if (!key) return;
  const dup = await trx
    .selectFrom('registry_records')
    .select('id')
    .where('kind', '=', kind.name)
    .where('owner_org_id', '=', ownerOrgId)
    .where('import_key', '=', key)
    .where('id', '<>', id)
    .executeTakeFirst();
  if (dup)
    throw conflict(
      `Another ${kind.label.en.toLowerCase()} of your organisation has the same ${kind.importKey.join(' and ')}.`,
    );
}

type LoadedRecord = NonNullable<Awaited<ReturnType<typeof loadRegistryEnvelope>>>;

/**
 * Writes new data to a record as its next version (title, import key, search vector, version row
 * by `author`). The caller audits and notifies.
 */
export async function writeRecordData(
  trx: Trx,
  author: UserActor,
  kind: KindDefinition,
  env: LoadedRecord,
  data: Record<string, unknown>,
  note: string,
) {
  const key = importKeyOf(kind, data);
  await checkKeyFree(trx, kind, env.owner_org_id, env.id, key);
  const version = env.version + 1;
  const title = recordTitle(kind, data);
  await trx
    .updateTable('registry_records')
    .set({ data: JSON.stringify(data), title, import_key: key, version, updated_at: new Date() })
    .where('id', '=', env.id)
    .execute();
  await sql`UPDATE registry_records SET search = ${searchVector(env.language, title, searchableText(kind, data))} WHERE id = ${env.id}`.execute(
    trx,
  );
  await writeVersion(trx, env.id, version, env.status, data, env, author, note);
  return version;
}

export interface UpdateRecordInput {
  data: unknown;
  note?: string | undefined;
  /** A correction of a kind with a named-reviewers step: the users who review it. */
  reviewerIds?: readonly string[] | undefined;
}

/**
 * Replaces the data: a draft is edited in place; a published record gets a corrected version —
 * at once for kinds without approval steps, and for kinds with them as a proposed correction that
 * waits for the kind's steps (`proposeCorrection`; applied when the last step is approved).
 */
export async function updateRecord(
  trx: Trx,
  a: UserActor,
  kind: KindDefinition,
  id: string,
  input: UpdateRecordInput,
) {
  const steps = approvalSteps(kind);
  // Two proposals at once: the second sees the first (one proposed correction at a time).
  if (steps.length)
    await trx.selectFrom('registry_records').select('id').where('id', '=', id).forUpdate().execute();
  const env = await authoriseRecord(trx, a, kind, id, 'update');
  const fourEyes = steps.length > 0 && env.status === 'published';
  if (fourEyes && env.approval?.correction) {
    const by = await trx
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', env.approval.submitted_by)
      .executeTakeFirst();
    throw conflict(
      `A correction of this ${kind.label.en.toLowerCase()} already awaits approval (proposed by ${by?.display_name ?? 'another person'}): wait for the decision, or ask the proposer to withdraw it, then propose yours.`,
    );
  }
  if (!fourEyes && input.reviewerIds?.length)
    throw badRequest('Reviewers are named only for a correction of a published record that needs approval.', [
      { field: 'body.reviewerIds', message: 'name reviewers only for a correction awaiting approval' },
    ]);
  const owner = await trx
    .selectFrom('organisations')
    .select(['code', 'type'])
    .where('id', '=', env.owner_org_id)
    .executeTakeFirstOrThrow();
  // A co-editor of another administration neither sees nor changes the owner-only fields.
  const restricted = recordAbilities(a, env, kind).restrictedFields;
  const given = keepOwnerOnlyFields(kind, env.data, input.data, restricted);
  const data = await validateData(trx, a, kind, bound(kind, given, owner));
  const diff = dataDiff(env.data, data);
  if (Object.keys(diff).length === 0) return { id, status: env.status, version: env.version, changed: false };
  // Moving a record to another network needs the right to post there.
  if (kind.networkField && recordNetwork(kind, data) !== recordNetwork(kind, env.data))
    authoriseCreate(a, kind, recordNetwork(kind, data));
  if (fourEyes) {
    await checkKeyFree(trx, kind, env.owner_org_id, id, importKeyOf(kind, data));
    return proposeCorrection(trx, a, kind, env, data, diff, input);
  }
  const corrected = env.status === 'published';
  const version = await writeRecordData(
    trx,
    a,
    kind,
    env,
    data,
    input.note ?? (corrected ? 'corrected' : 'edited'),
  );
  await recordAudit(trx, a, {
    action: `${kind.name}.${corrected ? 'corrected' : 'updated'}`,
    recordKind: kind.name,
    recordId: id,
    organisationId: env.owner_org_id,
    changes: {
      ...diff,
      version: { before: env.version, after: version },
      ...(input.note ? { note: input.note } : {}),
    },
  });
  if (corrected) await enqueue(trx, 'registry.changed', { kind: kind.name, id, event: 'corrected' });
  return { id, status: env.status, version, changed: true };
}

/**
 * A correction of a published record of a kind with approval steps: the new data waits in an open
 * round (with the reviewers the proposer names where a step asks for them); readers keep the
 * published version until the last step is approved.
 */
async function proposeCorrection(
  trx: Trx,
  a: UserActor,
  kind: KindDefinition,
  env: LoadedRecord,
  data: Record<string, unknown>,
  diff: Record<string, unknown>,
  input: UpdateRecordInput,
) {
  const reviewers = await checkReviewers(trx, a, kind, env, input.reviewerIds ?? []);
  const note = input.note?.trim() ? input.note.trim() : null;
  await openRound(trx, kind.name, env.id, a.userId, reviewers, { data, note });
  await trx
    .updateTable('registry_records')
    .set({ updated_at: new Date() })
    .where('id', '=', env.id)
    .execute();
  await recordAudit(trx, a, {
    action: `${kind.name}.correction_proposed`,
    recordKind: kind.name,
    recordId: env.id,
    organisationId: env.owner_org_id,
    changes: { ...diff, ...(note ? { note } : {}), steps: approvalSteps(kind).length },
  });
  return { id: env.id, status: env.status, version: env.version, changed: false, pendingCorrection: true };
}

/**
 * Workflow transitions: submit (kinds with approval steps; opens an approval round with the
 * reviewers named), publish (with approval steps: the approval of the last step), retract.
 */
export async function transitionRecord(
  trx: Trx,
  a: UserActor,
  kind: KindDefinition,
  id: string,
  action: 'submit' | 'publish' | 'retract',
  note?: string,
  reviewerIds: readonly string[] = [],
) {
  const env = await authoriseRecord(trx, a, kind, id, action);
  if (action === 'retract' && !note)
    throw badRequest('Say why the record is retracted.', [{ field: 'body.note', message: 'is required' }]);
  const steps = approvalSteps(kind);
  const reviewers = action === 'submit' ? await checkReviewers(trx, a, kind, env, reviewerIds) : [];
  let approvers: string[] = [];
  if (action === 'submit') await openRound(trx, kind.name, id, a.userId, reviewers);
  if (action === 'publish' && steps.length) {
    const round = await recordDecision(
      trx,
      kind.name,
      env,
      env.approval?.approvals.length ?? 0,
      a.userId,
      'approve',
      note ?? null,
    );
    approvers = await approversOf(trx, round.id);
    await closeOpenRound(trx, kind.name, id, 'approved');
  }
  if (action === 'retract') await closeOpenRound(trx, kind.name, id, 'withdrawn');
  const status: RecordStatus =
    action === 'submit' ? 'submitted' : action === 'publish' ? 'published' : 'retracted';
  const now = new Date();
  await trx
    .updateTable('registry_records')
    .set({
      status,
      updated_at: now,
      status_note: note ?? null,
      ...(action === 'submit' ? { submitted_by: a.userId } : {}),
      ...(action === 'publish' ? { published_by: a.userId, published_at: now } : {}),
    })
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, a, {
    action: `${kind.name}.${status}`,
    recordKind: kind.name,
    recordId: id,
    organisationId: env.owner_org_id,
    changes: {
      status: { before: env.status, after: status },
      ...(note ? { note } : {}),
      ...(reviewers.length ? { reviewers } : {}),
      ...(steps.length && action === 'publish'
        ? { submitted_by: env.submitted_by, approved_by: a.userId, approvals: approvers }
        : {}),
    },
  });
  if (action !== 'submit') await enqueue(trx, 'registry.changed', { kind: kind.name, id, event: status });
  return { id, status };
}

/** Changes distribution, marking and recipients (owning organisation only). */
export async function shareRecord(trx: Trx, a: UserActor, kind: KindDefinition, id: string, m: Marking) {
  const env = await authoriseRecord(trx, a, kind, id, 'share');
  const marking = await resolveMarking(
    trx,
    a,
    await networkIdOf(trx, recordNetwork(kind, env.data)),
    m,
    env.owner_org_id,
  );
  await trx
    .updateTable('registry_records')
    .set({
      distribution: marking.distribution,
      distribution_network_id: marking.distribution_network_id,
      sharing_group_id: marking.sharing_group_id,
      tlp: marking.tlp,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  await setMarkingLists(trx, kind.name, id, marking);
  await recordAudit(trx, a, {
    action: `${kind.name}.shared`,
    recordKind: kind.name,
    recordId: id,
    organisationId: env.owner_org_id,
    changes: {
      distribution: { before: env.distribution, after: marking.distribution },
      tlp: { before: env.tlp, after: marking.tlp },
      recipients: { before: env.recipients, after: marking.recipients },
      ...(env.named_org_ids.length || marking.named_org_ids.length
        ? {
            organisations: {
              before: await organisationCodes(trx, env.named_org_ids),
              after: marking.named_org_codes,
            },
          }
        : {}),
    },
  });
  if (env.status === 'published')
    await enqueue(trx, 'registry.changed', { kind: kind.name, id, event: 'shared' });
  return { id, ...marking };
}

/**
 * Comments, feedback and registered interest from readers (other administrations included): the
 * posts of the record's thread. A reply answers a post of the same record; a reply to a reply
 * joins the thread of the post it answers (one level). Mentions name active users; who of them
 * is notified is decided after the commit, by whether they may read the record.
 */
export async function addComment(
  trx: Trx,
  a: UserActor,
  kind: KindDefinition,
  id: string,
  input: {
    kind: 'comment' | 'feedback' | 'interest';
    body: string;
    parentId?: string | undefined;
    mentions?: readonly string[] | undefined;
  },
) {
  const env = await authoriseRecord(trx, a, kind, id, 'comment');
  let parentId: string | null = null;
  if (input.parentId) {
    const parent = await trx
      .selectFrom('registry_comments')
      .select(['id', 'parent_id', 'withdrawn_at', 'hidden_at'])
      .where('id', '=', input.parentId)
      .where('record_id', '=', id)
      .executeTakeFirst();
    if (!parent)
      throw badRequest(
        'The post you answer is not in this thread: reload the page and answer a post shown there.',
      );
    if (parent.withdrawn_at || parent.hidden_at)
      throw badRequest(
        'The post you answer was withdrawn or hidden: answer another post or post in the thread.',
      );
    parentId = parent.parent_id ?? parent.id;
  }
  const mentions = await checkMentions(trx, input.mentions ?? []);
  const c = await trx
    .insertInto('registry_comments')
    .values({
      record_id: id,
      author_id: a.userId,
      organisation_id: a.orgId,
      kind: input.kind,
      body: input.body,
      created_at: new Date(),
      parent_id: parentId,
      mention_ids: mentions,
    })
    .returning(['id', 'kind', 'body', 'created_at', 'parent_id'])
    .executeTakeFirstOrThrow();
  await refreshCommentSearch(trx, id);
  await recordAudit(trx, a, {
    action: `${kind.name}.${input.kind}`,
    recordKind: kind.name,
    recordId: id,
    organisationId: env.owner_org_id,
    changes: { comment: input.body, ...(parentId ? { replyTo: parentId } : {}) },
  });
  await enqueue(trx, 'registry.commented', { kind: kind.name, id, commentId: c.id });
  return c;
}

/** The mentioned users' ids, each an active user (400 naming the unknown ones), without repeats. */
export async function checkMentions(trx: Trx, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const found = await trx
    .selectFrom('users')
    .select('id')
    .where('id', 'in', unique)
    .where('status', '=', 'active')
    .execute();
  const known = new Set(found.map((u) => u.id));
  const unknown = unique.filter((u) => !known.has(u));
  if (unknown.length)
    throw badRequest(
      `No active person has the id ${unknown.join(', ')}: pick the people you mention from the list offered after “@”.`,
    );
  return unique;
}

/**
 * The words of the record's visible posts (neither withdrawn nor hidden), as the record's
 * `comment_search` column: a search finds the record by them inside the readable filter, and the
 * words of a hidden or withdrawn post no longer match.
 */
export async function refreshCommentSearch(trx: Trx, recordId: string): Promise<void> {
  await sql`UPDATE registry_records SET comment_search = (
    SELECT to_tsvector('simple', unaccent(string_agg(c.body, ' ')))
    FROM registry_comments c
    WHERE c.record_id = ${recordId} AND c.withdrawn_at IS NULL AND c.hidden_at IS NULL
  ) WHERE id = ${recordId}`.execute(trx);
}
