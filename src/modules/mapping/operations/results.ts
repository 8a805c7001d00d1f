import { sql } from 'kysely';
import type { Actor } from '../../../access/actor.ts';
import { campaignAbilities, type ResultView, resultView } from '../../../access/mapping-policy.ts';
import type { Database } from '../../../db/connection.ts';
import {
  type AggregateOptions,
  crosstab,
  indexItems,
  otherCode,
  pivotByCode,
  type Questionnaire,
  type Response,
  ResultError,
  summarize,
  walkItems,
} from '../../../engines/questionnaire/index.ts';
import { quantile } from '../../../engines/questionnaire/results/stats.ts';
import { badRequest, forbidden, notFound } from '../../../http/errors.ts';
import { campaignsFacts, loadCampaign } from '../campaign-access.ts';
import { iso } from '../mapping-format.ts';

const CONTAINERS = new Set(['group', 'repeat', 'matrix', 'note']);

export interface ResultFilter {
  filterQuestion?: string | undefined;
  filterValue?: string | undefined;
}

/**
 * The validated responses a caller may compute on, and how: `full` (k = 0, every response) or
 * `aggregate` (k = 3 administrations, the caller's own administration apart: its answer is given
 * as `own`, the statistics are those of the others).
 */
export async function resultContext(
  db: Database,
  a: Actor,
  campaignId: string,
  filter: ResultFilter = {},
  questions?: string[],
) {
  const c = await loadCampaign(db, a, campaignId);
  const view = resultView(a, c.facts);
  if (view === 'none')
    throw forbidden(
      c.row.sharing === 'coordinator_only'
        ? 'Only the coordinator sees the results of this campaign.'
        : 'You may not see the results of this campaign.',
    );
  return { ...c, view, ...(await responsesFor(db, a, c.row.id, c.definition, view, filter, questions)) };
}

