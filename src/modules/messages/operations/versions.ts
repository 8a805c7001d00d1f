import { sql } from 'kysely';
import type { Actor } from '../../../access/actor.ts';
import {
  authoriseAddVersion,
  type MessageVersionAbilities,
  messageAbilities,
  messageVersionAbilities,
  messageVersionPolicy,
} from '../../../access/message-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import type { ChangeDeps } from '../../../core/change.ts';
import { change } from '../../../core/change.ts';
import type { Database, Trx } from '../../../db/connection.ts';
import type { MessageVersionState } from '../../../db/messages-schema.ts';
import { badRequest, conflict, forbidden, notFound } from '../../../http/errors.ts';
import { enqueue } from '../../../outbox/outbox-worker.ts';
import { loadRegistryEnvelope } from '../../../registry/record-service.ts';
import { messageKind } from '../message-kind.ts';

/** A language version as its reader sees it, with what they may do with it. */
export interface MessageVersionView {
  id: string;
  messageId: string;
  language: string;
  title: string;
  body: string;
  state: MessageVersionState;
  returnReason: string | null;
  translator: { id: string; name: string; organisation: string };
  reviewer: { id: string; name: string; organisation: string };
  approvedAt: string | null;
  publishedAt: string | null;
  late: boolean;
  abilities: MessageVersionAbilities;
}

export interface NewVersion {
  language: string;
  title: string;
  body: string;
  translatorId: string;
  reviewerId: string;
}

const NOT_FOUND = 'No coordinated message with this id that you may read.';
const VERSION_NOT_FOUND = 'No language version with this id that you may read.';

async function readableMessage(db: Database | Trx, actor: Actor, messageId: string) {
  const env = await loadRegistryEnvelope(db, messageKind, messageId);
  if (!env || !messageAbilities(actor, env).read) throw notFound(NOT_FOUND);
  return env;
}

function versionQuery(db: Database | Trx, actor: Actor) {
  return db
    .selectFrom('message_versions as v')
    .innerJoin('users as t', 't.id', 'v.translator_id')
    .innerJoin('organisations as tog', 'tog.id', 't.organisation_id')
    .innerJoin('users as rv', 'rv.id', 'v.reviewer_id')
    .innerJoin('organisations as ro', 'ro.id', 'rv.organisation_id')
    .select([
      'v.id',
      'v.message_id',
      'v.language',
      'v.title',
      'v.body',
      'v.state',
      'v.return_reason',
      'v.translator_id',
      'v.reviewer_id',
      'v.approved_at',
      'v.published_at',
      'v.late',
      't.display_name as translator_name',
      'tog.code as translator_org',
      'rv.display_name as reviewer_name',
      'ro.code as reviewer_org',
    ])
    .where(messageVersionPolicy.readable(actor, 'v'));
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof versionQuery>['execute']>>[number];

function present(
  actor: Actor,
  env: NonNullable<Awaited<ReturnType<typeof loadRegistryEnvelope>>>,
  v: VersionRow,
): MessageVersionView {
  return {
    id: v.id,
    messageId: v.message_id,
    language: v.language,
    title: v.title,
    body: v.body,
    state: v.state,
    returnReason: v.return_reason,
    translator: { id: v.translator_id, name: v.translator_name, organisation: v.translator_org },
    reviewer: { id: v.reviewer_id, name: v.reviewer_name, organisation: v.reviewer_org },
    approvedAt: v.approved_at?.toISOString() ?? null,
    publishedAt: v.published_at?.toISOString() ?? null,
    late: v.late,
    abilities: messageVersionAbilities(actor, { ...v, message: env }),
  };
}

/** `GET /messages/:id/versions`: the language versions of a message the caller may read. */
export async function listVersions(db: Database, actor: Actor, messageId: string) {
  const env = await readableMessage(db, actor, messageId);
  const rows = await versionQuery(db, actor)
    .where('v.message_id', '=', messageId)
    .orderBy('v.language')
    .execute();
  const msg = messageAbilities(actor, env);
  return {
    versions: rows.map((v) => present(actor, env, v)),
    abilities: { addVersion: msg.update && env.status !== 'retracted' },
  };
}

async function loadVersion(trx: Trx, actor: Actor, id: string) {
  const v = await trx
    .selectFrom('message_versions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!v) throw notFound(VERSION_NOT_FOUND);
  const env = await loadRegistryEnvelope(trx, messageKind, v.message_id);
  if (!env) throw notFound(VERSION_NOT_FOUND);
  const can = messageVersionAbilities(actor, { ...v, message: env });
  if (!can.read) throw notFound(VERSION_NOT_FOUND);
  return { v, env, can };
}

async function view(db: Database, actor: Actor, id: string): Promise<MessageVersionView> {
  const v = await versionQuery(db, actor).where('v.id', '=', id).executeTakeFirst();
  if (!v) throw notFound(VERSION_NOT_FOUND);
  const env = await readableMessage(db, actor, v.message_id);
  return present(actor, env, v);
}

/** A translator or reviewer must be an active person of an administration that may write. */
async function checkPeople(trx: Trx, input: NewVersion) {
  if (input.translatorId === input.reviewerId)
    throw badRequest('reviewerId: the reviewer of a version is another person than its translator.');
  const people = await trx
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'o.type'])
    .where('u.id', 'in', [input.translatorId, input.reviewerId])
    .where('u.status', '=', 'active')
    .execute();
  for (const [field, id] of [
    ['translatorId', input.translatorId],
    ['reviewerId', input.reviewerId],
  ] as const) {
    const p = people.find((x) => x.id === id);
    if (!p) throw badRequest(`${field}: no active user has the id ${id}.`);
    if (p.type === 'commission')
      throw badRequest(`${field}: Commission users observe and cannot translate or review.`);
  }
}

