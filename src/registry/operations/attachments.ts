import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { TLP_RULES } from '../../access/tlp.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { attachmentProblem, safeFilename } from '../../core/attachment-types.ts';
import { change } from '../../core/change.ts';
import type { Trx } from '../../core/context.ts';
import { EXTRACTABLE_TYPES } from '../../core/document-text/extract.ts';
import { extractTextInWorker } from '../../core/document-text/in-worker.ts';
import { type ExtractedText, textMessage } from '../../core/document-text/limits.ts';
import type { Database } from '../../db/connection.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import type { KindDefinition } from '../definition.ts';
import { authoriseRecord } from '../record-service.ts';
import { searchConfig } from '../search-config.ts';
import type { ChangeDeps, UserActor } from './types.ts';

/** Whether an attachment's text is searchable: all of it, up to a limit, or none (and why). */
export interface AttachmentText {
  status: ExtractedText['status'];
  reason: ExtractedText['reason'];
  limit: number | null;
  pages: number | null;
  message: string | null;
}

function textOf(row: {
  text_status: ExtractedText['status'] | null;
  text_reason: ExtractedText['reason'];
  text_limit: number | null;
  text_pages: number | null;
}): AttachmentText | null {
  if (!row.text_status) return null;
  const limit = row.text_limit === null ? null : Number(row.text_limit);
  return {
    status: row.text_status,
    reason: row.text_reason,
    limit,
    pages: row.text_pages,
    message: textMessage({ reason: row.text_reason, limit }),
  };
}

/**
 * The attachments of a record the caller may read, oldest first (a document's file versions in
 * order), each with whether its text is searchable (`text`: null for files that have no text).
 */
export async function listAttachments(db: Database, a: Actor, kind: KindDefinition, input: { id: string }) {
  await authoriseRecord(db, a, kind, input.id, 'read');
  const rows = await db
    .selectFrom('attachments as f')
    .leftJoin('attachment_texts as t', 't.attachment_id', 'f.id')
    .select([
      'f.id',
      'f.filename',
      'f.content_type',
      'f.size',
      'f.created_at',
      't.status as text_status',
      't.reason as text_reason',
      't.reason_limit as text_limit',
      't.pages as text_pages',
    ])
    .where('f.record_kind', '=', kind.name)
    .where('f.record_id', '=', input.id)
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
  const items = rows.map(({ text_status, text_reason, text_limit, text_pages, ...att }) => ({
    ...att,
    text: textOf({ text_status, text_reason, text_limit, text_pages }),
  }));
  return { items };
}

/** A checked upload and its text as read by `extractTextInWorker` (null for files without text). */
export interface CheckedFile {
  filename: string;
  mimetype: string;
  bytes: Buffer;
  extracted: ExtractedText | null;
}

/**
 * Reads the text of a checked file (PDF, DOCX, ODT, text) in a worker thread within the limits of
 * src/core/document-text; null for files that have no text. Call it before the transaction.
 */
export async function readFileText(file: { mimetype: string; bytes: Buffer }): Promise<ExtractedText | null> {
  return EXTRACTABLE_TYPES.has(file.mimetype) ? extractTextInWorker(file.bytes, file.mimetype) : null;
}

/**
 * Inside the caller's transaction, on a record it may update: stores the file, its searchable
 * text and the audit event (the REST route and the demo seed use it).
 */
export async function storeAttachment(
  trx: Trx,
  a: UserActor,
  kind: KindDefinition,
  env: { id: string; owner_org_id: string; language: string },
  file: CheckedFile,
) {
  const { extracted } = file;
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
      // The statement's time, not the transaction's: files stored in one transaction keep their order.
      created_at: sql<Date>`clock_timestamp()`,
    })
    .returning(['id', 'filename', 'content_type', 'size', 'created_at'])
    .executeTakeFirstOrThrow();
  let text: AttachmentText | null = null;
  if (extracted) {
    const cfg = searchConfig(env.language);
    await trx
      .insertInto('attachment_texts')
      .values({
        attachment_id: att.id,
        record_kind: kind.name,
        record_id: env.id,
        status: extracted.status,
        reason: extracted.reason,
        reason_limit: extracted.limit,
        pages: extracted.pages,
        chars: extracted.text.length,
        search: sql<string>`to_tsvector(${cfg}::regconfig, unaccent(${extracted.text})) || to_tsvector('simple', unaccent(${extracted.text}))`,
      })
      .execute();
    // The record's words of its files (what list and global search match), in the same transaction.
    await sql`UPDATE registry_records SET file_search = coalesce(file_search, ''::tsvector) ||
      (SELECT search FROM attachment_texts WHERE attachment_id = ${att.id})
      WHERE kind = ${kind.name} AND id = ${env.id}`.execute(trx);
    text = textOf({
      text_status: extracted.status,
      text_reason: extracted.reason,
      text_limit: extracted.limit,
      text_pages: extracted.pages,
    });
  }
  await recordAudit(trx, a, {
    action: `${kind.name}.attachment_added`,
    recordKind: kind.name,
    recordId: env.id,
    organisationId: env.owner_org_id,
    changes: {
      filename: att.filename,
      size: att.size,
      ...(extracted
        ? { text: extracted.status, ...(extracted.reason ? { textReason: extracted.reason } : {}) }
        : {}),
    },
  });
  return { ...att, text };
}

/**
 * Attaches a file to a record the caller may update (PDF, images, office documents, text). The
 * upload is read only once the caller is known to be allowed; the audit event names the file.
 * The text of a PDF, DOCX, ODT or text file is read in a worker thread within limits
 * (src/core/document-text) and stored with the file in the same transaction, so the record is
 * found by words of its files through the same readable filter as by its fields; the answer says
 * whether all, part or none of the text is searchable, and why.
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
  const extracted = await readFileText(file);
  return change(deps, async (trx) => {
    const env = await authoriseRecord(trx, a, kind, input.id, 'update');
    return storeAttachment(trx, a, kind, env, { ...file, extracted });
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