/** Validated responses of campaigns (only the answer keys named, when `keys` is given), by administration code. */
function validatedRows(db: Database, campaignIds: string[], keys?: string[]) {
  return db
    .selectFrom('mapping_responses as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('users as u', 'u.id', 'r.respondent_user_id')
    .select(['r.id', 'r.campaign_id', 'r.organisation_id', 'o.code', 'u.display_name', 'r.validated_at'])
    .select(
      keys
        ? sql<Record<string, unknown>>`jsonb_strip_nulls(jsonb_build_object(${sql.join(
            keys.map((k) => sql`${k}::text, r.answers -> ${k}::text`),
          )}))`.as('answers')
        : sql<Record<string, unknown>>`r.answers`.as('answers'),
    )
    .where('r.campaign_id', 'in', campaignIds)
    .where('r.status', '=', 'validated')
    .orderBy('o.code')
    .orderBy('r.id')
    .execute();
}
type ValidatedRow = Awaited<ReturnType<typeof validatedRows>>[number];

async function responsesFor(
  db: Database,
  a: Actor,
  campaignId: string,
  q: Questionnaire,
  view: ResultView,
  filter: ResultFilter,
  questions?: string[],
) {
  // only the answers the computation reads, when it names its questions (cross-tabs)
  const keys =
    questions && answerKeys(q, [...questions, ...(filter.filterQuestion ? [filter.filterQuestion] : [])]);
  return shapeResponses(await validatedRows(db, [campaignId], keys), a, q, view, filter);
}

/** The caller's view of validated rows: filtered; in aggregate view the own administration apart. */
function shapeResponses(
  rows: ValidatedRow[],
  a: Actor,
  q: Questionnaire,
  view: ResultView,
  filter: ResultFilter,
) {
  if (filter.filterQuestion !== undefined) checkCode(q, filter.filterQuestion, 'filterQuestion');
  const kept = rows.filter((r) => matches(r.answers[filter.filterQuestion ?? ''], filter));
  const aggregate = view === 'aggregate';
  // in aggregate view a respondent is an administration: k counts administrations
  const toResponse = (r: ValidatedRow): Response => ({
    respondent: aggregate ? r.organisation_id : r.id,
    answers: r.answers,
  });
  const own = aggregate ? kept.filter((r) => r.organisation_id === a.orgId) : [];
  const others = aggregate ? kept.filter((r) => r.organisation_id !== a.orgId) : kept;
  return {
    rows: kept,
    responses: others.map(toResponse),
    own: own.map(toResponse),
    opts: (aggregate ? { aggregateOnly: true } : {}) as AggregateOptions,
  };
}

/** The top-level answer keys that hold the given questions (a repeat's or matrix's code; "other" texts). */
function answerKeys(q: Questionnaire, codes: string[]): string[] {
  const index = indexItems(q);
  const keys = new Set<string>();
  for (const code of codes) {
    const place = index.get(code);
    if (!place) continue;
    const key = place.repeats[0] ?? place.matrix?.code ?? code;
    keys.add(key);
    if (key === code) keys.add(otherCode(code));
  }
  return [...keys];
}

function matches(value: unknown, f: ResultFilter): boolean {
  if (f.filterQuestion === undefined) return true;
  if (f.filterValue === undefined) return value !== undefined && value !== null && value !== '';
  if (Array.isArray(value)) return value.map(String).includes(f.filterValue);
  return value !== undefined && value !== null && String(value) === f.filterValue;
}

function checkCode(q: Questionnaire, code: string, field: string) {
  const place = indexItems(q).get(code);
  if (!place || CONTAINERS.has(place.item.type))
    throw badRequest(`"${code}" is not a question of this questionnaire version.`, [
      { field: `querystring.${field}`, message: 'no such question' },
    ]);
}

const k = (opts: AggregateOptions) => (opts.aggregateOnly ? 3 : 0);
const shown = (n: number, opts: AggregateOptions) => (n >= k(opts) ? n : null);

/** Per-question summaries (all questions, or one), with the caller's own answers apart in aggregate view. */
export async function summaries(
  db: Database,
  a: Actor,
  campaignId: string,
  input: ResultFilter & { question?: string | undefined },
) {
  const ctx = await resultContext(db, a, campaignId, input);
  const q = ctx.definition;
  const index = indexItems(q);
  if (input.question !== undefined) checkCode(q, input.question, 'question');
  const codes =
    input.question !== undefined
      ? [input.question]
      : walkItems(q.items)
          .filter(({ item }) => !CONTAINERS.has(item.type))
          .map(({ item }) => item.code);
  return {
    view: ctx.view,
    sharing: ctx.row.sharing,
    respondents: shown(new Set(ctx.responses.map((r) => r.respondent)).size, ctx.opts),
    own: ctx.view === 'aggregate' ? (ctx.own[0]?.answers ?? null) : undefined,
    items: codes.map((code) => {
      const place = index.get(code)!;
      return {
        code,
        type: place.item.type,
        label: place.item.label,
        matrix: place.matrix?.code ?? null,
        repeats: place.repeats,
        summary: summarize(q, ctx.responses, code, ctx.opts),
      };
    }),
  };
}

/** Cross-tabulation of two top-level single-choice questions. */
export async function crossTabulation(
  db: Database,
  a: Actor,
  campaignId: string,
  input: ResultFilter & { rows: string; cols: string },
) {
  const ctx = await resultContext(db, a, campaignId, input, [input.rows, input.cols]);
  checkCode(ctx.definition, input.rows, 'rows');
  checkCode(ctx.definition, input.cols, 'cols');
  try {
    return {
      view: ctx.view,
      crosstab: crosstab(ctx.definition, ctx.responses, input.rows, input.cols, ctx.opts),
    };
  } catch (e) {
    if (e instanceof ResultError) throw badRequest(e.message, [{ field: 'querystring', message: e.message }]);
    throw e;
  }
}

async function codeListLabels(db: Database, list: string) {
  const rows = await db
    .selectFrom('code_list_entries')
    .select(['code', 'labels'])
    .where('list', '=', list)
    .where('active', '=', true)
    .orderBy('code')
    .execute();
  return new Map(rows.map((r) => [r.code, r.labels]));
}

/**
 * Administration × bound code coverage: in full view, every participating administration's
 * observations per code (0 = a gap); in aggregate view, the caller's own row and per code the number
 * of other administrations covering it (hidden under 3).
 */
export async function coverage(db: Database, a: Actor, campaignId: string, input: { list: string }) {
  const ctx = await resultContext(db, a, campaignId);
  const labels = await codeListLabels(db, input.list);
  const q = ctx.definition;
  const totals = pivotByCode(q, ctx.responses, { list: input.list, ...ctx.opts });
  const codes = [...new Set([...labels.keys(), ...totals.map((t) => t.code)])].sort();
  const cellsOf = (responses: Response[]) => {
    const p = new Map(pivotByCode(q, responses, { list: input.list }).map((r) => [r.code, r.observations]));
    return codes.map((code) => p.get(code) ?? 0);
  };
  const participants = await db
    .selectFrom('mapping_campaign_participants as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['o.id', 'o.code'])
    .where('p.campaign_id', '=', campaignId)
    .orderBy('o.code')
    .execute();
  const rowsFor = (orgs: typeof participants) =>
    orgs.map((o) => {
      const mine = ctx.rows
        .filter((r) => r.organisation_id === o.id)
        .map((r) => ({ respondent: r.id, answers: r.answers }));
      return {
        organisationId: o.id,
        organisationCode: o.code,
        responded: mine.length > 0,
        cells: cellsOf(mine),
      };
    });
  const byCode = new Map(totals.map((t) => [t.code, t.respondents]));
  return {
    view: ctx.view,
    list: input.list,
    codes: codes.map((code) => ({ code, labels: labels.get(code) ?? null })),
    rows: ctx.view === 'full' ? rowsFor(participants) : rowsFor(participants.filter((o) => o.id === a.orgId)),
    /** Respondents (administrations in aggregate view) covering each code; null: hidden. */
    totals: codes.map((code) => byCode.get(code) ?? (ctx.view === 'aggregate' ? null : 0)),
  };
}

/** Mean per code of one response set (a number measure, or the count of observations). */
function perCode(q: Questionnaire, responses: Response[], list: string, measure?: string) {
  return new Map(
    pivotByCode(q, responses, { list, ...(measure ? { measure } : {}) }).map((r) => [
      r.code,
      measure ? r.mean : r.observations,
    ]),
  );
}

/** One administration against the median of the others, per code of a list (k = 3 others in aggregate view). */
export async function radar(
  db: Database,
  a: Actor,
  campaignId: string,
  input: { list: string; measure?: string | undefined; administration?: string | undefined },
) {
  const ctx = await resultContext(db, a, campaignId);
  if (input.measure !== undefined) checkCode(ctx.definition, input.measure, 'measure');
  const orgId = input.administration ?? a.orgId;
  if (ctx.view === 'aggregate' && orgId !== a.orgId)
    throw forbidden('In this campaign you compare your own administration with the others.');
  const byOrg = new Map<string, Response[]>();
  for (const r of ctx.rows) {
    const list = byOrg.get(r.organisation_id) ?? [];
    list.push({ respondent: r.id, answers: r.answers });
    byOrg.set(r.organisation_id, list);
  }
  const mine = perCode(ctx.definition, byOrg.get(orgId ?? '') ?? [], input.list, input.measure);
  const others = [...byOrg]
    .filter(([o]) => o !== orgId)
    .map(([, rs]) => perCode(ctx.definition, rs, input.list, input.measure));
  const codes = [...new Set([...mine.keys(), ...others.flatMap((m) => [...m.keys()])])].sort();
  const min = ctx.view === 'aggregate' ? 3 : 1;
  return {
    view: ctx.view,
    list: input.list,
    measure: input.measure ?? null,
    administrationId: orgId,
    axes: codes.map((code) => {
      const values = others
        .map((m) => m.get(code))
        .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
        .sort((x, y) => x - y);
      return {
        code,
        value: mine.get(code) ?? null,
        othersMedian: values.length >= min ? quantile(values, 0.5) : null,
        others: values.length >= min ? values.length : null,
      };
    }),
  };
}

/** Response rate and who is missing: every administration for the coordinator, the own one for an NCP. */
export async function responseRate(db: Database, a: Actor, campaignId: string) {
  const c = await loadCampaign(db, a, campaignId);
  const scope = campaignAbilities(a, c.facts, new Date()).rate;
  if (scope === 'none')
    throw forbidden('The coordinator sees who is missing; each NCP sees their own administration.');
  const participants = await db
    .selectFrom('mapping_campaign_participants as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['o.id', 'o.code', 'o.name'])
    .where('p.campaign_id', '=', campaignId)
    .orderBy('o.code')
    .execute();
  const responses = await db
    .selectFrom('mapping_responses as r')
    .leftJoin('users as u', 'u.id', 'r.respondent_user_id')
    .select([
      'r.organisation_id',
      'r.status',
      'r.last_edited_at',
      'r.validated_at',
      'r.respondent_user_id',
      'u.display_name',
    ])
    .where('r.campaign_id', '=', campaignId)
    .execute();
  const person = c.row.respondent_unit === 'person';
  const administrations = participants.map((o) => {
    const rs = responses.filter((r) => r.organisation_id === o.id);
    const validated = rs.filter((r) => r.status === 'validated');
    const status = person
      ? validated.length > 0
        ? 'validated'
        : rs.some((r) => r.last_edited_at)
          ? 'draft'
          : 'not_started'
      : rs[0]?.status === 'validated'
        ? 'validated'
        : rs[0]?.last_edited_at
          ? rs[0].status
          : 'not_started';
    const own = o.id === a.orgId;
    return {
      id: o.id,
      code: o.code,
      name: o.name,
      status,
      lastEditedAt: iso(
        rs
          .map((r) => r.last_edited_at)
          .filter(Boolean)
          .sort()
          .at(-1) ?? null,
      ),
      validatedAt: iso(
        validated
          .map((r) => r.validated_at)
          .filter(Boolean)
          .sort()
          .at(-1) ?? null,
      ),
      ...(person
        ? {
            respondents: rs.length,
            validatedResponses: validated.length,
            ...(own
              ? {
                  missingPeople: rs
                    .filter((r) => r.status !== 'validated')
                    .map((r) => ({ userId: r.respondent_user_id, displayName: r.display_name })),
                }
              : {}),
          }
        : {}),
    };
  });
  const done = administrations.filter((x) => x.status === 'validated').length;
  return {
    participants: participants.length,
    validated: done,
    rate: participants.length ? Math.round((1000 * done) / participants.length) / 10 : 0,
    administrations: scope === 'all' ? administrations : administrations.filter((x) => x.id === a.orgId),
    missing: (scope === 'all' ? administrations : administrations.filter((x) => x.id === a.orgId))
      .filter((x) => x.status !== 'validated')
      .map((x) => x.code),
  };
}

/** Trends: the summary of one question across the campaigns of every version of a questionnaire. */
export async function trends(db: Database, a: Actor, questionnaireId: string, input: { question: string }) {
  const q = await db
    .selectFrom('mapping_questionnaires')
    .select(['id', 'code'])
    .where('id', '=', questionnaireId)
    .executeTakeFirst();
  if (!q) throw notFound('No such questionnaire.');
  const campaigns = await db
    .selectFrom('mapping_campaigns as c')
    .innerJoin('mapping_questionnaire_versions as v', 'v.id', 'c.questionnaire_version_id')
    .select([
      'c.id',
      'c.title',
      'c.network_id',
      'c.sharing',
      'c.opens_at',
      'c.closes_at',
      'v.version',
      'v.id as version_id',
    ])
    .where('v.questionnaire_id', '=', questionnaireId)
    .orderBy('c.closes_at')
    .execute();
  // each version's definition once (campaigns of one version share it)
  const versionIds = [...new Set(campaigns.map((c) => c.version_id))];
  const definitions = new Map(
    versionIds.length
      ? (
          await db
            .selectFrom('mapping_questionnaire_versions')
            .select(['id', 'definition'])
            .where('id', 'in', versionIds)
            .execute()
        ).map((v) => [v.id, v.definition as Questionnaire])
      : [],
  );
  // the caller's facts and the question's answers of every campaign at once (one query each)
  const facts = await campaignsFacts(db, a, campaigns);
  const shown = campaigns
    .map((c) => ({ c, view: resultView(a, facts.get(c.id)!), def: definitions.get(c.version_id)! }))
    .filter(({ view, def }) => {
      const place = indexItems(def).get(input.question);
      return view !== 'none' && place !== undefined && !CONTAINERS.has(place.item.type);
    });
  const keys = [...new Set(shown.flatMap(({ def }) => answerKeys(def, [input.question])))];
  const all = shown.length
    ? await validatedRows(
        db,
        shown.map(({ c }) => c.id),
        keys,
      )
    : [];
  const points = [];
  for (const { c, view, def } of shown) {
    const { responses, opts } = shapeResponses(
      all.filter((r) => r.campaign_id === c.id),
      a,
      def,
      view,
      {},
    );
    points.push({
      campaignId: c.id,
      title: c.title,
      version: c.version,
      closesAt: iso(c.closes_at),
      view,
      summary: summarize(def, responses, input.question, opts),
    });
  }
  return { questionnaireId, question: input.question, campaigns: points };
}
