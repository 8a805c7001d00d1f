import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Database } from '../../db/connection.ts';
import { HttpError } from '../../http/errors.ts';
import { arushaFactor } from '../../registry/kinds/integrity/integrity-initiative.codes.ts';
import {
  SELF_ASSESSMENT_CODE,
  SELF_ASSESSMENT_MATURITY,
} from '../../registry/kinds/integrity/self-assessment.questionnaire.ts';
import { readableKindQuery } from '../../registry/record-queries.ts';
import { listCampaigns } from '../mapping/operations/campaigns.ts';
import { radar } from '../mapping/operations/results.ts';
import { actionPointKind, conductKind, initiativeKind, lessonKind } from './integrity-kinds.ts';

const FACTORS = arushaFactor.codes.map((c) => c.code);
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Initiatives per key factor × administration: the published initiatives the caller may read,
 * counted per owning administration and factor (an initiative on two factors counts in both).
 * Every administration that has none is a gap (an empty row).
 */
export async function initiativeCoverage(db: Database, a: Actor) {
  const rows = await readableKindQuery(db, a, initiativeKind, { status: 'published', fields: {} })
    .innerJoin(sql<{ value: string }>`jsonb_array_elements_text(r.data->'factors')`.as('f'), (j) =>
      j.onTrue(),
    )
    .select([sql<string>`r.data->>'country'`.as('country'), sql<string>`f.value`.as('factor')])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .groupBy([sql`r.data->>'country'`, sql`f.value`])
    .execute();
  const states = await db
    .selectFrom('organisations')
    .select('code')
    .where('type', '=', 'national_administration')
    .orderBy('code')
    .execute();
  const cell = new Map(rows.map((r) => [`${r.country}:${r.factor}`, Number(r.n)]));
  const administrations = states.map((s) => ({
    code: s.code,
    counts: FACTORS.map((f) => cell.get(`${s.code}:${f}`) ?? 0),
  }));
  return {
    factors: FACTORS,
    administrations,
    totals: FACTORS.map((_, i) => administrations.reduce((sum, x) => sum + x.counts[i]!, 0)),
    gaps: FACTORS.filter((_, i) => administrations.every((x) => x.counts[i] === 0)),
  };
}

/**
 * The self-assessment: the caller's administration against the others' median, per key factor,
 * in the latest campaign whose results the caller may see, and the change since the campaign
 * before it — through the mapping engine's radar, so the campaign's sharing mode applies (in
 * aggregate-only mode: the caller's own values and a median of at least three others, never
 * another administration's maturity).
 */
export async function selfAssessmentTrend(db: Database, a: Actor) {
  const campaigns = (await listCampaigns(db, a)).items
    .filter((c) => c.questionnaireCode === SELF_ASSESSMENT_CODE && c.abilities.results !== 'none')
    .sort((x, y) => (x.opensAt ?? '').localeCompare(y.opensAt ?? ''));
  const radarOf = async (id: string) => {
    try {
      return await radar(db, a, id, { list: arushaFactor.name, measure: SELF_ASSESSMENT_MATURITY });
    } catch (e) {
      if (e instanceof HttpError) return null; // not the caller's to see
      throw e;
    }
  };
  const latest = campaigns.at(-1);
  if (!latest) return null;
  const previous = campaigns.at(-2);
  const now = await radarOf(latest.id);
  if (!now) return null;
  const before = previous ? await radarOf(previous.id) : null;
  const axis = (r: typeof now | null, code: string) => r?.axes.find((x) => x.code === code);
  return {
    campaign: { id: latest.id, title: latest.title, version: latest.version, closesAt: latest.closesAt },
    previous:
      previous && before ? { id: previous.id, title: previous.title, version: previous.version } : null,
    view: now.view,
    factors: FACTORS.map((code) => {
      const mine = axis(now, code)?.value ?? null;
      const was = axis(before, code)?.value ?? null;
      return {
        code,
        value: mine,
        othersMedian: axis(now, code)?.othersMedian ?? null,
        others: axis(now, code)?.others ?? null,
        previousValue: was,
        change: mine !== null && was !== null ? mine - was : null,
      };
    }),
  };
}

/** Open follow-up actions of lessons learned past their due date, that the caller may read. */
export async function overdueLessonActions(db: Database, a: Actor, limit = 10) {
  const base = () =>
    readableKindQuery(db, a, actionPointKind, { status: 'published', fields: {} })
      .where(sql<string>`r.data->>'lesson'`, 'is not', null)
      .where(sql<string>`r.data->>'state'`, '=', 'open')
      .where(sql<string>`r.data->>'due_date'`, '<', today());
  const count = await base()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await base()
    .select([
      'r.id',
      'r.title',
      sql<string>`r.data->>'due_date'`.as('due_date'),
      sql<string>`r.data->>'lesson'`.as('lesson'),
    ])
    .orderBy(sql`r.data->>'due_date'`)
    .limit(limit)
    .execute();
  return {
    count: Number(count.n),
    items: items.map((r) => ({ id: r.id, title: r.title, dueDate: r.due_date, lessonId: r.lesson })),
  };
}

/** The latest published initiatives, codes of conduct and lessons learned the caller may read. */
export async function latestIntegrityItems(db: Database, a: Actor, limit = 8) {
  const all = [];
  for (const kind of [initiativeKind, conductKind, lessonKind]) {
    const rows = await readableKindQuery(db, a, kind, { status: 'published', fields: {} })
      .select(['r.id', 'r.title', 'r.published_at', 'o.code as owner'])
      .orderBy('r.published_at', 'desc')
      .limit(limit)
      .execute();
    all.push(
      ...rows.map((r) => ({
        kind: kind.name,
        id: r.id,
        title: r.title,
        owner: r.owner,
        publishedAt: r.published_at,
      })),
    );
  }
  return all
    .sort((x, y) => (y.publishedAt?.getTime() ?? 0) - (x.publishedAt?.getTime() ?? 0))
    .slice(0, limit)
    .map((x) => ({ ...x, publishedAt: x.publishedAt?.toISOString() ?? null }));
}

/** The integrity area's page: coverage, self-assessment against the median and its change, overdue actions, latest items. */
export async function integrityOverview(db: Database, a: Actor) {
  return {
    coverage: await initiativeCoverage(db, a),
    selfAssessment: await selfAssessmentTrend(db, a),
    overdueActions: await overdueLessonActions(db, a),
    latest: await latestIntegrityItems(db, a),
  };
}
