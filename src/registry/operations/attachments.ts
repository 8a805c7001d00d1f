import { createHash } from 'node:crypto';
import type { Actor } from '../../access/actor.ts';
import { TLP_RULES } from '../../access/tlp.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { attachmentProblem, safeFilename } from '../../core/attachment-types.ts';
import { change } from '../../core/change.ts';
import type { Database } from '../../db/connection.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import type { KindDefinition } from '../definition.ts';
import { authoriseRecord } from '../record-service.ts';
import type { ChangeDeps, UserActor } from './types.ts';

/** The attachments of a record the caller may read. */
export async function listAttachments(db: Database, a: Actor, kind: KindDefinition, input: { id: string }) {
  await authoriseRecord(db, a, kind, input.id, 'read');
  const items = await db
    .selectFrom('attachments')
    .select(['id', 'filename', 'content_type', 'size', 'created_at'])
    .where('record_kind', '=', kind.name)
    .where('record_id', '=', input.id)
    .orderBy('created_at')
    .execute();
  return { items };
}

/**
 * Attaches a file to a record the caller may update (PDF, images, office documents, text). The
 * upload is read only once the caller is known to be allowed; the audit event names the file.
 */
export async function addAttachment(
  deps: ChangeDeps,
  a: UserActor,
  kind: KindDefinition,
  input: { id: string; file: () => Promise<{ filename: string; mimetype: string; bytes: Buffer }> },
) {
  await authoriseRecord(deps.db, a, kind, input.id, 'update');
  const file = await input.file();
  const problem = attachmentProblem(file.filename, file.mimetype, file.bytes);
  if (problem) throw new HttpError(415, 'Unsupported media type', problem);
  return change(deps, async (trx) => {
    const env = await authoriseRecord(trx, a, kind, input.id, 'update');
    const att = await trx
      .insertInto('attachments')
      .values({
        record_kind: kind.name,
        record_id: env.id,
        filename: safeFilename(file.filename),
        content_type: file.mimetype,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        content: file.bytes,
        uploaded_by: a.userId,
      })
      .returning(['id', 'filename', 'content_type', 'size', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, a, {
      action: `${kind.name}.attachment_added`,
      recordKind: kind.name,
      recordId: env.id,
      organisationId: env.owner_org_id,
      changes: { filename: att.filename, size: att.size },
    });
    return att;
  });
}

/** One attachment with the record's marking (same access as the record). */
export async function getAttachment(
  db: Database,
  a: Actor,
  kind: KindDefinition,
  input: { id: string; attachmentId: string },
) {
  const env = await authoriseRecord(db, a, kind, input.id, 'read');
  const att = await db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', input.attachmentId)
    .where('record_kind', '=', kind.name)
    .where('record_id', '=', env.id)
    .executeTakeFirst();
  if (!att) throw notFound();
  return {
    fileName: att.filename.replace(/"/g, ''),
    contentType: att.content_type,
    marking: TLP_RULES[env.tlp].label,
    content: att.content,
  };
}
