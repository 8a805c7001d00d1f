import { createHash } from 'node:crypto';
import type { Actor } from '../../../access/actor.ts';
import { isPlatformAdmin } from '../../../access/actor.ts';
import {
  canImportQuestionnaire,
  isCoordinatorOf,
  questionnairePolicy,
} from '../../../access/mapping-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { change } from '../../../core/change.ts';
import type { Database } from '../../../db/connection.ts';
import { checkKeeps, compareVersions, type Questionnaire } from '../../../engines/questionnaire/index.ts';
import { readXlsForm, WorkbookError, writeXlsForm } from '../../../engines/questionnaire/xlsform/index.ts';
import { badRequest, conflict, forbidden, notFound } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { checkBindings } from '../code-list-bindings.ts';
import { iso, questionCount } from '../mapping-format.ts';

export interface UploadedForm {
  filename: string;
  bytes: Buffer;
}

export interface ImportInput {
  dryRun: boolean;
  withoutBlocked: boolean;
  networkId?: string | undefined;
  upload: () => Promise<UploadedForm>;
}

const issueField = (i: { sheet: string; row: number; column?: string }) =>
  `${i.sheet} row ${i.row}${i.column ? ` [${i.column}]` : ''}`;

/**
 * Imports an XLSForm: a dry run reports warnings and blocking items by sheet and row (and, for a
 * new version of a known questionnaire code, the codes kept from the latest version); a commit
 * stores a published version, which never changes. `withoutBlocked` leaves the blocked questions
 * out and lists them on the version.
 */
