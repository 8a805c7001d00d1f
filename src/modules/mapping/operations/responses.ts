import type { Actor } from '../../../access/actor.ts';
import { responseAbilities, responsePolicy } from '../../../access/mapping-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { canonicalJson } from '../../../audit/canonical-json.ts';
import { change } from '../../../core/change.ts';
import type { Database } from '../../../db/connection.ts';
import { validateResponse } from '../../../engines/questionnaire/index.ts';
import { badRequest, forbidden, HttpError, notFound } from '../../../http/errors.ts';
import { enqueue } from '../../../outbox/outbox-worker.ts';
import type { UserActor } from '../../../registry/operations/types.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { loadCampaign } from '../campaign-access.ts';
import { iso } from '../mapping-format.ts';
import { settleAnswerFiles } from './answer-files.ts';
import { feedRecords, linkedRecords } from './record-mappings.ts';

/** Problems a draft may still have (completed before validation). */
const DRAFT_TOLERATED = new Set(['required', 'repeat_min', 'repeat_count', 'not_relevant']);

export async function loadResponse(db: Database, a: Actor, id: string) {
  const r = await db
    .selectFrom('mapping_responses as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('users as e', 'e.id', 'r.last_editor_id')
    .leftJoin('users as w', 'w.id', 'r.validated_by')
    .select([
      'r.id',
      'r.campaign_id',
      'r.organisation_id',
      'o.code as organisation_code',
      'o.name as organisation_name',
      'r.respondent_user_id',
      'r.status',
      'r.answers',
      'r.version',
      'r.last_editor_id',
      'e.display_name as last_editor_name',
      'r.last_edited_at',
      'r.validated_by',
      'w.display_name as validated_by_name',
      'r.validated_at',
      'r.reopen_reason',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('No such response, or you may not see it.');
  const campaign = await loadCampaign(db, a, r.campaign_id).catch(() => null);
  if (!campaign) throw notFound('No such response, or you may not see it.');
  const facts = {
    organisationId: r.organisation_id,
    respondentUserId: r.respondent_user_id,
    status: r.status,
    lastEditorId: r.last_editor_id,
  };
  const abilities = responseAbilities(a, campaign.facts, facts, new Date());
  if (!abilities.read) throw notFound('No such response, or you may not see it.');
  return { r, campaign, abilities };
}

function view(loaded: Awaited<ReturnType<typeof loadResponse>>) {
  const { r, campaign, abilities } = loaded;
  return {
    id: r.id,
    campaignId: r.campaign_id,
    questionnaireVersionId: campaign.row.questionnaire_version_id,
    organisation: { id: r.organisation_id, code: r.organisation_code, name: r.organisation_name },
    respondentUserId: r.respondent_user_id,
    status: r.status,
    answers: r.answers,
    version: r.version,
    lastEditor: r.last_editor_id ? { id: r.last_editor_id, displayName: r.last_editor_name } : null,
    lastEditedAt: iso(r.last_edited_at),
    validatedBy: r.validated_by ? { id: r.validated_by, displayName: r.validated_by_name } : null,
    validatedAt: iso(r.validated_at),
    reopenReason: r.reopen_reason,
    closesAt: iso(campaign.row.closes_at),
    abilities,
  };
}

export async function getResponse(db: Database, a: Actor, id: string) {
  const loaded = await loadResponse(db, a, id);
  // the records its entries became: for its administration (drafts are read there only)
  const own = a.orgId === loaded.r.organisation_id;
  return { ...view(loaded), ...(own ? { records: await linkedRecords(db, id) } : {}) };
}

/** The responses of a campaign the caller may read (own administration's; validated ones as the mode allows). */
export async function listResponses(db: Database, a: Actor, campaignId: string) {
  const { facts } = await loadCampaign(db, a, campaignId);
  const rows = await db
    .selectFrom('mapping_responses as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select([
      'r.id',
      'r.organisation_id',
      'o.code',
      'r.respondent_user_id',
      'r.status',
      'r.version',
      'r.last_editor_id',
      'r.validated_at',
    ])
    .where('r.campaign_id', '=', campaignId)
    .where(responsePolicy.readable(a, 'r'))
    .orderBy('o.code')
    .execute();
  const now = new Date();
  return {
    items: rows.map((r) => ({
      id: r.id,
      organisation: { id: r.organisation_id, code: r.code },
      respondentUserId: r.respondent_user_id,
      status: r.status,
      version: r.version,
      validatedAt: iso(r.validated_at),
      abilities: responseAbilities(
        a,
        facts,
        {
          organisationId: r.organisation_id,
          respondentUserId: r.respondent_user_id,
          status: r.status,
          lastEditorId: r.last_editor_id,
        },
        now,
      ),
    })),
  };
}

export function refusal(
  loaded: Awaited<ReturnType<typeof loadResponse>>,
  what: 'save' | 'validate',
): HttpError {
  const { r, campaign } = loaded;
  const now = new Date();
  if (r.status === 'validated')
    return forbidden('This response is validated: the coordinator may reopen it (with a reason).');
  if (now >= campaign.row.closes_at)
    return forbidden(
      `The campaign closed on ${campaign.row.closes_at.toISOString()}: late answers are refused unless the coordinator extends the close.`,
    );
  if (now < campaign.row.opens_at)
    return forbidden(`The campaign opens on ${campaign.row.opens_at.toISOString()}.`);
  if (what === 'validate' && r.last_editor_id === null)
    return forbidden('Nothing has been saved to validate yet.');
  return forbidden(
    what === 'save'
      ? "Only the colleagues your NCP assigned (and the NCP or deputy) draft your administration's response."
      : 'A response is validated by the assigned validator or the NCP / deputy, who is not its last editor.',
  );
}

function stale(
  expected: number,
  current: number,
  before: Record<string, unknown>,
  now: Record<string, unknown>,
) {
  const codes = [...new Set([...Object.keys(before), ...Object.keys(now)])]
    .filter((k) => canonicalJson(before[k]) !== canonicalJson(now[k]))
    .sort();
  return new HttpError(
    409,
    'Conflict',
    `Someone saved this response after your version ${expected} (now version ${current}). Changed questions: ${codes.join(', ') || 'none'}. Reload, merge your changes and save again.`,
    codes.map((c) => ({ field: `answers.${c}`, message: 'changed since your version' })),
  );
}

async function answersAt(
  db: Database,
  responseId: string,
  version: number,
): Promise<Record<string, unknown>> {
  if (version <= 0) return {};
  const v = await db
    .selectFrom('mapping_response_versions')
    .select('answers')
    .where('response_id', '=', responseId)
    .where('version', '=', version)
    .executeTakeFirst();
  return v?.answers ?? {};
}

const today = () => new Date().toISOString().slice(0, 10);

function problemsError(problems: { code: string; message: string }[], draft: boolean) {
  return badRequest(
    `The answers have ${problems.length} problem(s)${draft ? '' : ' to fix before validation'}: ${problems
      .slice(0, 10)
      .map((p) => `${p.code}: ${p.message}`)
      .join('; ')}`,
    problems.map((p) => ({ field: `answers.${p.code}`, message: p.message })),
  );
}

/** Saves a draft. `version` is the version the editor started from: a stale save answers 409 naming the changed questions. */
export async function saveAnswers(
  deps: Pick<AppDeps, 'db' | 'outbox'>,
  a: Actor,
  id: string,
  input: { version: number; answers: Record<string, unknown>; language?: string | undefined },
) {
  const loaded = await loadResponse(deps.db, a, id);
  if (!loaded.abilities.update) throw refusal(loaded, 'save');
  const { r, campaign } = loaded;
  if (input.version !== r.version)
    throw stale(input.version, r.version, await answersAt(deps.db, id, input.version), r.answers);
  const result = validateResponse(campaign.definition, input.answers, {
    today: today(),
    ...(input.language ? { language: input.language } : {}),
  });
  const problems = result.problems.filter((p) => !DRAFT_TOLERATED.has(p.kind));
  if (problems.length) throw problemsError(problems, true);
  const answers = result.answers as Record<string, unknown>;
  const changed = Object.keys({ ...r.answers, ...answers }).filter(
    (k) => canonicalJson(r.answers[k]) !== canonicalJson(answers[k]),
  );
  await change(deps, async (trx) => {
    const now = new Date();
    const u = await trx
      .updateTable('mapping_responses')
      .set({
        answers: JSON.stringify(answers),
        version: r.version + 1,
        last_editor_id: a.userId,
        last_edited_at: now,
      })
      .where('id', '=', id)
      .where('version', '=', r.version)
      .where('status', '!=', 'validated')
      .executeTakeFirst();
    if (Number(u.numUpdatedRows) !== 1) throw stale(input.version, r.version + 1, r.answers, answers);
    // file answers: uploaded to this response; files replaced or removed go
    await settleAnswerFiles(trx, a, r, campaign.definition, r.answers, answers);
    await trx
      .insertInto('mapping_response_versions')
      .values({
        response_id: id,
        version: r.version + 1,
        answers: JSON.stringify(answers),
        edited_by: a.userId!,
        edited_at: now,
      })
      .execute();
    await recordAudit(trx, a, {
      action: 'mapping_response.saved',
      recordKind: 'mapping_response',
      recordId: id,
      organisationId: r.organisation_id,
      changes: { version: r.version + 1, changedQuestions: changed },
    });
  });
  return {
    ...(await getResponse(deps.db, a, id)),
    pending: result.problems
      .filter((p) => p.kind !== 'not_relevant')
      .map((p) => ({ field: `answers.${p.code}`, kind: p.kind, message: p.message })),
  };
}

/** Validates the response (it then counts): someone other than the last editor, holding the validator assignment or NCP / deputy. */
export async function validateAnswers(
  deps: Pick<AppDeps, 'db' | 'outbox'>,
  a: Actor,
  id: string,
  input: { version: number; language?: string | undefined },
) {
  const loaded = await loadResponse(deps.db, a, id);
  const { r, campaign } = loaded;
  if (!loaded.abilities.validate) {
    if (loaded.abilities.update && r.last_editor_id === a.userId)
      throw forbidden(
        'You saved the last change: a colleague (the validator or the NCP / deputy) validates it.',
      );
    throw refusal(loaded, 'validate');
  }
  if (input.version !== r.version)
    throw stale(input.version, r.version, await answersAt(deps.db, id, input.version), r.answers);
  const result = validateResponse(campaign.definition, r.answers, {
    today: today(),
    ...(input.language ? { language: input.language } : {}),
  });
  const problems = result.problems.filter((p) => p.kind !== 'not_relevant');
  if (problems.length) throw problemsError(problems, false);
  const records = await change(deps, async (trx) => {
    const u = await trx
      .updateTable('mapping_responses')
      .set({ status: 'validated', validated_by: a.userId, validated_at: new Date(), reopen_reason: null })
      .where('id', '=', id)
      .where('version', '=', r.version)
      .where('status', '!=', 'validated')
      .executeTakeFirst();
    if (Number(u.numUpdatedRows) !== 1) throw stale(input.version, r.version + 1, r.answers, r.answers);
    // answers feed records: mapped repeat groups become draft records of the administration
    const fed = await feedRecords(
      trx,
      a as UserActor,
      { id, answers: r.answers },
      campaign.row.id,
      campaign.row.title,
    );
    await recordAudit(trx, a, {
      action: 'mapping_response.validated',
      recordKind: 'mapping_response',
      recordId: id,
      organisationId: r.organisation_id,
      changes: {
        version: r.version,
        lastEditor: r.last_editor_id,
        ...(fed.length
          ? {
              records: Object.fromEntries(
                ['created', 'updated', 'kept', 'exists'].map((o) => [
                  o,
                  fed.filter((f) => f.outcome === o).length,
                ]),
              ),
            }
          : {}),
      },
    });
    return fed;
  });
  return { ...(await getResponse(deps.db, a, id)), fedRecords: records };
}

/** The coordinator reopens a validated response, with a reason the administration reads. */
export async function reopenResponse(
  deps: Pick<AppDeps, 'db' | 'outbox'>,
  a: Actor,
  id: string,
  input: { reason: string },
) {
  const loaded = await loadResponse(deps.db, a, id);
  if (!loaded.abilities.reopen)
    throw forbidden(
      loaded.r.status === 'validated'
        ? 'Only a coordinator of the campaign’s network reopens a response.'
        : 'Only a validated response can be reopened.',
    );
  await change(deps, async (trx) => {
    await trx
      .updateTable('mapping_responses')
      .set({ status: 'reopened', validated_by: null, validated_at: null, reopen_reason: input.reason })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, a, {
      action: 'mapping_response.reopened',
      recordKind: 'mapping_response',
      recordId: id,
      organisationId: loaded.r.organisation_id,
      changes: { reason: input.reason },
    });
    await enqueue(trx, 'mapping.response_reopened', { responseId: id });
  });
  // the coordinator reads validated responses only: the answer says what happened, not the draft
  return {
    id,
    campaignId: loaded.r.campaign_id,
    organisation: { id: loaded.r.organisation_id, code: loaded.r.organisation_code },
    status: 'reopened' as const,
    reopenReason: input.reason,
  };
}