/** `POST /messages/:id/versions`: adds a language version (a draft) with its translator and reviewer. */
export async function addVersion(deps: ChangeDeps, actor: Actor, messageId: string, input: NewVersion) {
  const id = await change(deps, async (trx) => {
    const env = await readableMessage(trx, actor, messageId);
    authoriseAddVersion(actor, env, input.translatorId);
    if (env.language === input.language)
      throw badRequest(
        `language: the message is written in ${input.language}; add a version in another language.`,
      );
    await checkPeople(trx, input);
    const exists = await trx
      .selectFrom('message_versions')
      .select('id')
      .where('message_id', '=', messageId)
      .where('language', '=', input.language)
      .executeTakeFirst();
    if (exists) throw conflict(`The message already has a ${input.language} version: change that one.`);
    const row = await trx
      .insertInto('message_versions')
      .values({
        message_id: messageId,
        language: input.language,
        title: input.title,
        body: input.body,
        translator_id: input.translatorId,
        reviewer_id: input.reviewerId,
        created_by: actor.userId!,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'message_version.added',
      recordKind: 'message',
      recordId: messageId,
      organisationId: env.owner_org_id,
      changes: {
        version: row.id,
        language: input.language,
        translator: input.translatorId,
        reviewer: input.reviewerId,
      },
    });
    return row.id;
  });
  return view(deps.db, actor, id);
}

/** `PATCH /messages/versions/:id`: the translator (or the message's managers) change title and text. */
export async function updateVersion(
  deps: ChangeDeps,
  actor: Actor,
  id: string,
  input: { title?: string | undefined; body?: string | undefined },
) {
  await change(deps, async (trx) => {
    const { v, env, can } = await loadVersion(trx, actor, id);
    if (!can.update)
      throw forbidden(
        `Only the translator of this version or the message’s author change it, while it is a draft or returned (it is ${v.state}).`,
      );
    const changes: Record<string, { before: string; after: string }> = {};
    if (input.title !== undefined && input.title !== v.title)
      changes.title = { before: v.title, after: input.title };
    if (input.body !== undefined && input.body !== v.body)
      changes.body = { before: v.body, after: input.body };
    if (Object.keys(changes).length === 0) return;
    await trx
      .updateTable('message_versions')
      .set({ title: input.title ?? v.title, body: input.body ?? v.body, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'message_version.changed',
      recordKind: 'message',
      recordId: v.message_id,
      organisationId: env.owner_org_id,
      changes: { version: id, language: v.language, ...changes },
    });
  });
  return view(deps.db, actor, id);
}

