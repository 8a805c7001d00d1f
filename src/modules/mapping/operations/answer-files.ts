import { createHash } from 'node:crypto';
import type { Actor } from '../../../access/actor.ts';
import { isAnswering } from '../../../access/mapping-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { safeFilename } from '../../../core/attachment-types.ts';
import { change } from '../../../core/change.ts';
import type { Trx } from '../../../core/context.ts';
import type { Database } from '../../../db/connection.ts';
import { type FileQuestion, type Questionnaire, walkItems } from '../../../engines/questionnaire/index.ts';
import { badRequest, conflict, HttpError, notFound } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { ANSWER_FILE_LIMIT, answerFileProblem } from '../answer-file-types.ts';
import { loadResponse, refusal } from './responses.ts';

/** The file questions of a questionnaire by code (top level, in groups and in repeat groups). */
function fileQuestions(q: Questionnaire): Map<string, FileQuestion> {
  const out = new Map<string, FileQuestion>();
  for (const { item } of walkItems(q.items)) if (item.type === 'file') out.set(item.code, item);
  return out;
}

/** Every `{ fileId }` answer of the file questions in a response's answers (repeat entries included). */
export function fileReferences(q: Questionnaire, answers: unknown): { code: string; fileId: string }[] {
  const codes = fileQuestions(q);
  const out: { code: string; fileId: string }[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        const id = x && typeof x === 'object' ? (x as { fileId?: unknown }).fileId : undefined;
        if (codes.has(k) && typeof id === 'string') out.push({ code: k, fileId: id });
        else visit(x);
      }
  };
  visit(answers);
  return out;
}

/** Whether the caller drafts the loaded response (reads the files uploaded to it but not yet saved). */
function drafts(a: Actor, loaded: Awaited<ReturnType<typeof loadResponse>>): boolean {
  const { r, campaign } = loaded;
  return isAnswering(a, campaign.facts, {
    organisationId: r.organisation_id,
    respondentUserId: r.respondent_user_id,
    status: r.status,
    lastEditorId: r.last_editor_id,
  });
}

/**
 * Uploads a file answer to a file question of a response the caller may draft. The file is checked
 * against the question's media kind (type, name, content) and the size limit, stored with the
 * response, and audited; the answer `{ fileId, name }` counts once the draft is saved with it.
 */