export async function importQuestionnaire(
  deps: Pick<AppDeps, 'db' | 'outbox'>,
  a: Actor,
  input: ImportInput,
) {
  if (!isPlatformAdmin(a) && ![...a.networkRoles.values()].includes('coordinator'))
    throw forbidden('Questionnaires are imported by network coordinators and platform administrators.');
  if (input.networkId !== undefined && !canImportQuestionnaire(a, input.networkId))
    throw forbidden('You coordinate no such network: import the questionnaire for a network you coordinate.');
  const file = await input.upload();
  let read: Awaited<ReturnType<typeof readXlsForm>>;
  try {
    read = await readXlsForm(file.bytes, {
      withoutBlocked: input.withoutBlocked,
      id: file.filename.replace(/\.[^.]*$/, '') || 'questionnaire',
    });
  } catch (e) {
    if (e instanceof WorkbookError)
      throw badRequest(`The file is not a readable XLSForm workbook: ${e.message}`, [
        { field: 'file', message: e.message },
      ]);
    throw e;
  }
  const q = read.questionnaire;
  const existing = q
    ? await deps.db
        .selectFrom('mapping_questionnaires')
        .select(['id', 'network_id'])
        .where('code', '=', q.id)
        .executeTakeFirst()
    : undefined;
  const networkId = existing ? existing.network_id : (input.networkId ?? null);
  if (existing && input.networkId !== undefined && input.networkId !== existing.network_id)
    throw badRequest(`Questionnaire "${q!.id}" belongs to another network; leave networkId out.`, [
      { field: 'querystring.networkId', message: 'not the questionnaire’s network' },
    ]);
  if (!canImportQuestionnaire(a, networkId))
    throw forbidden(
      networkId === null
        ? 'Name the network you coordinate (networkId): only platform administrators import questionnaires of no network.'
        : 'Only the coordinators of the questionnaire’s network and platform administrators import its versions.',
    );
  const previous = existing
    ? await deps.db
        .selectFrom('mapping_questionnaire_versions')
        .select(['id', 'version', 'definition'])
        .where('questionnaire_id', '=', existing.id)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst()
    : undefined;
  const before = previous?.definition as Questionnaire | undefined;
  const comparison = q && before ? compareVersions(before, q) : null;
  const keepProblems = q && before ? checkKeeps(before, q) : [];
  // bindings to platform code lists that do not exist: a warning here, a 400 when opening a campaign
  const codeListProblems = q ? await checkBindings(deps.db, q) : [];
  const report = {
    dryRun: input.dryRun,
    questionnaire: q
      ? {
          code: q.id,
          title: q.title,
          version: q.version,
          languages: q.languages,
          questions: questionCount(q),
          previous: q.previous ?? null,
        }
      : null,
    newQuestionnaire: !existing,
    warnings: read.warnings,
    blocking: read.blocking,
    leftOut: q?.leftOut ?? [],
    comparison: comparison && { previousVersion: before!.version, ...comparison },
    keepProblems,
    codeListProblems,
  };
  if (input.dryRun) return { status: 200 as const, body: report };
  if (!q)
    throw badRequest(
      `The form has ${read.blocking.length} blocking item(s): fix them, or import with withoutBlocked=true to leave those questions out.`,
      read.blocking.map((i) => ({ field: issueField(i), message: i.reason })),
    );
  if (keepProblems.length)
    throw badRequest(
      `The form declares kept codes that are not kept from version ${before!.version}: ${keepProblems.map((p) => p.reason).join('; ')}`,
      keepProblems.map((p) => ({ field: `settings eucab::keeps ${p.code}`, message: p.reason })),
    );
  if (existing) {
    const same = await deps.db
      .selectFrom('mapping_questionnaire_versions')
      .select('id')
      .where('questionnaire_id', '=', existing.id)
      .where('version', '=', q.version)
      .executeTakeFirst();
    if (same)
      throw conflict(
        `Version ${q.version} of "${q.id}" is already published and never changes: give the new version another version number (settings "version").`,
      );
  }
  const sha = createHash('sha256').update(file.bytes).digest('hex');
  const saved = await change(deps, async (trx) => {
    const qid =
      existing?.id ??
      (
        await trx
          .insertInto('mapping_questionnaires')
          .values({ code: q.id, network_id: networkId, title: q.title, created_by: a.userId! })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    if (existing)
      await trx.updateTable('mapping_questionnaires').set({ title: q.title }).where('id', '=', qid).execute();
    const v = await trx
      .insertInto('mapping_questionnaire_versions')
      .values({
        questionnaire_id: qid,
        version: q.version,
        title: q.title,
        definition: JSON.stringify(q),
        previous_version_id: previous?.id ?? null,
        comparison: comparison ? JSON.stringify(report.comparison) : null,
        warnings: JSON.stringify(read.warnings),
        file_name: file.filename,
        file_sha256: sha,
        created_by: a.userId!,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, a, {
      action: existing ? 'mapping_questionnaire.version_published' : 'mapping_questionnaire.imported',
      recordKind: 'mapping_questionnaire',
      recordId: qid,
      changes: {
        code: q.id,
        version: q.version,
        file: file.filename,
        sha256: sha,
        leftOut: q.leftOut.length,
        kept: comparison?.kept.length ?? null,
      },
    });
    return { questionnaireId: qid, versionId: v.id };
  });
  return { status: 201 as const, body: { ...report, ...saved } };
}

/** Every questionnaire with its versions (newest first) and the caller's abilities. */
export async function listQuestionnaires(db: Database, a: Actor) {
  const qs = await db
    .selectFrom('mapping_questionnaires as q')
    .leftJoin('networks as n', 'n.id', 'q.network_id')
    .select(['q.id', 'q.code', 'q.title', 'q.network_id', 'n.code as network_code', 'q.created_at'])
    .orderBy('q.title')
    .execute();
  const versions = await db
    .selectFrom('mapping_questionnaire_versions')
    .select(['id', 'questionnaire_id', 'version', 'title', 'created_at'])
    .orderBy('created_at', 'desc')
    .execute();
  return {
    items: qs.map((q) => ({
      id: q.id,
      code: q.code,
      title: q.title,
      networkId: q.network_id,
      networkCode: q.network_code,
      createdAt: iso(q.created_at),
      versions: versions
        .filter((v) => v.questionnaire_id === q.id)
        .map((v) => ({ id: v.id, version: v.version, title: v.title, createdAt: iso(v.created_at) })),
      abilities: questionnairePolicy.abilities(a, q),
    })),
  };
}

async function findVersion(db: Database, questionnaireId: string, version: string) {
  const row = await db
    .selectFrom('mapping_questionnaire_versions as v')
    .innerJoin('mapping_questionnaires as q', 'q.id', 'v.questionnaire_id')
    .leftJoin('mapping_questionnaire_versions as p', 'p.id', 'v.previous_version_id')
    .select([
      'v.id',
      'v.version',
      'v.title',
      'v.definition',
      'v.comparison',
      'v.warnings',
      'v.file_name',
      'v.created_at',
      'q.id as questionnaire_id',
      'q.code',
      'q.network_id',
      'p.version as previous_version',
    ])
    .where('q.id', '=', questionnaireId)
    .where('v.version', '=', version)
    .executeTakeFirst();
  if (!row) throw notFound('No such questionnaire version.');
  return row;
}

/** One published version: the whole definition (labels in every language it has), left-out items, comparison. */
export async function getQuestionnaireVersion(db: Database, a: Actor, id: string, version: string) {
  const v = await findVersion(db, id, version);
  const q = v.definition as Questionnaire;
  return {
    id: v.id,
    questionnaireId: v.questionnaire_id,
    code: v.code,
    version: v.version,
    title: v.title,
    networkId: v.network_id,
    previousVersion: v.previous_version,
    comparison: v.comparison,
    warnings: v.warnings,
    // checked against the platform's code lists as they are now (a campaign is refused while any)
    codeListProblems: await checkBindings(db, q),
    leftOut: q.leftOut,
    fileName: v.file_name,
    createdAt: iso(v.created_at),
    questionnaire: q,
    abilities: { ...questionnairePolicy.abilities(a, v), coordinator: isCoordinatorOf(a, v.network_id) },
  };
}

/** The version written back as an XLSForm workbook (reads back to a deep-equal questionnaire). */
export async function exportQuestionnaireVersion(db: Database, a: Actor, id: string, version: string) {
  const v = await findVersion(db, id, version);
  if (!questionnairePolicy.abilities(a, v).export) throw forbidden();
  const bytes = await writeXlsForm(v.definition as Questionnaire);
  return { filename: `${v.code}-${v.version}.xlsx`.replace(/[^\w.-]+/g, '_'), bytes: Buffer.from(bytes) };
}