/** `POST /messages/versions/:id/submit`: the version goes to its reviewer. */
export async function submitVersion(deps: ChangeDeps, actor: Actor, id: string) {
  await change(deps, async (trx) => {
    const { v, env, can } = await loadVersion(trx, actor, id);
    if (!can.submit)
      throw forbidden(
        `Only the translator of this version or the message’s author submit it, while it is a draft or returned (it is ${v.state}).`,
      );
    await trx
      .updateTable('message_versions')
      .set({ state: 'submitted', updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'message_version.submitted',
      recordKind: 'message',
      recordId: v.message_id,
      organisationId: env.owner_org_id,
      changes: { version: id, language: v.language, state: { before: v.state, after: 'submitted' } },
    });
  });
  return view(deps.db, actor, id);
}

/**
 * `POST /messages/versions/:id/approve`: the named reviewer approves. A version approved after its
 * message was released is published at once, marked as a late translation (and its readers told).
 */
export async function approveVersion(deps: ChangeDeps, actor: Actor, id: string) {
  await change(deps, async (trx) => {
    const { v, env, can } = await loadVersion(trx, actor, id);
    if (!can.approve)
      throw forbidden(
        v.state === 'submitted'
          ? 'Only the reviewer named for this version approves it.'
          : `This version is ${v.state}: it is approved once its translator has submitted it.`,
      );
    const released = await trx
      .selectFrom('message_releases')
      .select('released_at')
      .where('message_id', '=', v.message_id)
      .executeTakeFirst();
    const now = new Date();
    await trx
      .updateTable('message_versions')
      .set({
        state: 'approved',
        approved_at: now,
        updated_at: now,
        return_reason: null,
        ...(released ? { published_at: now, late: true } : {}),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'message_version.approved',
      recordKind: 'message',
      recordId: v.message_id,
      organisationId: env.owner_org_id,
      changes: { version: id, language: v.language, state: { before: v.state, after: 'approved' } },
    });
    if (released) {
      await recordAudit(trx, actor, {
        action: 'message_version.published_late',
        recordKind: 'message',
        recordId: v.message_id,
        organisationId: env.owner_org_id,
        changes: {
          version: id,
          language: v.language,
          releasedAt: released.released_at.toISOString(),
          publishedAt: now.toISOString(),
        },
      });
      await enqueue(trx, 'registry.changed', {
        kind: messageKind.name,
        id: v.message_id,
        event: 'late_translation',
      });
    }
  });
  return view(deps.db, actor, id);
}

/** `POST /messages/versions/:id/return`: the reviewer returns the version to its translator with a reason. */
export async function returnVersion(deps: ChangeDeps, actor: Actor, id: string, reason: string) {
  await change(deps, async (trx) => {
    const { v, env, can } = await loadVersion(trx, actor, id);
    if (!can.return)
      throw forbidden(
        v.state === 'submitted'
          ? 'Only the reviewer named for this version returns it.'
          : `This version is ${v.state}: only a submitted version is returned.`,
      );
    await trx
      .updateTable('message_versions')
      .set({ state: 'returned', return_reason: reason, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'message_version.returned',
      recordKind: 'message',
      recordId: v.message_id,
      organisationId: env.owner_org_id,
      changes: { version: id, language: v.language, reason, state: { before: v.state, after: 'returned' } },
    });
  });
  return view(deps.db, actor, id);
}

/** The published versions of messages (for the feed and the public page), through the policy. */
export async function publishedVersions(db: Database, actor: Actor, messageIds: readonly string[]) {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('message_versions as v')
    .select(['v.id', 'v.message_id', 'v.language', 'v.title', 'v.body', 'v.published_at', 'v.late'])
    .where('v.message_id', 'in', [...messageIds])
    .where('v.state', '=', 'approved')
    .where(messageVersionPolicy.readable(actor, 'v'))
    .orderBy(sql`v.language`)
    .execute();
}