export async function uploadAnswerFile(
  deps: Pick<AppDeps, 'db' | 'outbox' | 'config'>,
  a: Actor,
  responseId: string,
  input: {
    question: string;
    file: () => Promise<{ filename: string; mimetype: string; bytes: Buffer }>;
  },
) {
  const loaded = await loadResponse(deps.db, a, responseId);
  if (!loaded.abilities.update) throw refusal(loaded, 'save');
  const question = fileQuestions(loaded.campaign.definition).get(input.question);
  if (!question)
    throw badRequest(`The questionnaire has no file question "${input.question}".`, [
      { field: 'querystring.question', message: 'not a file question of this questionnaire' },
    ]);
  const file = await input.file();
  const limit = Math.min(ANSWER_FILE_LIMIT, deps.config.UPLOAD_LIMIT_BYTES);
  const problem = answerFileProblem(question.media, file, limit);
  if (problem)
    throw file.bytes.length > limit
      ? new HttpError(413, 'Payload too large', problem)
      : new HttpError(415, 'Unsupported media type', problem);
  return change(deps, async (trx) => {
    // the response may have been validated (or the campaign closed) meanwhile
    const again = await loadResponse(trx, a, responseId);
    if (!again.abilities.update) throw refusal(again, 'save');
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const row = await trx
      .insertInto('mapping_response_files')
      .values({
        response_id: responseId,
        question_code: question.code,
        filename: safeFilename(file.filename),
        content_type: file.mimetype,
        size: file.bytes.length,
        sha256,
        content: file.bytes,
        uploaded_by: a.userId!,
      })
      .returning(['id', 'filename', 'content_type', 'size', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, a, {
      action: 'mapping_response.file_added',
      recordKind: 'mapping_response',
      recordId: responseId,
      organisationId: loaded.r.organisation_id,
      changes: { question: question.code, file: row.id, filename: row.filename, size: row.size, sha256 },
    });
    return {
      fileId: row.id,
      name: row.filename,
      question: question.code,
      contentType: row.content_type,
      size: row.size,
      createdAt: row.created_at.toISOString(),
    };
  });
}

/**
 * One file of a response, through the response's policy (404 when the caller may not read the
 * response). Those who draft it read every file uploaded to it (also with a read-only key); other readers (the coordinator,
 * participants of a named campaign) only the files its saved answers give.
 */
export async function getAnswerFile(db: Database, a: Actor, responseId: string, fileId: string) {
  const loaded = await loadResponse(db, a, responseId);
  const row = await db
    .selectFrom('mapping_response_files')
    .select(['id', 'filename', 'content_type', 'content'])
    .where('id', '=', fileId)
    .where('response_id', '=', responseId)
    .executeTakeFirst();
  if (!row) throw notFound('No such file, or you may not see it.');
  if (
    !drafts(a, loaded) &&
    !fileReferences(loaded.campaign.definition, loaded.r.answers).some((f) => f.fileId === fileId)
  )
    throw notFound('No such file, or you may not see it.');
  return { fileName: row.filename.replace(/"/g, ''), contentType: row.content_type, content: row.content };
}

/**
 * Removes a file uploaded to a response that its saved answers do not give (e.g. the wrong file
 * chosen before saving). A file the saved answers give is removed by saving the answers without it.
 */
export async function removeAnswerFile(
  deps: Pick<AppDeps, 'db' | 'outbox'>,
  a: Actor,
  responseId: string,
  fileId: string,
) {
  const loaded = await loadResponse(deps.db, a, responseId);
  const row = await deps.db
    .selectFrom('mapping_response_files')
    .select(['id', 'filename', 'question_code'])
    .where('id', '=', fileId)
    .where('response_id', '=', responseId)
    .executeTakeFirst();
  const saved = fileReferences(loaded.campaign.definition, loaded.r.answers).some((f) => f.fileId === fileId);
  if (!row || (!drafts(a, loaded) && !saved)) throw notFound('No such file, or you may not see it.');
  if (!loaded.abilities.update) throw refusal(loaded, 'save');
  if (saved)
    throw conflict(
      `The saved answers give this file (question ${row.question_code}): remove it from the answer and save the draft, which removes the file.`,
    );
  await change(deps, async (trx) => {
    await trx.deleteFrom('mapping_response_files').where('id', '=', fileId).execute();
    await recordAudit(trx, a, {
      action: 'mapping_response.file_removed',
      recordKind: 'mapping_response',
      recordId: responseId,
      organisationId: loaded.r.organisation_id,
      changes: { question: row.question_code, file: row.id, filename: row.filename },
    });
  });
}

/**
 * Inside a save's transaction: checks that every file answer names a file uploaded to this response
 * for that question (400 naming the answer otherwise), and removes the
 * files the previous answers gave that the new ones no longer give (replaced or removed), audited.
 */
export async function settleAnswerFiles(
  trx: Trx,
  a: Actor,
  response: { id: string; organisation_id: string },
  q: Questionnaire,
  before: Record<string, unknown>,
  answers: Record<string, unknown>,
) {
  const refs = fileReferences(q, answers);
  const old = fileReferences(q, before);
  const ids = [...new Set([...refs, ...old].map((f) => f.fileId))];
  const rows = ids.length
    ? await trx
        .selectFrom('mapping_response_files')
        .select(['id', 'question_code', 'filename'])
        .where('response_id', '=', response.id)
        .where('id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const wrong = refs.filter((f) => byId.get(f.fileId)?.question_code !== f.code);
  if (wrong.length)
    throw badRequest(
      `${wrong.length} file answer(s) name no file uploaded to this response for that question: upload the file again.`,
      wrong.map((f) => ({ field: `answers.${f.code}`, message: 'no such file uploaded for this question' })),
    );
  const kept = new Set(refs.map((f) => f.fileId));
  const gone = [...new Set(old.map((f) => f.fileId))].filter((id) => !kept.has(id) && byId.has(id));
  for (const id of gone) {
    const f = byId.get(id)!;
    await trx.deleteFrom('mapping_response_files').where('id', '=', id).execute();
    await recordAudit(trx, a, {
      action: 'mapping_response.file_removed',
      recordKind: 'mapping_response',
      recordId: response.id,
      organisationId: response.organisation_id,
      changes: { question: f.question_code, file: f.id, filename: f.filename },
    });
  }
}
