import type { Actor } from '../../../access/actor.ts';
import { recordAbilities } from '../../../access/registry-policy.ts';
import {
  feedbackRecordAbilities,
  riskInformationFeedbackPolicy,
} from '../../../access/risk-information-policy.ts';
import { kindByName } from '../../../access/shared-kinds.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import type {
  FeedbackBody,
  FeedbackList,
  RiskInformationFeedback,
} from '../../../contract/risk-information.ts';
import { change } from '../../../core/change.ts';
import type { Database, Trx } from '../../../db/connection.ts';
import { forbidden, notFound } from '../../../http/errors.ts';
import { loadRegistryEnvelope } from '../../../registry/record-service.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';

const NOT_FOUND = 'No risk information with this id that you may read.';

function riskInformationKind() {
  const k = kindByName('risk_information');
  if (!k) throw new Error('The registry kind risk_information is not defined.');
  return k;
}

/** The record, its abilities and the caller's feedback abilities; 404 when the caller may not read it. */
async function readableRecord(db: Database | Trx, actor: Actor, id: string) {
  const kind = riskInformationKind();
  const env = await loadRegistryEnvelope(db, kind, id);
  if (!env) throw notFound(NOT_FOUND);
  const can = recordAbilities(actor, env, kind);
  if (!can.read) throw notFound(NOT_FOUND);
  return { env, abilities: feedbackRecordAbilities(actor, env, can) };
}

/**
 * `GET /risk-information/:id/feedback`: the receipts and feedback the caller may read — every
 * recipient's for the owning administration, their own administration's for a recipient.
 */
export async function listFeedback(db: Database, actor: Actor, recordId: string): Promise<FeedbackList> {
  const { abilities } = await readableRecord(db, actor, recordId);
  const rows = await db
    .selectFrom('risk_information_feedback as f')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .innerJoin('users as r', 'r.id', 'f.received_by')
    .leftJoin('users as b', 'b.id', 'f.feedback_by')
    .select([
      'f.received_at',
      'f.received_version',
      'f.feedback_at',
      'f.control_performed',
      'f.result',
      'f.usefulness',
      'f.comment',
      'o.id as org_id',
      'o.code as org_code',
      'o.name as org_name',
      'r.display_name as received_name',
      'b.display_name as feedback_name',
    ])
    .where('f.record_id', '=', recordId)
    .where(riskInformationFeedbackPolicy.readable(actor, 'f'))
    .orderBy('o.code')
    .execute();
  const items: RiskInformationFeedback[] = rows.map((r) => ({
    organisation: { id: r.org_id, code: r.org_code, name: r.org_name },
    receivedAt: r.received_at.toISOString(),
    receivedBy: r.received_name,
    receivedVersion: r.received_version,
    feedback:
      r.feedback_at && r.usefulness && r.control_performed !== null
        ? {
            at: r.feedback_at.toISOString(),
            by: r.feedback_name ?? '',
            controlPerformed: r.control_performed,
            result: r.result,
            usefulness: r.usefulness,
            comment: r.comment,
          }
        : null,
  }));
  return { items, abilities };
}

/** The caller's administration's row (made at the first receipt), inside `trx`. */
async function ensureReceipt(
  trx: Trx,
  actor: Actor & { userId: string; orgId: string },
  recordId: string,
  version: number,
) {
  const existing = await trx
    .selectFrom('risk_information_feedback')
    .selectAll()
    .where('record_id', '=', recordId)
    .where('organisation_id', '=', actor.orgId)
    .forUpdate()
    .executeTakeFirst();
  if (existing) return { row: existing, created: false };
  const row = await trx
    .insertInto('risk_information_feedback')
    .values({
      record_id: recordId,
      organisation_id: actor.orgId,
      received_by: actor.userId,
      received_version: version,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'risk_information.receipt_confirmed',
    recordKind: 'risk_information',
    recordId,
    changes: { received_version: { before: null, after: version } },
  });
  return { row, created: true };
}

function respondingActor(actor: Actor, respond: boolean): Actor & { userId: string; orgId: string } {
  if (!respond || actor.userId === null || actor.orgId === null)
    throw forbidden(
      'Only a recipient administration (not the author’s) that may write confirms receipt of a published risk information and sends feedback.',
    );
  return actor as Actor & { userId: string; orgId: string };
}

/**
 * `PUT /risk-information/:id/receipt`: the caller confirms, for their administration, that it
 * received the risk information (once; audited as `risk_information.receipt_confirmed`).
 */
export async function confirmReceipt(
  deps: Pick<AppDeps, 'db' | 'outbox'>,
  actor: Actor,
  recordId: string,
): Promise<FeedbackList> {
  const { env, abilities } = await readableRecord(deps.db, actor, recordId);
  const who = respondingActor(actor, abilities.respond);
  await change(deps, async (trx) => {
    await ensureReceipt(trx, who, recordId, env.version);
  });
  return listFeedback(deps.db, actor, recordId);
}

/**
 * `PUT /risk-information/:id/feedback`: the caller's administration reports on its controls
 * (control performed, result, usefulness, a comment); confirms receipt first when not yet done.
 * Audited as `risk_information.control_feedback` with what changed; an identical report writes nothing.
 */
export async function sendFeedback(
  deps: Pick<AppDeps, 'db' | 'outbox'>,
  actor: Actor,
  recordId: string,
  body: FeedbackBody,
): Promise<FeedbackList> {
  const { env, abilities } = await readableRecord(deps.db, actor, recordId);
  const who = respondingActor(actor, abilities.respond);
  await change(deps, async (trx) => {
    const { row } = await ensureReceipt(trx, who, recordId, env.version);
    const next = {
      control_performed: body.controlPerformed,
      result: body.result,
      usefulness: body.usefulness,
      comment: body.comment,
    };
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const [k, v] of Object.entries(next)) {
      const before = row[k as keyof typeof next] ?? null;
      if (before !== v) changes[k] = { before, after: v };
    }
    if (Object.keys(changes).length === 0) return;
    await trx
      .updateTable('risk_information_feedback')
      .set({ ...next, feedback_by: who.userId, feedback_at: new Date() })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'risk_information.control_feedback',
      recordKind: 'risk_information',
      recordId,
      changes,
    });
  });
  return listFeedback(deps.db, actor, recordId);
}
